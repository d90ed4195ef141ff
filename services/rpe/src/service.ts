import type { SubgraphDefinition } from '../../../common/src/subgraph/subgraph-definition.js';
import { InitRpe1732300000300 } from '../migrations/1732300000300-init-rpe.js';
import { ArrangementEndedBy1732300000400 } from '../migrations/1732300000400-arrangement-ended-by.js';
import { createContext, type RpeContext } from './context.js';
import { ChildcareArrangement } from './entity/childcare-arrangement.entity.js';
import { Childminder } from './entity/childminder.entity.js';
import { Concern } from './entity/concern.entity.js';
import { ConcernChild } from './entity/concern-child.entity.js';
import { Relais } from './entity/relais.entity.js';
import { RpeAgent } from './entity/rpe-agent.entity.js';
import { buildRpeSchema } from './schema.js';
import { seedRpeDemo } from './seed.js';

/** The relais petite enfance subgraph: childminders, childcare arrangements, concerns to the CRIP. */
export const rpeSubgraph: SubgraphDefinition<RpeContext> = {
  name: 'rpe',
  defaultPort: 4003,
  entities: [Relais, RpeAgent, Childminder, ChildcareArrangement, Concern, ConcernChild],
  migrations: [InitRpe1732300000300, ArrangementEndedBy1732300000400],
  buildSchema: buildRpeSchema,
  createContext,
  seedDemo: seedRpeDemo,
};
