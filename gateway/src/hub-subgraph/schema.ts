import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../../common/src/federation/build-federated-schema.js';
import type { HubContext } from '../context.js';
import { resolveChildReference } from '../directory/child.reference.js';
import { ChildResolver } from '../directory/child.resolver.js';
import { MeResolver } from '../me/me.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { ConsentResolver } from '../consent/consent.resolver.js';
import { NotificationResolver } from '../notifications/notification.resolver.js';
import { TimelineResolver } from '../timeline/timeline.resolver.js';
import './enums.js';

/**
 * The hub's own subgraph, served in-process (LocalGraphQLDataSource) and composed like the
 * others: the child directory, `me`, `myChildren`, and later consents, audit, notifications.
 */
export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<HubContext>({
    resolvers: [MeResolver, ChildResolver, ConsentResolver, NotificationResolver, AuditResolver, TimelineResolver],
    references: { Child: { __resolveReference: resolveChildReference } },
  });
}
