import type { GraphQLSchema } from 'graphql';
import { Source } from '../../../common/src/domain.js';
import { buildFederatedSchema } from '../../../common/src/federation/build-federated-schema.js';
import { createCareRelationshipsResolver } from '../../../common/src/federation/care-relationships.js';
import { createTimelineEventsResolver } from '../../../common/src/federation/timeline-events.js';
import type { AseContext } from './context.js';
import { Child } from './entity/child.type.js';
import { findCareRelationships } from './relationships.js';
import { resolveChildReference } from './resolvers/child.reference.js';
import { ChildResolver } from './resolvers/child.resolver.js';
import { CripEvaluationResolver } from './resolvers/crip-evaluation.resolver.js';
import { DossierResolver } from './resolvers/dossier.resolver.js';
import { MeasureResolver } from './resolvers/measure.resolver.js';
import { PlacementResolver } from './resolvers/placement.resolver.js';
import { findTimelineEvents } from './timeline.js';

export function buildAseSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<AseContext>({
    resolvers: [
      ChildResolver,
      DossierResolver,
      MeasureResolver,
      PlacementResolver,
      CripEvaluationResolver,
      createCareRelationshipsResolver(Source.ASE, findCareRelationships),
      createTimelineEventsResolver(Source.ASE, findTimelineEvents),
    ],
    orphanedTypes: [Child],
    references: { Child: { __resolveReference: resolveChildReference } },
  });
}
