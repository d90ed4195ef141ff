import type { SubgraphDefinition } from '../../../common/src/subgraph/subgraph-definition.js';
import { InitAse1732300000100 } from '../migrations/1732300000100-init-ase.js';
import { DossierClosedBy1732300000500 } from '../migrations/1732300000500-dossier-closed-by.js';
import { createContext, type AseContext } from './context.js';
import { AseAgent } from './entity/ase-agent.entity.js';
import { CripEvaluation } from './entity/crip-evaluation.entity.js';
import { Dossier } from './entity/dossier.entity.js';
import { Measure } from './entity/measure.entity.js';
import { Placement } from './entity/placement.entity.js';
import { buildAseSchema } from './schema.js';
import { seedAseDemo } from './seed.js';

/** The département's child-welfare subgraph: dossiers, measures, placements, CRIP evaluations. */
export const aseSubgraph: SubgraphDefinition<AseContext> = {
  name: 'ase',
  defaultPort: 4001,
  entities: [AseAgent, Dossier, Measure, Placement, CripEvaluation],
  migrations: [InitAse1732300000100, DossierClosedBy1732300000500],
  buildSchema: buildAseSchema,
  createContext,
  seedDemo: seedAseDemo,
};
