import { ALL_ROLES, Role } from '../../../common/src/domain.js';

const R = Role;
const ASE_CASEWORK = [R.ASE_REFERENT, R.ASE_MANAGER];
const CHILD_READERS = ALL_ROLES;
const INSTITUTIONAL = ALL_ROLES.filter((role) => role !== R.DPO);

/**
 * Which roles may call each root field at all (FORBIDDEN otherwise). A root field missing
 * from this table is refused to everyone: a new operation must be placed here on purpose.
 * What a permitted operation returns about a child is then decided field by field.
 */
export const OPERATION_ROLES: Readonly<Record<string, readonly Role[]>> = {
  // Queries
  me: ALL_ROLES,
  child: CHILD_READERS,
  myChildren: CHILD_READERS,
  concernsInbox: [R.CRIP_EVALUATOR, R.ASE_MANAGER],
  myRelaisConcerns: [R.RPE_COORDINATOR],
  accessNotifications: ASE_CASEWORK,
  auditTrail: [R.DPO, R.ASE_MANAGER],
  auditIntegrity: [R.DPO],
  consents: ASE_CASEWORK,
  // Hub mutations
  recordConsent: ASE_CASEWORK,
  revokeConsent: ASE_CASEWORK,
  markNotificationsRead: ASE_CASEWORK,
  registerChild: INSTITUTIONAL,
  // RPE and the CRIP
  flagConcern: [R.RPE_COORDINATOR],
  acknowledgeConcern: [R.CRIP_EVALUATOR],
  startConcernEvaluation: [R.CRIP_EVALUATOR],
  closeConcern: [R.CRIP_EVALUATOR, R.ASE_MANAGER],
  registerChildminder: [R.RPE_COORDINATOR],
  registerChildcareArrangement: [R.RPE_COORDINATOR],
  endChildcareArrangement: [R.RPE_COORDINATOR],
  // ASE
  openDossier: ASE_CASEWORK,
  closeDossier: ASE_CASEWORK,
  addMeasure: ASE_CASEWORK,
  endMeasure: ASE_CASEWORK,
  recordPlacement: ASE_CASEWORK,
  recordInformationPreoccupante: [R.CRIP_EVALUATOR, R.ASE_MANAGER],
  closeEvaluation: [R.CRIP_EVALUATOR, R.ASE_MANAGER],
  // PMI
  startFollowUp: [R.PMI_NURSE, R.PMI_DOCTOR],
  closeFollowUp: [R.PMI_NURSE, R.PMI_DOCTOR],
  recordHomeVisit: [R.PMI_NURSE],
  recordHealthCheck: [R.PMI_NURSE, R.PMI_DOCTOR],
  updateVaccinationStatus: [R.PMI_NURSE, R.PMI_DOCTOR],
  // Justice
  recordCourtDecision: [R.JUDGE],
};

/** May this role call this root field? Unknown fields: no. */
export function mayCall(role: Role, rootField: string): boolean {
  if (rootField === '__typename') return true;
  return OPERATION_ROLES[rootField]?.includes(role) ?? false;
}
