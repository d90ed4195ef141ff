import type { GatewayKey } from './lib/gateways.js';
import type { LoadSample } from './lib/load.js';
import { round, type Spread, spread } from './lib/stats.js';
import type { Verification } from './lib/verify.js';
import type { Operation } from './operations.js';

export interface Measurement {
  round: number;
  operation: string;
  gateway: GatewayKey;
  connections: number;
  sample: LoadSample;
}

export interface ScalingRow {
  gateway: GatewayKey;
  children: number;
  sqlPerRequest: Record<string, number>;
  gatewayDbByKind: Record<string, number>;
  subgraphRequestsPerRequest: Record<string, number>;
  latencyMs: number;
}

type Metric = 'rps' | 'p50Ms' | 'p99Ms' | 'cpuMsPerRequest';
const METRICS: Metric[] = ['rps', 'p50Ms', 'p99Ms', 'cpuMsPerRequest'];

interface Cell {
  rps: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  cpuMsPerRequest: Spread;
  requests: number;
  failures: number;
  subgraphRequestsPerRequest: Record<string, number>;
  sqlPerRequest: Record<string, number>;
  subgraphCpuMsPerRequest: Record<string, number>;
  /** Null when PostgreSQL's processes were not visible (a server elsewhere). */
  postgresCpuMsPerRequest: number | null;
}

function roundSpread(value: Spread, digits: number): Spread {
  return { median: round(value.median, digits), min: round(value.min, digits), max: round(value.max, digits), n: value.n };
}

function medianRecord(records: Array<Record<string, number>>): Record<string, number> {
  const keys = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return Object.fromEntries(keys.map((key) => [key, round(spread(records.map((record) => record[key] ?? 0)).median, 2)]));
}

/** The median of the values measured, null when none was. */
function medianOf(values: Array<number | null>): number | null {
  const measured = values.filter((value): value is number => value !== null);
  return measured.length > 0 ? round(spread(measured).median, 2) : null;
}

function cellOf(samples: LoadSample[]): Cell {
  const cell = Object.fromEntries(METRICS.map((metric) => [metric, roundSpread(spread(samples.map((sample) => sample[metric])), metric === 'rps' ? 1 : 2)])) as Pick<Cell, Metric>;
  return {
    ...cell,
    requests: samples.reduce((sum, sample) => sum + sample.requests, 0),
    failures: samples.reduce((sum, sample) => sum + sample.failures, 0),
    subgraphRequestsPerRequest: medianRecord(samples.map((sample) => sample.subgraphRequestsPerRequest)),
    sqlPerRequest: medianRecord(samples.map((sample) => sample.sqlPerRequest)),
    subgraphCpuMsPerRequest: medianRecord(samples.map((sample) => sample.subgraphCpuMsPerRequest ?? {})),
    postgresCpuMsPerRequest: medianOf(samples.map((sample) => sample.postgresCpuMsPerRequest ?? null)),
  };
}

const fmt = (value: Spread, digits = 1) => `${value.median.toFixed(digits)} [${value.min.toFixed(digits)}–${value.max.toFixed(digits)}]`;
const ratioOf = (hub: number, other: number) => (other > 0 ? round(hub / other, 2) : null);

/** One target of the issue, checked on the medians and, for information, round by round. */
interface Target {
  target: string;
  operation: string;
  connections: number;
  value: number | null;
  limit: string;
  met: boolean | null;
  /** The figure within each round (the hub's over Apollo's of the same round), in round order. */
  rounds: number[];
  /** How many of `rounds` meet the limit. */
  roundsMet: number;
}

/** Hub ÷ other for each round both were measured in, in round order. */
export function pairedRatios(hub: ReadonlyMap<number, number>, other: ReadonlyMap<number, number>): number[] {
  return [...hub]
    .filter(([roundIndex]) => (other.get(roundIndex) ?? 0) > 0)
    .sort(([a], [b]) => a - b)
    .map(([roundIndex, value]) => round(value / other.get(roundIndex)!, 2));
}

export function buildReport(input: {
  meta: Record<string, unknown> & { connections: number[] };
  operations: Operation[];
  verifications: Verification[];
  scaling: ScalingRow[];
  measurements: Measurement[];
}) {
  const gateways = [...new Set(input.measurements.map((measurement) => measurement.gateway))];
  const results: Array<{ operation: string; connections: number; target: string; gateways: Partial<Record<GatewayKey, Cell>> }> = [];
  const ratio: Record<string, Record<string, Record<string, number | null>>> = {};
  const targets: Target[] = [];
  for (const operation of input.operations) {
    for (const connections of input.meta.connections) {
      const cells: Partial<Record<GatewayKey, Cell>> = {};
      for (const gateway of gateways) {
        const samples = input.measurements.filter((m) => m.operation === operation.name && m.connections === connections && m.gateway === gateway).map((m) => m.sample);
        if (samples.length > 0) cells[gateway] = cellOf(samples);
      }
      results.push({ operation: operation.name, connections, target: operation.target, gateways: cells });
      const key = `${operation.name}@c${connections}`;
      ratio[key] = {};
      const hub = cells.hub;
      for (const other of ['apollo', 'hive', 'hive_rust'] as const) {
        const base = cells[other];
        if (!hub || !base) continue;
        ratio[key][`hub_over_${other}`] = Object.fromEntries(METRICS.map((metric) => [metric, ratioOf(hub[metric].median, base[metric].median)]));
      }
      const byRound = (gateway: GatewayKey, metric: Metric) =>
        new Map(input.measurements.filter((m) => m.operation === operation.name && m.connections === connections && m.gateway === gateway).map((m) => [m.round, m.sample[metric]]));
      const vsApollo = ratio[key].hub_over_apollo;
      if (vsApollo) {
        const cpuLimit = operation.target === 'authorization' ? 1.25 : 1.1;
        const checks: Array<{ target: string; metric: Metric; limit: number; atMost: boolean }> = [
          { target: 'gateway CPU/request vs bare Apollo', metric: 'cpuMsPerRequest', limit: cpuLimit, atMost: true },
          { target: 'p99 vs bare Apollo', metric: 'p99Ms', limit: 1.2, atMost: true },
          { target: 'throughput vs bare Apollo', metric: 'rps', limit: 0.9, atMost: false },
        ];
        for (const check of checks) {
          const meets = (value: number) => (check.atMost ? value <= check.limit : value >= check.limit);
          const value = vsApollo[check.metric];
          const rounds = pairedRatios(byRound('hub', check.metric), byRound('apollo', check.metric));
          targets.push({ target: check.target, operation: operation.name, connections, value, limit: `${check.atMost ? '≤' : '≥'} ${check.limit}`, met: value === null ? null : meets(value), rounds, roundsMet: rounds.filter(meets).length });
        }
      }
      if (operation.name === 'timeline_500' && connections === 10 && hub) {
        const rounds = [...byRound('hub', 'p99Ms')].sort(([a], [b]) => a - b).map(([, value]) => round(value, 1));
        targets.push({ target: 'timeline p99 at concurrency 10 (hub)', operation: operation.name, connections, value: hub.p99Ms.median, limit: '< 100 ms', met: hub.p99Ms.median < 100, rounds, roundsMet: rounds.filter((value) => value < 100).length });
      }
    }
  }
  for (const gateway of [...new Set(input.scaling.map((row) => row.gateway))]) {
    const rows = input.scaling.filter((row) => row.gateway === gateway);
    const ten = rows.find((row) => row.children === 10);
    const thousand = rows.find((row) => row.children === 1_000);
    if (ten && thousand) {
      const same = JSON.stringify(ten.sqlPerRequest) === JSON.stringify(thousand.sqlPerRequest);
      targets.push({ target: `SQL statements/request constant from 10 to 1,000 children (${gateway})`, operation: 'list', connections: 1, value: null, limit: 'equal', met: same, rounds: [], roundsMet: 0 });
    }
  }

  const lines: string[] = [];
  const meta = input.meta;
  lines.push(`# Benchmark: hub vs bare gateways (${meta.mode} run)`, '');
  lines.push(`${meta.startedAt}, commit ${meta.commit ?? 'unknown'}, Node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}; ${meta.children} children (seed ${meta.seed}); ${meta.rounds} rounds × ${meta.secondsPerRun} s per run (after ${meta.warmupSeconds ?? 1} s of each operation per gateway, uncounted), gateways alternated ${gateways.join(' ')}, each round starting one further on; took ${meta.durationSeconds} s.`);
  lines.push(`Every figure: median [min–max] over the rounds. p50, p99: nearest rank over every successful response's latency, kept to fractions of a millisecond. CPU: the gateway process's own user+system time per request it served; like SQL, subgraph calls and the other processes' CPU, read once the requests still in flight when the load stopped are finished, and shared over them too. CPUs: ${meta.pinning ?? 'not recorded'}.`, '');
  const skipped = meta.skipped as Record<string, string>;
  for (const [key, reason] of Object.entries(skipped)) lines.push(`**${key} not measured**: ${reason}`, '');
  lines.push('## Throughput, latency, gateway CPU', '');
  const header = ['operation', 'c', ...gateways.flatMap((g) => [`${g} req/s`, `${g} p50 ms`, `${g} p99 ms`, `${g} CPU ms/req`])];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  for (const row of results) {
    const cells = gateways.flatMap((g) => {
      const cell = row.gateways[g];
      return cell ? [fmt(cell.rps, 0), fmt(cell.p50Ms), fmt(cell.p99Ms), fmt(cell.cpuMsPerRequest, 2)] : ['–', '–', '–', '–'];
    });
    lines.push(`| ${row.operation} | ${row.connections} | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Ratios (hub / bare, medians)', '');
  const others = gateways.filter((g) => g !== 'hub');
  const ratioHeader = ['operation', 'c', ...others.flatMap((o) => [`CPU/req ÷ ${o}`, `p99 ÷ ${o}`, `req/s ÷ ${o}`])];
  lines.push(`| ${ratioHeader.join(' | ')} |`, `|${ratioHeader.map(() => '---').join('|')}|`);
  for (const [key, value] of Object.entries(ratio)) {
    const [operation, connections] = key.split('@c');
    const cells = others.flatMap((o) => {
      const r = value[`hub_over_${o}`];
      return r ? [String(r.cpuMsPerRequest), String(r.p99Ms), String(r.rps)] : ['–', '–', '–'];
    });
    lines.push(`| ${operation} | ${connections} | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Targets of the issue', '');
  lines.push('"value" is the ratio of the medians (as above); "each round" is the ratio within each round, where the two gateways ran one after the other, and in how many rounds it meets the limit: a verdict met in some rounds only is within the noise of this machine.', '');
  lines.push('| target | operation | c | value | limit | met | each round |', '|---|---|---|---|---|---|---|');
  for (const target of targets) {
    const rounds = target.rounds.length > 0 ? `${target.rounds.join(' / ')} (${target.roundsMet} of ${target.rounds.length})` : '';
    lines.push(`| ${target.target} | ${target.operation} | ${target.connections} | ${target.value ?? ''} | ${target.limit} | ${target.met === null ? '?' : target.met ? 'yes' : '**no**'} | ${rounds} |`);
  }
  lines.push('', '## SQL statements and subgraph HTTP requests per request (lists of N children, `myChildren` across all institutions)', '');
  lines.push('| gateway | children | SQL hub db | SQL ase | SQL pmi | SQL rpe | SQL justice | hub db by kind | subgraph requests (ase/pmi/rpe/justice) | latency ms (c=1) |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const row of input.scaling) {
    const s = row.sqlPerRequest;
    const r = row.subgraphRequestsPerRequest;
    const kinds = Object.entries(row.gatewayDbByKind).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${round(v, 1)}`).join(', ');
    lines.push(`| ${row.gateway} | ${row.children} | ${round(s.gateway_db, 1)} | ${round(s.ase, 1)} | ${round(s.pmi, 1)} | ${round(s.rpe, 1)} | ${round(s.justice, 1)} | ${kinds} | ${[r.ase, r.pmi, r.rpe, r.justice].map((v) => round(v, 1)).join('/')} | ${round(row.latencyMs, 1)} |`);
  }
  lines.push('', '## Per operation under load: subgraph HTTP requests, SQL statements, subgraph and PostgreSQL CPU per client request (median over rounds)', '');
  lines.push('PostgreSQL CPU is the whole server\'s (the gateway\'s database and the subgraphs\'), read from its processes; "machine" adds the gateway, the subgraphs and PostgreSQL: the cores a request costs on this machine.', '');
  lines.push('| operation | c | gateway | subgraph requests (ase/pmi/rpe/justice) | SQL (gateway db/ase/pmi/rpe/justice) | subgraph CPU ms (ase/pmi/rpe/justice) | PostgreSQL CPU ms | machine CPU ms |', '|---|---|---|---|---|---|---|---|');
  for (const row of results) {
    for (const g of gateways) {
      const cell = row.gateways[g];
      if (!cell) continue;
      const r = cell.subgraphRequestsPerRequest;
      const s = cell.sqlPerRequest;
      const c = cell.subgraphCpuMsPerRequest;
      const postgres = cell.postgresCpuMsPerRequest;
      const machine = postgres === null ? 'n/a' : round(cell.cpuMsPerRequest.median + Object.values(c).reduce((sum, value) => sum + value, 0) + postgres, 2);
      lines.push(`| ${row.operation} | ${row.connections} | ${g} | ${[r.ase, r.pmi, r.rpe, r.justice].join('/')} | ${[s.gateway_db, s.ase, s.pmi, s.rpe, s.justice].join('/')} | ${[c.ase, c.pmi, c.rpe, c.justice].join('/')} | ${postgres ?? 'n/a'} | ${machine} |`);
    }
  }
  lines.push('', '## Operations', '');
  for (const operation of input.operations) lines.push(`- \`${operation.name}\`: ${operation.description}`);
  lines.push('', '## Checks before measuring', '');
  for (const verification of input.verifications) lines.push(`- ${verification.ok ? 'ok' : 'FAILED'} \`${verification.operation}\`: ${verification.detail}`);
  lines.push('');
  return {
    json: { meta, verifications: input.verifications, results, ratio, targets, scaling: input.scaling, samples: input.measurements },
    markdown: lines.join('\n'),
  };
}
