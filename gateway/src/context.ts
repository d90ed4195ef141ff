import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { DataCategory, Viewer } from '../../common/src/domain.js';
import { createTimelineEventsLoader, type TimelineEventsLoader } from './timeline/timeline-events.loader.js';
import type { Agent } from './auth/agent.js';
import { createConsentsLoader } from './consent/consents.loader.js';
import { createChildByIdLoader } from './directory/child-identity.loader.js';
import type { ChildIdentity } from './directory/child-identity.entity.js';
import { CareRelationshipsLoader } from './facts/care-relationships.loader.js';
import { visibleCategories } from './policy/rules.js';
import type { SignedFetch } from './federation/signed-fetch.js';
import type { HubConfig, SubgraphName } from './config.js';
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
  /** Institutions that did not answer during this request: later calls to them fail at once. */
  unavailableSources: Set<SubgraphName>;
  loaders: {
    childById: DataLoader<string, ChildIdentity | null>;
    consents: DataLoader<string, ReadonlySet<DataCategory>>;
    timelineEvents: TimelineEventsLoader;
  };
  /** Releases decided inside the hub's own resolvers (the timeline), for the audit entry. */
  disclosures: Disclosures;
  /** Errors to add to the response without failing a field (e.g. a source that was down). */
  notices: GraphQLError[];
  /**
   * Set by the policy executor before the plan runs: the facts the policy will need may be
   * read as soon as a child comes up in the plan (null: nobody will need them).
   */
  factPrefetch: { consents: boolean } | null;
}

export interface Disclosures {
  /** `timeline`: disclosed by this read of a child's timeline (`timelineRead`), kept only if the response carries that read. */
  released: Array<{ childId: string; category: DataCategory; timeline?: string }>;
  withheld: Array<{ childId: string; category: DataCategory; reason: string; count: number; timeline?: string }>;
}

/** What every request's context is built from: long-lived, shared by all requests. */
export interface HubContextDeps {
  config: HubConfig;
  dataSource: DataSource;
  fetch: SignedFetch;
  audit: AuditLog;
}

/**
 * A fresh context for one request of one agent: loaders and facts are never shared across
 * requests, so a revoked consent or an ended relationship is seen on the very next one.
 */
export function createHubContext(deps: HubContextDeps, agent: Agent, requestId: string): HubContext {
  const { config, dataSource, fetch, audit } = deps;
  const viewer = { agentId: agent.id, role: agent.role, institution: agent.institution };
  const unavailableSources = new Set<SubgraphName>();
  return {
    requestId,
    agent,
    viewer,
    config,
    dataSource,
    fetch,
    audit,
    relationships: new CareRelationshipsLoader({ fetch, urls: config.subgraphUrls, viewer, requestId, unavailable: unavailableSources }),
    unavailableSources,
    loaders: {
      childById: createChildByIdLoader(dataSource),
      consents: createConsentsLoader(dataSource, agent.role),
      timelineEvents: createTimelineEventsLoader({ fetch, urls: config.subgraphUrls, viewer, requestId, categories: visibleCategories(agent.role), unavailable: unavailableSources }),
    },
    disclosures: { released: [], withheld: [] },
    notices: [],
    factPrefetch: null,
  };
}
