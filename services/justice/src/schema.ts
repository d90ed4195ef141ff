import type { GraphQLSchema } from 'graphql';
import { Source } from '../../../common/src/domain.js';
import { buildFederatedSchema } from '../../../common/src/federation/build-federated-schema.js';
import { createCareRelationshipsResolver } from '../../../common/src/federation/care-relationships.js';
import { createTimelineEventsResolver } from '../../../common/src/federation/timeline-events.js';
import { findTimelineEvents } from './timeline.js';
import type { JusticeContext } from './context.js';
import { resolveChildReference } from './resolvers/child.reference.js';
import { ChildResolver } from './resolvers/child.resolver.js';
import { Child } from './entity/child.type.js';
import { DecisionResolver } from './resolvers/decision.resolver.js';
import { findCareRelationships } from './relationships.js';

export function buildJusticeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<JusticeContext>({
    resolvers: [
      ChildResolver,
      DecisionResolver,
      createCareRelationshipsResolver(Source.JUSTICE, findCareRelationships),
      createTimelineEventsResolver(Source.JUSTICE, findTimelineEvents),
    ],
    orphanedTypes: [Child],
    references: { Child: { __resolveReference: resolveChildReference } },
  });
}
