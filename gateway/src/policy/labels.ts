import { type ConstDirectiveNode, Kind, parse } from 'graphql';
import type { DataCategory } from '../../../common/src/domain.js';
import { categoryFromTag, INHERITED_CATEGORY_TAG } from '../../../common/src/federation/category.js';

/** A field's label: its own category, or `inherited` (takes the category of its holder). */
export type FieldLabel = DataCategory | 'inherited';
/** `Type.field` → label, read once from the supergraph at start-up. */
export type LabelMap = ReadonlyMap<string, FieldLabel>;

function labelOf(directives: readonly ConstDirectiveNode[] | undefined): FieldLabel | null {
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'tag') continue;
    const name = directive.arguments?.find((argument) => argument.name.value === 'name');
    if (!name || name.value.kind !== Kind.STRING) continue;
    if (name.value.value === INHERITED_CATEGORY_TAG) return 'inherited';
    const category = categoryFromTag(name.value.value);
    if (category) return category;
  }
  return null;
}

/**
 * Reads the data-category labels that each subgraph put on its fields (`@tag`) from the
 * composed supergraph: the one source of truth for what a field carries.
 */
export function labelsFromSupergraph(supergraphSdl: string): LabelMap {
  const labels = new Map<string, FieldLabel>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const label = labelOf(field.directives);
      if (label) labels.set(`${definition.name.value}.${field.name.value}`, label);
    }
  }
  return labels;
}

/**
 * The category a field is decided under: its own label, else the category of the field
 * holding it (`inherited`, or no label at all: unlabelled data never escapes its holder's
 * decision). Null outside any labelled holder (e.g. `me`).
 */
export function effectiveCategory(labels: LabelMap, typeName: string, fieldName: string, holder: DataCategory | null): DataCategory | null {
  const label = labels.get(`${typeName}.${fieldName}`);
  if (!label || label === 'inherited') return holder;
  return label;
}
