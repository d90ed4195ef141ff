import { Entity } from 'typeorm';
import { AgentRecord } from '../../../../common/src/db/agent-record.js';
import type { Role } from '../../../../common/src/domain.js';

export type AseRole = Role.ASE_REFERENT | Role.ASE_MANAGER | Role.CRIP_EVALUATOR;

/**
 * A professional of the département's ASE or CRIP, known here to build référent and
 * evaluator contacts. Not a GraphQL type: clients see an AgentContact.
 */
@Entity({ name: 'ase_agent' })
export class AseAgent extends AgentRecord<AseRole> {}
