import type { SubgraphDefinition } from '../../../common/src/subgraph/subgraph-definition.js';
import { InitPmi1732300000200 } from '../migrations/1732300000200-init-pmi.js';
import { createContext, type PmiContext } from './context.js';
import { FollowUp } from './entity/follow-up.entity.js';
import { HealthCheck } from './entity/health-check.entity.js';
import { HomeVisit } from './entity/home-visit.entity.js';
import { PmiAgent } from './entity/pmi-agent.entity.js';
import { Vaccination } from './entity/vaccination.entity.js';
import { buildPmiSchema } from './schema.js';
import { seedPmiDemo } from './seed.js';

/** PMI's subgraph: follow-ups, home visits, health checks and vaccination of children under 6. */
export const pmiSubgraph: SubgraphDefinition<PmiContext> = {
  name: 'pmi',
  defaultPort: 4002,
  entities: [PmiAgent, FollowUp, HomeVisit, HealthCheck, Vaccination],
  migrations: [InitPmi1732300000200],
  buildSchema: buildPmiSchema,
  createContext,
  seedDemo: seedPmiDemo,
};
