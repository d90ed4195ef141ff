import type { DataSource } from 'typeorm';
import { createAgentsByIdLoader } from './agents-by-id.loader.js';
import { createChecksByChildLoader } from './checks-by-child.loader.js';
import { createFollowUpsByChildLoader } from './follow-ups-by-child.loader.js';
import { createVaccinationByChildLoader } from './vaccination-by-child.loader.js';
import { createVisitsByChildLoader } from './visits-by-child.loader.js';

/** Every loader of this subgraph, built per request so that no cache outlives it. */
export function createLoaders(dataSource: DataSource) {
  return {
    followUpsByChild: createFollowUpsByChildLoader(dataSource),
    visitsByChild: createVisitsByChildLoader(dataSource),
    checksByChild: createChecksByChildLoader(dataSource),
    vaccinationByChild: createVaccinationByChildLoader(dataSource),
    agentsById: createAgentsByIdLoader(dataSource),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
