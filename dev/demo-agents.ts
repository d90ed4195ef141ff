import { Role } from '../common/src/domain.js';

/** The demo agents of DESIGN.md (fictional people), for `npm run token`. */
export const DEMO_AGENTS = [
  { id: 'agent-pmi-claire', name: 'Claire Dubois', role: Role.PMI_NURSE, institution: 'PMI-75' },
  { id: 'agent-pmi-hugo', name: 'Hugo Lefèvre', role: Role.PMI_NURSE, institution: 'PMI-75' },
  { id: 'agent-rpe-amina', name: 'Amina Diallo', role: Role.RPE_COORDINATOR, institution: 'RPE-75-11' },
  { id: 'agent-ase-julien', name: 'Julien Moreau', role: Role.ASE_REFERENT, institution: 'ASE-75' },
  { id: 'agent-ase-nathalie', name: 'Nathalie Roux', role: Role.ASE_MANAGER, institution: 'ASE-75' },
  { id: 'agent-crip-karim', name: 'Karim Benali', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' },
  { id: 'agent-tj-helene', name: 'Hélène Girard', role: Role.JUDGE, institution: 'TJ-PARIS' },
  { id: 'agent-dpo-marc', name: 'Marc Fontaine', role: Role.DPO, institution: 'ASE-75' },
] as const;

export type DemoAgent = (typeof DEMO_AGENTS)[number];

export function findDemoAgent(id: string): DemoAgent | undefined {
  return DEMO_AGENTS.find((agent) => agent.id === id);
}
