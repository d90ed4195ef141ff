import type { SubgraphContext } from '../../../common/src/subgraph/subgraph-definition.js';
import { createLoaders, type Loaders } from './loaders/index.js';

export interface JusticeContext extends SubgraphContext {
  loaders: Loaders;
}

export function createContext(base: SubgraphContext): JusticeContext {
  return { ...base, loaders: createLoaders(base.dataSource) };
}
