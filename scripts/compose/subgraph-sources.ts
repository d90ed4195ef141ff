import { aseSubgraph } from '../../services/ase/src/service.js';
import { justiceSubgraph } from '../../services/justice/src/service.js';
import { pmiSubgraph } from '../../services/pmi/src/service.js';
import { rpeSubgraph } from '../../services/rpe/src/service.js';
import { buildHubSchema } from '../../gateway/src/hub-subgraph/schema.js';
import type { SubgraphSchemaSource } from './compose-supergraph.js';

/** Every subgraph of the supergraph, the hub's own included. */
export const SUBGRAPH_SOURCES: readonly SubgraphSchemaSource[] = [
  { name: 'hub', buildSchema: buildHubSchema },
  aseSubgraph,
  pmiSubgraph,
  rpeSubgraph,
  justiceSubgraph,
];
