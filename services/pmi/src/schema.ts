import type { GraphQLSchema } from 'graphql';
import { Source } from '../../../common/src/domain.js';
import { buildFederatedSchema } from '../../../common/src/federation/build-federated-schema.js';
import { createCareRelationshipsResolver } from '../../../common/src/federation/care-relationships.js';
import { createTimelineEventsResolver } from '../../../common/src/federation/timeline-events.js';
import type { PmiContext } from './context.js';
import { Child } from './entity/child.type.js';
import { HealthRecord } from './entity/health-record.type.js';
import { findCareRelationships } from './relationships.js';
import { resolveChildReference } from './resolvers/child.reference.js';
import { ChildResolver } from './resolvers/child.resolver.js';
import { FollowUpMutations } from './resolvers/follow-up.mutations.js';
import { FollowUpResolver } from './resolvers/follow-up.resolver.js';
import { HealthCheckResolver } from './resolvers/health-check.resolver.js';
import { HomeVisitResolver } from './resolvers/home-visit.resolver.js';
import { VaccinationResolver } from './resolvers/vaccination.resolver.js';
import { findTimelineEvents } from './timeline.js';

export function buildPmiSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<PmiContext>({
    resolvers: [
      ChildResolver,
      FollowUpResolver,
      FollowUpMutations,
      HomeVisitResolver,
      HealthCheckResolver,
      VaccinationResolver,
      createCareRelationshipsResolver(Source.PMI, findCareRelationships),
      createTimelineEventsResolver(Source.PMI, findTimelineEvents),
    ],
    orphanedTypes: [Child, HealthRecord],
    references: { Child: { __resolveReference: resolveChildReference } },
  });
}
