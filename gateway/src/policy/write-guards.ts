/**
 * Writes about a child need a fact about that child before they reach an institution:
 * - `relationship`: the writer must already have a care relationship with every child named
 *   (a report or a home visit must not be a way to create one);
 * - `existence`: the child must be in the hub's directory (opening a file creates the
 *   relationship, but not for an id nobody registered).
 * Keyed by mutation, with the argument path holding the child id(s).
 */
export const WRITE_GUARDS: Readonly<Record<string, { argument: string; path: readonly string[]; requires: 'relationship' | 'existence' }>> = {
  flagConcern: { argument: 'input', path: ['childIds'], requires: 'relationship' },
  recordHomeVisit: { argument: 'input', path: ['childId'], requires: 'relationship' },
  recordHealthCheck: { argument: 'input', path: ['childId'], requires: 'relationship' },
  updateVaccinationStatus: { argument: 'input', path: ['childId'], requires: 'relationship' },
  addMeasure: { argument: 'input', path: ['childId'], requires: 'relationship' },
  recordPlacement: { argument: 'input', path: ['childId'], requires: 'relationship' },
  openDossier: { argument: 'input', path: ['childId'], requires: 'existence' },
  startFollowUp: { argument: 'input', path: ['childId'], requires: 'existence' },
  recordInformationPreoccupante: { argument: 'input', path: ['childId'], requires: 'existence' },
  registerChildcareArrangement: { argument: 'input', path: ['childId'], requires: 'existence' },
  recordCourtDecision: { argument: 'input', path: ['childId'], requires: 'existence' },
};

/**
 * Writes that can end the writer's own care relationship with the record's child: a nurse
 * closing her follow-up, a relais recording the end of its childminder's arrangement, a
 * référent closing her dossier. The institution has checked that the record is the
 * writer's; the answer (the record as written) is decided on the relationships as they
 * stood when the write was made, not as the write left them, or the writer would get
 * NEED_TO_KNOW for her own successful write and could not tell whether it was made. An
 * identical retry, made once the relationship is gone, is answered on the record the
 * institution returns (policy-executor.ts, vouchedByOwnWrite); the reading before the write
 * still decides a document that holds other root fields beside it.
 */
export const ENDS_RELATIONSHIP: ReadonlySet<string> = new Set(['closeFollowUp', 'endChildcareArrangement', 'closeDossier']);

/**
 * The most children one guarded write may name (a concern's `childIds`, as the relais's own
 * validation allows): checked before the guard's lookups, which a list of 100,000 unknown
 * ids turned into seconds of work for the hub and a hundred calls to the relais.
 */
export const MAX_CHILDREN_PER_WRITE = 20;

/**
 * An `ID` as the field receives it: a string, or an integer written as a literal
 * (`childId: 33612345678`), which GraphQL coerces to its digits. Anything else is no id.
 */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return undefined;
}

/** The child ids a guarded write names, from its (coerced or literal) argument value. */
export function childIdsOf(value: unknown, path: readonly string[]): string[] {
  let current: unknown = value;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(current)) return current.map(asId).filter((id): id is string => id !== undefined);
  const id = asId(current);
  return id === undefined ? [] : [id];
}
