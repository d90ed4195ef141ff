import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { Role } from '../../common/src/domain.js';
import { AuditLog } from '../../gateway/src/audit/audit-log.js';
import type { Agent } from '../../gateway/src/auth/agent.js';
import type { HubConfig } from '../../gateway/src/config.js';
import { createHubContext, type HubContext } from '../../gateway/src/context.js';
import type { SignedFetch } from '../../gateway/src/federation/signed-fetch.js';

/** Header a bare gateway takes the agent from, unverified: it has no authentication at all. */
export const BENCH_AGENT_HEADER = 'x-bench-agent';

export function encodeAgent(agent: Agent): string {
  return Buffer.from(JSON.stringify(agent)).toString('base64url');
}

/** The agent named by the client, unchecked (a bare gateway trusts its caller). */
export function agentFromHeader(value: string | string[] | undefined | null): Agent {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) throw new Error(`missing ${BENCH_AGENT_HEADER}`);
  const agent = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Agent;
  if (!(Object.values(Role) as string[]).includes(agent.role)) throw new Error('bad role');
  return agent;
}

/**
 * The context the hub's own subgraph (`me`, `myChildren`, `child`, `timeline`) needs, built
 * exactly as gateway/src/server.ts builds it, minus token verification: the bare gateways
 * serve the same hub subgraph, so only authentication, the policy and the audit differ.
 */
export function createBareContextFactory(deps: { config: HubConfig; dataSource: DataSource; fetch: SignedFetch }) {
  const shared = { ...deps, audit: new AuditLog(deps.dataSource, deps.config.auditChainKey) };
  return (agent: Agent, requestId: string = randomUUID()): HubContext => createHubContext(shared, agent, requestId);
}

export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
