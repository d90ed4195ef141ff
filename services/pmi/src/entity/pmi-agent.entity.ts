import { Entity } from 'typeorm';
import { AgentRecord, toAgentContact } from '../../../../common/src/db/agent-record.js';

export enum PmiRole {
  PMI_NURSE = 'PMI_NURSE',
  PMI_DOCTOR = 'PMI_DOCTOR',
}

/** A puéricultrice or doctor of a PMI institution. Not exposed: reached as an AgentContact. */
@Entity({ name: 'pmi_agent' })
export class PmiAgent extends AgentRecord<PmiRole> {}

export { toAgentContact };
