import type { DataSource } from 'typeorm';
import { createAgentByIdLoader } from './agent-by-id.loader.js';
import { createArrangementsByChildLoader } from './arrangements-by-child.loader.js';
import { createChildIdsByConcernLoader } from './child-ids-by-concern.loader.js';
import { createChildminderByIdLoader } from './childminder-by-id.loader.js';
import { createConcernsByChildLoader } from './concerns-by-child.loader.js';

/** Every loader of this subgraph, built per request so that no cache outlives it. */
export function createLoaders(dataSource: DataSource) {
  return {
    agentById: createAgentByIdLoader(dataSource),
    arrangementsByChild: createArrangementsByChildLoader(dataSource),
    childIdsByConcern: createChildIdsByConcernLoader(dataSource),
    childminderById: createChildminderByIdLoader(dataSource),
    concernsByChild: createConcernsByChildLoader(dataSource),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
