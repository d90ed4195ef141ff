import type { SubgraphContext } from '../../../common/src/subgraph/subgraph-definition.js';
import { calendarDay } from './clock.js';
import { createLoaders, type Loaders } from './loaders/index.js';

export interface AseContext extends SubgraphContext {
  loaders: Loaders;
  /** The calendar day of the request: every resolver of one request agrees on "today". */
  today: string;
}

export function createContext(base: SubgraphContext): AseContext {
  return { ...base, loaders: createLoaders(base.dataSource), today: calendarDay(new Date()) };
}
