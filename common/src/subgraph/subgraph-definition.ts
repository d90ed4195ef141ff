import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Viewer } from '../domain.js';

/** The per-request context every subgraph resolver receives. */
export interface SubgraphContext {
  dataSource: DataSource;
  requestId: string;
  /** The agent the hub acts for (signed by the hub); null for the hub's own calls. */
  viewer: Viewer | null;
}

/**
 * What a subgraph is, independent of how it is run: the orchestrator (`npm start`), the
 * service's own `main.ts`, the seed script and the tests all start it from this.
 */
export interface SubgraphDefinition<TContext extends SubgraphContext> {
  name: 'ase' | 'pmi' | 'rpe' | 'justice';
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  buildSchema(): Promise<GraphQLSchema>;
  /** Builds the request context, loaders included (one set per request). */
  createContext(base: SubgraphContext): TContext;
  /** Inserts the demo scenario of DESIGN.md; a second run changes nothing. */
  seedDemo(dataSource: DataSource): Promise<void>;
}
