import type { SubgraphDefinition } from '../../../common/src/subgraph/subgraph-definition.js';
import { InitJustice1732300000000 } from '../migrations/1732300000000-init-justice.js';
import { createContext, type JusticeContext } from './context.js';
import { CourtCase } from './entity/court-case.entity.js';
import { CourtDecision } from './entity/court-decision.entity.js';
import { buildJusticeSchema } from './schema.js';
import { seedJusticeDemo } from './seed.js';

/** The juvenile court's subgraph: cases and decisions. */
export const justiceSubgraph: SubgraphDefinition<JusticeContext> = {
  name: 'justice',
  defaultPort: 4004,
  entities: [CourtCase, CourtDecision],
  migrations: [InitJustice1732300000000],
  buildSchema: buildJusticeSchema,
  createContext,
  seedDemo: seedJusticeDemo,
};
