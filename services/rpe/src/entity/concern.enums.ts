import { registerEnumType } from 'type-graphql';

export enum ConcernCategory {
  SAFETY = 'SAFETY',
  HYGIENE = 'HYGIENE',
  OVERCAPACITY = 'OVERCAPACITY',
  NEGLECT = 'NEGLECT',
  VIOLENCE = 'VIOLENCE',
  OTHER = 'OTHER',
}
registerEnumType(ConcernCategory, { name: 'ConcernCategory', description: 'What the relais observed' });

export enum Severity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(Severity, { name: 'Severity' });

/** SUBMITTED → ACKNOWLEDGED → UNDER_EVALUATION → CLOSED (domain/concern-transitions.ts). */
export enum ConcernStatus {
  SUBMITTED = 'SUBMITTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  UNDER_EVALUATION = 'UNDER_EVALUATION',
  CLOSED = 'CLOSED',
}
registerEnumType(ConcernStatus, { name: 'ConcernStatus' });
