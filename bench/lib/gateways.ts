import { signDevToken } from '../../dev/sign-dev-token.js';
import type { Agent } from '../../gateway/src/auth/agent.js';
import { BENCH_AGENT_HEADER, encodeAgent } from '../processes/bare-context.js';
import type { BenchProcess } from './cluster.js';

export type GatewayKey = 'hub' | 'apollo' | 'hive' | 'hive_rust';
export const GATEWAY_LABELS: Record<GatewayKey, string> = {
  hub: 'hub (policy)',
  apollo: 'bare @apollo/gateway',
  hive: 'bare Hive Gateway (JavaScript query planner)',
  hive_rust: 'bare Hive Gateway with the Rust query planner (@graphql-hive/router-runtime)',
};
/** The Hive Gateway variants: optional (a variant that does not run on this Node is skipped, and said so). */
export const HIVE_KEYS: readonly GatewayKey[] = ['hive', 'hive_rust'];

export interface GatewayUnderTest {
  key: GatewayKey;
  process: BenchProcess;
  headersFor(agent: Agent): Promise<Record<string, string>>;
}

/** The hub authenticates a signed token; the bare gateways take the agent from a header. */
export function gatewayUnderTest(key: GatewayKey, process: BenchProcess): GatewayUnderTest {
  const tokens = new Map<string, string>();
  return {
    key,
    process,
    headersFor: async (agent) => {
      const base = { 'content-type': 'application/json' };
      if (key !== 'hub') return { ...base, [BENCH_AGENT_HEADER]: encodeAgent(agent) };
      let token = tokens.get(agent.id);
      if (!token) {
        token = await signDevToken(agent, 3 * 3600);
        tokens.set(agent.id, token);
      }
      return { ...base, authorization: `Bearer ${token}` };
    },
  };
}

export interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; category?: string } }>;
}

export async function post(gateway: GatewayUnderTest, agent: Agent, query: string, variables?: Record<string, unknown>): Promise<GraphQLBody> {
  const response = await fetch(gateway.process.url, { method: 'POST', headers: await gateway.headersFor(agent), body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${gateway.key}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as GraphQLBody;
}
