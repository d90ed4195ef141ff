import type { FieldNode } from 'graphql';

/**
 * Fields the hub adds to an operation for its own decisions and strips from the result.
 * Clients may not use aliases with this prefix.
 */
export const HELPER_PREFIX = '_cp';
/** On every `Child` selection: the child's id, whatever the client selected. */
export const CHILD_ID_ALIAS = '_cpChildId';
/**
 * On types about children but not under one (a Concern in the CRIP inbox): their ids. Not
 * added where the client selects the subject field itself, unconditionally: the walk reads
 * the ids there (`isWholeSubjectList`).
 */
export const SUBJECTS_ALIAS = '_cpSubjects';
/** On abstract types: the runtime type, to apply the right fragment. */
export const TYPENAME_ALIAS = '_cpTypename';
/**
 * On every `ProtectionStatus` selection: whether the child has an ASE référent, read as
 * `referent { __typename }` (null when no dossier is open). A release of PROTECTION_STATUS
 * notifies the child's référent (DESIGN.md, the table's footnote); a child shown to have
 * none has nobody to notify, so no notification is written for it.
 */
export const REFERENT_ALIAS = '_cpReferent';
/** The type whose `referent` field names the child's ASE référent. */
export const REFERENT_TYPE = 'ProtectionStatus';
export const REFERENT_FIELD = 'referent';

/** The entity type whose objects carry a child's data. */
export const CHILD_TYPE = 'Child';

/**
 * Types whose objects concern children without being reached through one, and the field
 * listing those children. Their labelled fields are decided for every child listed.
 */
export const SUBJECT_FIELDS: Readonly<Record<string, string>> = { Concern: 'children' };

/**
 * True for a field of `typeName` that is its subject field (SUBJECT_FIELDS) as it is, with
 * no arguments: its value lists every child the object is about. The rewrite leaves out the
 * SUBJECTS_ALIAS list where the client selects one always (no directive either), and the
 * walk then reads the subjects there.
 */
export function isWholeSubjectList(field: FieldNode, typeName: string): boolean {
  return field.name.value === SUBJECT_FIELDS[typeName] && !field.arguments?.length;
}

/**
 * Institutional records that name their child by id. Outside a `Child` (a data-entry
 * mutation's result: `recordHomeVisit { notes }`) the hub reads that id under
 * SUBJECTS_ALIAS and decides the record's fields for that child.
 */
export const SUBJECT_ID_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  ['CripEvaluation', 'Dossier', 'Measure', 'Placement', 'CourtDecision', 'PmiFollowUp', 'HealthCheck', 'HomeVisit', 'VaccinationStatus', 'ChildcareArrangement'].map((type) => [type, 'childId']),
);

/**
 * Fields exempt from field-level labelling: the child's opaque key, and the timeline,
 * whose events are each decided by their own category inside its resolver.
 */
export const UNLABELLED_BY_DESIGN: ReadonlySet<string> = new Set(['Child.id', 'Child.timeline']);
