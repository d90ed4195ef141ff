import { Directive } from 'type-graphql';
import { DataCategory } from '../domain.js';

/** Prefix of the `@tag` names that carry a data category into the supergraph. */
export const CATEGORY_TAG_PREFIX = 'category:';

/**
 * Labels a field with the data category of the personal data it carries. The label is a
 * federation `@tag`, so it travels unchanged into the composed supergraph, where the hub
 * reads it: one source of truth for the disclosure policy.
 */
export function Category(category: DataCategory): MethodDecorator & PropertyDecorator {
  return Directive(`@tag(name: "${CATEGORY_TAG_PREFIX}${category}")`);
}

/** Tag of fields of value types (e.g. AgentContact) that take the category of the field holding them. */
export const INHERITED_CATEGORY_TAG = `${CATEGORY_TAG_PREFIX}inherited`;

/**
 * Marks a field of a value type used under fields of different categories (an
 * `AgentContact` is a référent under PROTECTION_STATUS, a reporter under REPORTER_IDENTITY):
 * it is released or withheld with the labelled field that holds it.
 */
export function InheritsCategory(): MethodDecorator & PropertyDecorator {
  return Directive(`@tag(name: "${INHERITED_CATEGORY_TAG}")`);
}

/** `category:HEALTH_DETAILS` → `HEALTH_DETAILS`; null for any other tag. */
export function categoryFromTag(tagName: string): DataCategory | null {
  if (!tagName.startsWith(CATEGORY_TAG_PREFIX)) return null;
  const value = tagName.slice(CATEGORY_TAG_PREFIX.length);
  return (Object.values(DataCategory) as string[]).includes(value) ? (value as DataCategory) : null;
}
