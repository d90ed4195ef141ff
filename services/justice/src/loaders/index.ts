import type { DataSource } from 'typeorm';
import { createDecisionsByChildLoader } from './decisions-by-child.loader.js';

/** Every loader of this subgraph, built per request so that no cache outlives it. */
export function createLoaders(dataSource: DataSource) {
  return {
    decisionsByChild: createDecisionsByChildLoader(dataSource),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
