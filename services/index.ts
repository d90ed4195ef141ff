import type { SubgraphContext, SubgraphDefinition } from '../common/src/subgraph/subgraph-definition.js';
import { aseSubgraph } from './ase/src/service.js';
import { justiceSubgraph } from './justice/src/service.js';
import { pmiSubgraph } from './pmi/src/service.js';
import { rpeSubgraph } from './rpe/src/service.js';

/** The four institutional subgraphs, in port order (4001–4004). */
export const SUBGRAPHS: ReadonlyArray<SubgraphDefinition<SubgraphContext>> = [
  aseSubgraph,
  pmiSubgraph,
  rpeSubgraph,
  justiceSubgraph,
];
