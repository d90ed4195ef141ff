import { readAppMode } from '../common/src/config.js';
import { findDemoAgent, DEMO_AGENTS } from '../dev/demo-agents.js';
import { signDevToken } from '../dev/sign-dev-token.js';

/** `npm run token -- <agent-id>`: a development token for a demo agent. */
async function main(): Promise<void> {
  if (readAppMode(process.env) === 'production') {
    process.stderr.write('npm run token signs with the development key and is refused in production mode\n');
    process.exitCode = 2;
    return;
  }
  const id = process.argv[2];
  const agent = id ? findDemoAgent(id) : undefined;
  if (!agent) {
    process.stderr.write(`Usage: npm run token -- <agent-id>\nDemo agents: ${DEMO_AGENTS.map((a) => `${a.id} (${a.role})`).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${await signDevToken(agent)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
