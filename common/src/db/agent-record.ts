import { Column, PrimaryColumn } from 'typeorm';
import type { AgentContact } from '../federation/agent-contact.type.js';

/**
 * The columns every institution keeps about its own professionals, to show how to reach
 * them (a référent, a nurse, a reporter). Each service's `<name>_agent` entity extends it;
 * the agent id is the token's `sub`.
 */
export abstract class AgentRecord<TRole extends string = string> {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: TRole;

  /** Institution code, e.g. `ASE-75`, `PMI-75`, `RPE-75-11`. */
  @Column({ type: 'text' })
  institution: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;
}

/** How to reach an agent; null when the agent is unknown to this institution. */
export function toAgentContact(agent: AgentRecord | null | undefined): AgentContact | null {
  if (!agent) return null;
  return { name: agent.name, institution: agent.institution, phone: agent.phone, email: agent.email };
}
