import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { DataCategory, Viewer } from '../../common/src/domain.js';
import type { TimelineEventsLoader } from './timeline/timeline-events.loader.js';
import type { Agent } from './auth/agent.js';
import type { ChildIdentity } from './directory/child-identity.entity.js';
import type { CareRelationshipsLoader } from './facts/care-relationships.loader.js';
import type { SignedFetch } from './federation/signed-fetch.js';
import type { HubConfig } from './config.js';
import type { AuditLog } from './audit/audit-log.js';

/** Per-request state of the hub, shared by the planner's executor and the hub's own subgraph. */
export interface HubContext {
  requestId: string;
  agent: Agent;
  viewer: Viewer;
  config: HubConfig;
  dataSource: DataSource;
  fetch: SignedFetch;
  audit: AuditLog;
  relationships: CareRelationshipsLoader;
  loaders: {
    childById: DataLoader<string, ChildIdentity | null>;
    consents: DataLoader<string, ReadonlySet<DataCategory>>;
    timelineEvents: TimelineEventsLoader;
  };
  /** Releases decided inside the hub's own resolvers (the timeline), for the audit entry. */
  disclosures: Disclosures;
  /** Errors to add to the response without failing a field (e.g. a source that was down). */
  notices: GraphQLError[];
}

export interface Disclosures {
  released: Array<{ childId: string; category: DataCategory }>;
  withheld: Array<{ childId: string; category: DataCategory; reason: string; count: number }>;
}
