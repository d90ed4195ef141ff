import {
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  BREAK,
  visit,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields.js';
import { getArgumentValues } from 'graphql/execution/values.js';
import type { DataCategory, Role } from '../../../common/src/domain.js';
import { type ChildFacts, DECISIONS, type Decision, decide, type DenyCode } from './decide.js';
import { CHILD_ID_ALIAS, CHILD_TYPE, isWholeSubjectList, REFERENT_ALIAS, REFERENT_TYPE, SUBJECT_FIELDS, SUBJECT_ID_FIELDS, SUBJECTS_ALIAS, TYPENAME_ALIAS } from './helper-fields.js';
import { effectiveCategory, type LabelMap } from './labels.js';
import { ruleFor } from './rules.js';

export type Path = ReadonlyArray<string | number>;
export interface Redaction { path: Path; code: DenyCode; category: DataCategory }
/**
 * `notifyReferent`: the rule asks for the child's référent to be told, and the response did
 * not show the child to have none (a child whose référent is unknown is notified).
 */
export interface Release { childId: string; category: DataCategory; notifyReferent: boolean }

export interface RedactionOutcome {
  data: Record<string, unknown> | null;
  redactions: Redaction[];
  /** One entry per (child, category) released in this response. */
  releases: Release[];
  /** Children whose data this response touched (released or withheld). */
  childIds: string[];
  /**
   * The timeline reads (`timelineRead`: child, dates, parts asked) that the result held only
   * inside withheld fields (a concern naming a child the viewer does not know): what the
   * timeline resolver disclosed for them never reached the client. The same child's timeline
   * carried elsewhere with other dates or parts does not carry these. A timeline whose child
   * the walk cannot name is not listed.
   */
  timelinesWithheld: ReadonlySet<string>;
}

/**
 * One read of a child's timeline, as its resolver and the walk both see it: the child, the
 * dates asked and which parts of the answer were selected (they decide what it discloses).
 */
export function timelineRead(childId: string, from: unknown, to: unknown, parts: { events: boolean; withheld: boolean }): string {
  return JSON.stringify([childId, from ?? null, to ?? null, parts.events, parts.withheld]);
}

type JsonObject = Record<string, unknown>;

/** The walk's plans, by the operation's root selection: each selection keeps those of its objects. */
export type FieldPlans = WeakMap<SelectionSetNode, Composite>;

/** True when a directive of the operation (`@skip(if: $x)`) reads a variable: its plans vary. */
export function selectionsUseVariables(operation: OperationDefinitionNode): boolean {
  let found = false;
  visit(operation.selectionSet, {
    Directive: (node) => {
      if (node.arguments?.some((argument) => argument.value.kind !== Kind.BOOLEAN)) found = true;
      return found ? BREAK : undefined;
    },
  });
  return found;
}

/** What the walk needs of one field of a selection, for one runtime type and holder. */
interface FieldPlan {
  responseKey: string;
  typename: boolean;
  /**
   * `Child.timeline`: disclosed by its own resolver, carried only if the walk keeps it. Its
   * dates and selected parts, for `timelineRead`.
   */
  timeline: { from: unknown; to: unknown; events: boolean; withheld: boolean } | null;
  category: DataCategory | null;
  /** Its type and merged sub-selection, when the walk goes into its value. */
  composite: Composite | null;
}

/** A selection the walk goes into, with the plans of its runtime types once worked out. */
interface Composite {
  type: GraphQLCompositeType;
  abstract: boolean;
  selectionSet: SelectionSetNode;
  /**
   * The plan of the objects under this selection, once worked out: a field's value is always
   * walked with the field's own category as holder, so the runtime type alone picks it (one
   * plan for an object type, one per type met for an interface or union).
   */
  plan?: ObjectPlan;
  plans?: Map<GraphQLObjectType, ObjectPlan>;
}

/** What the walk needs of a selection on one runtime type, for one holder. */
interface ObjectPlan {
  fields: FieldPlan[];
  /** Where the children in scope are read: the child's own id, or a subject list or id. */
  scopeFrom: 'child' | 'subjects' | null;
  /**
   * The response key of the client's own subject field (a concern's `children`), read for
   * the subjects when the rewrite added no SUBJECTS_ALIAS because the client selected it.
   */
  subjectsKey: string | null;
  /** The object says whether its child has a référent (REFERENT_ALIAS). */
  readsReferent: boolean;
}

/** A response path as a linked list: built as an array only for a redacted field. */
interface PathNode {
  prev: PathNode | null;
  key: string | number;
}
function pathArray(node: PathNode | null): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let current = node; current; current = current.prev) keys.push(current.key);
  return keys.reverse();
}
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A value that releases something: not null, and not an empty list (which, like null, says "none"). */
const holdsSomething = (value: unknown): boolean => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

interface RedactionArgs {
  schema: GraphQLSchema;
  labels: LabelMap;
  role: Role;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  data: JsonObject | null | undefined;
  /**
   * Field plans kept from earlier responses to the same operation and role; only for an
   * operation whose selections do not depend on its variables (see `selectionsUseVariables`).
   */
  plans?: FieldPlans;
}

/** A walked result waiting for its facts: the children it is about, then the decisions. */
export interface PendingRedaction {
  /** Every child the result names (helper ids), whose facts the decisions need. */
  childIds: string[];
  /** Applies the decisions; call once. */
  apply(facts: (childId: string) => ChildFacts): RedactionOutcome;
}

/** A labelled field where the category changes or a new child comes into scope. */
interface DecisionPoint {
  /** The nearest decision point above this one, or -1. */
  enclosing: number;
  /** The result object holding the field (set to null when the decision denies). */
  target: JsonObject;
  key: string;
  scope: readonly string[] | null;
  category: DataCategory;
  path: PathNode;
  /** The field releases something (`holdsSomething`): a null or an empty list is no release. */
  hasValue: boolean;
  /** The executed result had the field (a field removed before planning has not). */
  present: boolean;
}

/**
 * Walks an executed result once, following the client's own operation: builds the response
 * (helper fields gone) and notes every point where a decision is needed and every child in
 * scope. The decisions are then applied, once the facts about those children are loaded:
 * fields the role may never see come back as null with FORBIDDEN_CATEGORY, and every
 * labelled field is decided for the child (or children) it is about; a denied field's
 * content is neither released nor counted. Never mutates `data`.
 */
export function walkForRedaction(args: RedactionArgs): PendingRedaction {
  const { schema, labels, role } = args;
  const points: DecisionPoint[] = [];
  const scopes: Array<{ enclosing: number; ids: readonly string[] }> = [];
  const named = new Set<string>();
  /** Each `Child.timeline` met with a value: its read (`timelineRead`), and the nearest decision point above it. */
  const timelines: Array<{ read: string; enclosing: number }> = [];
  /** Whether each child has a référent, where the result says so (any object saying yes wins). */
  const hasReferent = new Map<string, boolean>();

  // Every object of a list shares its selection: what each field needs (its category, its
  // merged sub-selection, its type) is worked out once per selection and runtime type, and
  // kept on the selection (`Composite`), not once per object.
  const planFor = (runtimeType: GraphQLObjectType, selectionSet: SelectionSetNode, holder: DataCategory | null): ObjectPlan => {
    let subjectsKey: string | null = null;
    const fields = [...collectFields(schema, {}, args.variables, runtimeType, selectionSet)].map(([responseKey, nodes]): FieldPlan => {
      const fieldName = nodes[0].name.value;
      // Directives are already applied (collectFields): any list still here is the whole one.
      if (subjectsKey === null && isWholeSubjectList(nodes[0], runtimeType.name)) subjectsKey = responseKey;
      const fieldType = runtimeType.getFields()[fieldName];
      const namedType = fieldType ? getNamedType(fieldType.type) : undefined;
      const subSelection: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
      let timeline: FieldPlan['timeline'] = null;
      if (runtimeType.name === CHILD_TYPE && fieldName === 'timeline' && fieldType && namedType && isObjectType(namedType)) {
        const { from, to } = getArgumentValues(fieldType, nodes[0], args.variables);
        const parts = new Set([...collectFields(schema, {}, args.variables, namedType, subSelection).values()].map((fieldNodes) => fieldNodes[0].name.value));
        timeline = { from, to, events: parts.has('events'), withheld: parts.has('withheld') };
      }
      return {
        responseKey,
        typename: fieldName === '__typename',
        timeline,
        category: effectiveCategory(labels, runtimeType.name, fieldName, holder),
        composite: namedType && isCompositeType(namedType) && subSelection.selections.length > 0 ? { type: namedType, abstract: isAbstractType(namedType), selectionSet: subSelection } : null,
      };
    });
    // The rewrite adds the helper ids only on these types (rewrite-operation.ts).
    const scopeFrom = runtimeType.name === CHILD_TYPE ? 'child' : SUBJECT_FIELDS[runtimeType.name] || SUBJECT_ID_FIELDS[runtimeType.name] ? 'subjects' : null;
    return { fields, scopeFrom, subjectsKey, readsReferent: runtimeType.name === REFERENT_TYPE };
  };

  const walkValue = (value: unknown, composite: Composite, scope: readonly string[] | null, holder: DataCategory | null, path: PathNode, enclosing: number): unknown => {
    if (value === null || value === undefined) return value;
    if (Array.isArray(value)) {
      const items = new Array<unknown>(value.length);
      for (let index = 0; index < value.length; index += 1) items[index] = walkValue(value[index], composite, scope, holder, { prev: path, key: index }, enclosing);
      return items;
    }
    if (!isObject(value)) return value;
    return walkObject(value, composite, scope, holder, path, enclosing);
  };

  const walkObject = (object: JsonObject, composite: Composite, inheritedScope: readonly string[] | null, holder: DataCategory | null, path: PathNode | null, enclosing: number): JsonObject => {
    const runtimeType = (composite.abstract ? schema.getType(String(object[TYPENAME_ALIAS])) : composite.type) as GraphQLObjectType | undefined;
    if (!runtimeType || !isObjectType(runtimeType)) return {};
    let plan: ObjectPlan | undefined;
    if (composite.abstract) {
      composite.plans ??= new Map();
      plan = composite.plans.get(runtimeType);
      if (!plan) composite.plans.set(runtimeType, (plan = planFor(runtimeType, composite.selectionSet, holder)));
    } else {
      plan = composite.plan ??= planFor(runtimeType, composite.selectionSet, holder);
    }
    let scope = inheritedScope;
    if (plan.scopeFrom === 'child') {
      const id = object[CHILD_ID_ALIAS];
      if (typeof id === 'string') scope = [id];
    } else if (plan.scopeFrom === 'subjects') {
      // The helper when the rewrite added it, else the client's own subject field (see
      // `isWholeSubjectList`): the same list, with the same ids.
      const subjects = SUBJECTS_ALIAS in object || plan.subjectsKey === null ? object[SUBJECTS_ALIAS] : object[plan.subjectsKey];
      if (Array.isArray(subjects)) scope = (subjects as JsonObject[]).map((subject) => subject[CHILD_ID_ALIAS]).filter((id): id is string => typeof id === 'string');
      else if (typeof subjects === 'string') scope = [subjects];
    }
    if (scope && scope !== inheritedScope) {
      scopes.push({ enclosing, ids: scope });
      for (const id of scope) named.add(id);
    }
    // Only an explicit null says "no référent"; a missing helper leaves it unknown.
    if (plan.readsReferent && scope?.length === 1 && REFERENT_ALIAS in object) {
      const id = scope[0];
      hasReferent.set(id, object[REFERENT_ALIAS] !== null || hasReferent.get(id) === true);
    }

    const result: JsonObject = {};
    for (const field of plan.fields) {
      const { responseKey, category } = field;
      if (field.typename) {
        result[responseKey] = runtimeType.name;
        continue;
      }
      // A JSON result holds no undefined: `in` is asked only of a field it lacks.
      const value = object[responseKey];
      const present = value !== undefined || responseKey in object;
      // A decision where the category changes or a new child comes into scope.
      let within = enclosing;
      let fieldPath: PathNode | null = null;
      if (category && (category !== holder || scope !== inheritedScope)) {
        within = points.length;
        fieldPath = { prev: path, key: responseKey };
        points.push({ enclosing, target: result, key: responseKey, scope, category, path: fieldPath, hasValue: holdsSomething(value), present });
        // Holds the field's place in the response (fields keep the operation's order).
        if (!present) result[responseKey] = null;
      }
      if (!present) continue;
      if (field.timeline && value !== null && scope?.length === 1) {
        timelines.push({ read: timelineRead(scope[0], field.timeline.from, field.timeline.to, field.timeline), enclosing: within });
      }
      result[responseKey] = field.composite ? walkValue(value, field.composite, scope, category, fieldPath ?? { prev: path, key: responseKey }, within) : value;
    }
    return result;
  };

  const rootType = schema.getRootType(args.operation.operation);
  let data: JsonObject | null = args.data ?? null;
  if (args.data && rootType) {
    const selectionSet = args.operation.selectionSet;
    let root = args.plans?.get(selectionSet);
    if (!root) {
      root = { type: rootType, abstract: false, selectionSet };
      args.plans?.set(selectionSet, root);
    }
    data = walkObject(args.data, root, null, null, null, -1);
  }

  return {
    childIds: [...named],
    apply(facts) {
      const viewer = { role };
      const decideFor = (scope: readonly string[] | null, category: DataCategory): Decision => {
        if (ruleFor(category, role) === 'D') return DECISIONS.forbidden;
        if (!scope || scope.length === 0) return DECISIONS.needToKnow;
        let notify = false;
        for (const childId of scope) {
          const decision = decide(viewer, facts(childId), category);
          if (!decision.permit) return decision;
          notify ||= decision.notifyReferent;
        }
        return notify ? DECISIONS.permitAndNotify : DECISIONS.permit;
      };
      const redactions: Redaction[] = [];
      // One release per (child, category), in the order first met.
      const releases: Release[] = [];
      const released = new Map<DataCategory, Set<string>>();
      // Points come in walk order (an enclosing point before those inside it): a point inside
      // a withheld field is not reached, and neither decided, reported nor released.
      const unreached = new Uint8Array(points.length);
      for (let index = 0; index < points.length; index += 1) {
        const point = points[index];
        if (point.enclosing >= 0 && unreached[point.enclosing]) {
          unreached[index] = 1;
          continue;
        }
        const decision = decideFor(point.scope, point.category);
        if (!decision.permit) {
          unreached[index] = 1;
          point.target[point.key] = null;
          redactions.push({ path: pathArray(point.path), code: decision.code, category: point.category });
          continue;
        }
        if (!point.present) delete point.target[point.key];
        if (!point.hasValue || !point.scope) continue;
        let children = released.get(point.category);
        if (!children) released.set(point.category, (children = new Set()));
        for (const childId of point.scope) {
          if (children.has(childId)) continue;
          children.add(childId);
          releases.push({ childId, category: point.category, notifyReferent: decision.notifyReferent && hasReferent.get(childId) !== false });
        }
      }
      const childIds = new Set<string>();
      for (const scope of scopes) if (scope.enclosing < 0 || !unreached[scope.enclosing]) for (const id of scope.ids) childIds.add(id);
      const carried = new Set<string>();
      const withheld = new Set<string>();
      for (const timeline of timelines) (timeline.enclosing < 0 || !unreached[timeline.enclosing] ? carried : withheld).add(timeline.read);
      for (const id of carried) withheld.delete(id);
      return { data, redactions, releases, childIds: [...childIds], timelinesWithheld: withheld };
    },
  };
}

/**
 * The result of an operation with nothing to decide (`RewrittenOperation.decidesNothing`):
 * no child named, nothing withheld, the planner's data released as it stands.
 */
export function nothingToDecide(data: JsonObject | null | undefined): PendingRedaction {
  return { childIds: [], apply: () => ({ data: data ?? null, redactions: [], releases: [], childIds: [], timelinesWithheld: new Set() }) };
}

/** Walks and decides in one call, when the facts are at hand (see `walkForRedaction`). Pure. */
export function redactResult(args: RedactionArgs & { facts: (childId: string) => ChildFacts }): RedactionOutcome {
  return walkForRedaction(args).apply(args.facts);
}
