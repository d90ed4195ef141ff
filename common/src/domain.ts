/**
 * Vocabulary shared by every deployable: the data categories that label personal-data
 * fields, the roles carried by agents' tokens and the sources (institutions) of data.
 * Names are part of the public contract (DESIGN.md): add freely, rename nothing.
 */
export enum DataCategory {
  IDENTITY = 'IDENTITY',
  PROTECTION_STATUS = 'PROTECTION_STATUS',
  PROTECTION_DETAILS = 'PROTECTION_DETAILS',
  PLACEMENT_LOCATION = 'PLACEMENT_LOCATION',
  HEALTH_FOLLOW_UP = 'HEALTH_FOLLOW_UP',
  HEALTH_DETAILS = 'HEALTH_DETAILS',
  CHILDCARE = 'CHILDCARE',
  CONCERN = 'CONCERN',
  COURT_DECISION = 'COURT_DECISION',
  COURT_DECISION_CONTENT = 'COURT_DECISION_CONTENT',
  REPORTER_IDENTITY = 'REPORTER_IDENTITY',
}
export const ALL_CATEGORIES: readonly DataCategory[] = Object.freeze(Object.values(DataCategory));

export enum Role {
  PMI_NURSE = 'PMI_NURSE',
  PMI_DOCTOR = 'PMI_DOCTOR',
  RPE_COORDINATOR = 'RPE_COORDINATOR',
  ASE_REFERENT = 'ASE_REFERENT',
  ASE_MANAGER = 'ASE_MANAGER',
  CRIP_EVALUATOR = 'CRIP_EVALUATOR',
  JUDGE = 'JUDGE',
  DPO = 'DPO',
}
export const ALL_ROLES: readonly Role[] = Object.freeze(Object.values(Role));

export enum Source {
  ASE = 'ASE',
  PMI = 'PMI',
  RPE = 'RPE',
  JUSTICE = 'JUSTICE',
}

/** The viewer as the hub passes it to a subgraph's internal care-relationship field. */
export interface Viewer {
  agentId: string;
  role: Role;
  institution: string;
}

/**
 * Where an institution's département is written in its id; the first group is the
 * département. Also read by PostgreSQL (`substring(institution from $1)`), whose regular
 * expressions give the same answer for this pattern (see domain.test.ts).
 */
export const DEPARTEMENT_PATTERN = '^[A-Z]+-(\\d{2,3}|2A|2B)(?:-|$)';
const DEPARTEMENT = new RegExp(DEPARTEMENT_PATTERN);

/** `ASE-75` → `75`, `RPE-75-11` → `75`: the département an institution belongs to. */
export function departementOf(institution: string): string | null {
  const match = DEPARTEMENT.exec(institution);
  return match ? match[1] : null;
}

/** The shape of every child id (`child-lea`, `child-<uuid>`): anything else names no child. */
const CHILD_ID = /^[A-Za-z0-9._:-]{1,64}$/;
export function isChildId(value: string): boolean {
  return CHILD_ID.test(value);
}
