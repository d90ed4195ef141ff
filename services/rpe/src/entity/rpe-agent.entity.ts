import { Entity } from 'typeorm';
import { AgentRecord } from '../../../../common/src/db/agent-record.js';
import type { Role } from '../../../../common/src/domain.js';

/** A coordinator of a relais: how the CRIP reaches the reporter of a concern. */
@Entity({ name: 'rpe_agent' })
export class RpeAgent extends AgentRecord<Role.RPE_COORDINATOR> {}
