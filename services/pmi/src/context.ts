import type { SubgraphContext } from '../../../common/src/subgraph/subgraph-definition.js';
import { createLoaders, type Loaders } from './loaders/index.js';

export interface PmiContext extends SubgraphContext {
  loaders: Loaders;
}

export function createContext(base: SubgraphContext): PmiContext {
  return { ...base, loaders: createLoaders(base.dataSource) };
}
