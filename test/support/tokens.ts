import { DEMO_AGENTS, findDemoAgent } from '../../dev/demo-agents';
import { signDevToken } from '../../dev/sign-dev-token';

export type DemoAgentId = (typeof DEMO_AGENTS)[number]['id'];

/** A development token for a demo agent, as `npm run token` prints it. */
export async function tokenFor(agentId: DemoAgentId): Promise<string> {
  const agent = findDemoAgent(agentId);
  if (!agent) throw new Error(`unknown demo agent ${agentId}`);
  return signDevToken(agent);
}
