import type { GraphQLSchema } from 'graphql';
import { Source } from '../../../common/src/domain.js';
import { buildFederatedSchema } from '../../../common/src/federation/build-federated-schema.js';
import { createCareRelationshipsResolver } from '../../../common/src/federation/care-relationships.js';
import { createTimelineEventsResolver } from '../../../common/src/federation/timeline-events.js';
import type { RpeContext } from './context.js';
import { Child } from './entity/child.type.js';
import { findCareRelationships } from './relationships.js';
import { resolveChildReference } from './resolvers/child.reference.js';
import { ChildResolver } from './resolvers/child.resolver.js';
import { ChildcareArrangementMutationResolver } from './resolvers/childcare-arrangement-mutation.resolver.js';
import { ChildcareArrangementResolver } from './resolvers/childcare-arrangement.resolver.js';
import { ConcernQueryResolver } from './resolvers/concern-query.resolver.js';
import { ConcernTransitionResolver } from './resolvers/concern-transition.resolver.js';
import { ConcernResolver } from './resolvers/concern.resolver.js';
import { FlagConcernResolver } from './resolvers/flag-concern.resolver.js';
import { RegisterChildminderResolver } from './resolvers/register-childminder.resolver.js';
import { findTimelineEvents } from './timeline.js';

export function buildRpeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<RpeContext>({
    resolvers: [
      ChildResolver,
      ChildcareArrangementResolver,
      ChildcareArrangementMutationResolver,
      ConcernResolver,
      ConcernQueryResolver,
      ConcernTransitionResolver,
      FlagConcernResolver,
      RegisterChildminderResolver,
      createCareRelationshipsResolver(Source.RPE, findCareRelationships),
      createTimelineEventsResolver(Source.RPE, findTimelineEvents),
    ],
    orphanedTypes: [Child],
    references: { Child: { __resolveReference: resolveChildReference } },
  });
}
