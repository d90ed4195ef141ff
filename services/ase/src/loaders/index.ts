import type { DataSource } from 'typeorm';
import { CripEvaluationStatus } from '../entity/crip-evaluation.entity.js';
import { createAgentsByIdLoader } from './agents-by-id.loader.js';
import { deriveLoader } from './derived.loader.js';
import { createDossiersByChildLoader } from './dossiers-by-child.loader.js';
import { createEvaluationsByChildLoader } from './evaluations-by-child.loader.js';
import { createMeasuresByChildLoader } from './measures-by-child.loader.js';
import { createPlacementsByChildLoader } from './placements-by-child.loader.js';

/**
 * Every loader of this subgraph, built per request so that no cache outlives it. Four
 * statements load everything about a batch of children; agents come in a fifth.
 */
export function createLoaders(dataSource: DataSource) {
  const dossiersByChild = createDossiersByChildLoader(dataSource);
  const evaluationsByChild = createEvaluationsByChildLoader(dataSource);
  return {
    dossiersByChild,
    /** At most one per child (partial unique index). */
    openDossierByChild: deriveLoader(dossiersByChild, (dossiers) => dossiers.find((dossier) => dossier.closedOn === null) ?? null),
    measuresByChild: createMeasuresByChildLoader(dataSource),
    placementsByChild: createPlacementsByChildLoader(dataSource),
    evaluationsByChild,
    openEvaluationsByChild: deriveLoader(evaluationsByChild, (evaluations) =>
      evaluations.filter((evaluation) => evaluation.status === CripEvaluationStatus.OPEN),
    ),
    agentsById: createAgentsByIdLoader(dataSource),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
