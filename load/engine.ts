import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEMO_AGENTS } from '../dev/demo-agents.js';
import { signDevToken } from '../dev/sign-dev-token.js';
import { type Answer, type Journey, type JourneyContext, MIX } from './mix.js';
import { type DisclosureOracle, type Leak, PERSONAS, type PersonaId } from './oracle.js';

export interface LoadOptions {
  /** The hub's GraphQL endpoint; loopback only. */
  url: string;
  /** Concurrent closed-loop clients. @default 32 */
  clients?: number;
  /** @default 60 */
  seconds?: number;
  /** Hard cap on requests, whatever the duration. @default 1_000_000 */
  maxRequests?: number;
  /** A request slower than this counts as failed. @default 30000 */
  requestTimeoutMs?: number;
  oracle: DisclosureOracle;
  mix?: readonly Journey[];
  /** @default a random seed (printed in the report) */
  seed?: number;
}

export interface LoadReport {
  seed: number;
  clients: number;
  durationMs: number;
  requests: number;
  requestsPerSecond: number;
  /** HTTP status → count; `none` for no HTTP answer (refused, reset, timed out). */
  statuses: Record<string, number>;
  /** GraphQL error code → count (redactions and refusals included: they are expected). */
  errorsByCode: Record<string, number>;
  serverErrors: number;
  noAnswer: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  byOperation: Record<string, { count: number; p50: number; p99: number }>;
  /** Journeys run, by name. */
  journeys: Record<string, number>;
  leaks: Leak[];
  leakedFields: number;
  mismatches: { count: number; first: string[] };
}

/** Refuses anything but this machine: the load never leaves loopback. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`load: refusing non-loopback target ${host}`);
}

/** mulberry32: a small seeded generator, so that a run's mix can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Runs the mix from `clients` closed-loop clients until `seconds` have passed or
 * `maxRequests` were sent, checking every answer with the oracle.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  assertLoopback(options.url);
  const clients = Math.min(Math.max(options.clients ?? 32, 1), 512);
  const seconds = Math.min(Math.max(options.seconds ?? 60, 1), 3_600);
  const maxRequests = options.maxRequests ?? 1_000_000;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const mix = options.mix ?? MIX;
  const seed = options.seed ?? randomBytes(4).readUInt32LE();
  const tokens = new Map<string, string>();
  for (const agent of DEMO_AGENTS) if (agent.id in PERSONAS) tokens.set(agent.id, await signDevToken(agent, 3 * 3600));

  const statuses: Record<string, number> = {};
  const errorsByCode: Record<string, number> = {};
  const latencies: number[] = [];
  const byOperation = new Map<string, number[]>();
  const leaks: Leak[] = [];
  const mismatches: string[] = [];
  const journeys: Record<string, number> = {};
  let mismatchCount = 0;
  let sent = 0;
  const run = `load-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  let keys = 0;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  const open = () => performance.now() < deadline && sent < maxRequests;

  const send = async (persona: PersonaId, operationName: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer | null> => {
    sent += 1;
    const at = performance.now();
    let answer: Answer | null = null;
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(persona)}` },
        body: JSON.stringify({ query, variables, operationName }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let body: Answer['body'];
      try {
        body = JSON.parse(text) as Answer['body'];
      } catch {
        body = { errors: [{ message: 'not JSON', extensions: { code: 'NOT_JSON' } }] };
      }
      answer = { status: response.status, body };
    } catch {
      answer = null;
    }
    const elapsed = performance.now() - at;
    latencies.push(elapsed);
    const perOperation = byOperation.get(operationName) ?? [];
    perOperation.push(elapsed);
    byOperation.set(operationName, perOperation);
    const status = answer ? String(answer.status) : 'none';
    statuses[status] = (statuses[status] ?? 0) + 1;
    for (const error of answer?.body.errors ?? []) {
      const code = error.extensions?.code ?? 'NO_CODE';
      errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
    }
    return answer;
  };

  const client = async (index: number) => {
    const random = seeded(seed + index * 7_919);
    const total = mix.reduce((sum, journey) => sum + journey.weight, 0);
    const context: JourneyContext = {
      send,
      oracle: options.oracle,
      random,
      freshKey: () => `${run}-${(keys += 1)}`,
      leak: (found) => leaks.push(...found),
      mismatch: (what) => {
        mismatchCount += 1;
        if (mismatches.length < 20) mismatches.push(what);
      },
    };
    // A journey started is finished (two requests at most), so the cap may be passed by a few.
    // Clients start on different journeys, so that even a short run covers the whole mix.
    let journey = mix[index % mix.length];
    while (open()) {
      journeys[journey.name] = (journeys[journey.name] ?? 0) + 1;
      await journey.run(context);
      let roll = random() * total;
      journey = mix.find((candidate) => (roll -= candidate.weight) < 0) ?? mix[0];
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));

  const durationMs = performance.now() - started;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    seed,
    clients,
    durationMs: Math.round(durationMs),
    requests: sent,
    requestsPerSecond: round(sent / (durationMs / 1_000)),
    statuses,
    errorsByCode,
    serverErrors: Object.entries(statuses).filter(([status]) => status.startsWith('5')).reduce((sum, [, count]) => sum + count, 0),
    noAnswer: statuses.none ?? 0,
    latencyMs: { p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? 0) },
    byOperation: Object.fromEntries(
      [...byOperation.entries()].map(([name, values]) => {
        const ordered = values.sort((a, b) => a - b);
        return [name, { count: values.length, p50: round(percentile(ordered, 50)), p99: round(percentile(ordered, 99)) }];
      }),
    ),
    journeys,
    leaks: leaks.slice(0, 50),
    leakedFields: leaks.length,
    mismatches: { count: mismatchCount, first: mismatches },
  };
}

/** The report as a few readable lines. */
export function formatReport(report: LoadReport): string {
  const lines = [
    `clients ${report.clients}, ${(report.durationMs / 1_000).toFixed(1)} s, seed ${report.seed}`,
    `requests served: ${report.requests} (${report.requestsPerSecond}/s)`,
    `HTTP statuses: ${JSON.stringify(report.statuses)}`,
    `errors by code: ${JSON.stringify(report.errorsByCode)}`,
    `latency ms: p50 ${report.latencyMs.p50}, p90 ${report.latencyMs.p90}, p99 ${report.latencyMs.p99}, max ${report.latencyMs.max}`,
    ...Object.entries(report.byOperation).map(([name, figures]) => `  ${name.padEnd(22)} ${String(figures.count).padStart(7)}  p50 ${figures.p50} ms  p99 ${figures.p99} ms`),
    `journeys: ${JSON.stringify(report.journeys)}`,
    `server errors (5xx): ${report.serverErrors}; no answer: ${report.noAnswer}`,
    `answers not as the demo scenario says: ${report.mismatches.count}${report.mismatches.first.length ? ` (${report.mismatches.first.slice(0, 5).join('; ')})` : ''}`,
    `LEAKED FIELDS: ${report.leakedFields}`,
    ...report.leaks.slice(0, 10).map((leak) => `  leak: ${leak.persona} ${leak.category} at ${leak.path} (child ${leak.childId})`),
  ];
  return lines.join('\n');
}

/**
 * A run passes with no leak, no 5xx and every request answered; `strict` (a freshly seeded
 * federation, whose answers are known) also wants every answer as the demo scenario says.
 */
export function passed(report: LoadReport, strict = false): boolean {
  return report.leakedFields === 0 && report.serverErrors === 0 && report.noAnswer === 0 && (!strict || report.mismatches.count === 0);
}
