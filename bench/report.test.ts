import { buildReport, type Measurement, pairedRatios } from './report.js';
import type { LoadSample } from './lib/load.js';
import type { Operation } from './operations.js';

const sample = (figures: { rps: number; p99Ms: number; cpuMsPerRequest: number }): LoadSample => ({
  requests: 1_000,
  served: 1_010,
  seconds: 4,
  p50Ms: figures.p99Ms / 2,
  subgraphRequestsPerRequest: {},
  sqlPerRequest: { gateway_db: 0 },
  subgraphCpuMsPerRequest: {},
  postgresCpuMsPerRequest: null,
  failures: 0,
  ...figures,
});

describe('pairedRatios', () => {
  it('divides round by round, in round order, leaving out rounds the other did not measure', () => {
    const hub = new Map([[2, 3], [0, 2], [1, 4]]);
    const apollo = new Map([[0, 1], [2, 2]]);
    expect(pairedRatios(hub, apollo)).toEqual([2, 1.5]);
  });
});

describe('buildReport targets', () => {
  const operation: Operation = { name: 'me', description: 'tiny', agent: { id: 'a', name: 'n', role: 'PMI_NURSE' as Operation['agent']['role'], institution: 'PMI-75' }, query: '{ me { id } }', target: 'tiny' };
  // Round 1 is slow for both: the medians alone would hide that the hub met the CPU limit in
  // two rounds only.
  const figures = [
    { hub: { rps: 100, p99Ms: 10, cpuMsPerRequest: 1.0 }, apollo: { rps: 100, p99Ms: 10, cpuMsPerRequest: 1.0 } },
    { hub: { rps: 50, p99Ms: 30, cpuMsPerRequest: 2.6 }, apollo: { rps: 80, p99Ms: 20, cpuMsPerRequest: 2.0 } },
    { hub: { rps: 95, p99Ms: 11, cpuMsPerRequest: 1.05 }, apollo: { rps: 100, p99Ms: 10, cpuMsPerRequest: 1.0 } },
  ];
  const measurements: Measurement[] = figures.flatMap((round, index) => [
    { round: index, operation: 'me', gateway: 'hub' as const, connections: 10, sample: sample(round.hub) },
    { round: index, operation: 'me', gateway: 'apollo' as const, connections: 10, sample: sample(round.apollo) },
  ]);
  const report = buildReport({ meta: { connections: [10], skipped: {} }, operations: [operation], verifications: [], scaling: [], measurements });
  const target = (name: string) => report.json.targets.find((entry) => entry.target === name)!;

  it('gives each round’s ratio and how many rounds meet the limit', () => {
    expect(target('gateway CPU/request vs bare Apollo')).toMatchObject({ rounds: [1, 1.3, 1.05], roundsMet: 2 });
    expect(target('p99 vs bare Apollo')).toMatchObject({ rounds: [1, 1.5, 1.1], roundsMet: 2 });
    expect(target('throughput vs bare Apollo')).toMatchObject({ rounds: [1, 0.63, 0.95], roundsMet: 2 });
  });

  it('still decides on the ratio of the medians', () => {
    // Medians: hub CPU 1.05, Apollo 1.0; hub rps 95, Apollo 100.
    expect(target('gateway CPU/request vs bare Apollo')).toMatchObject({ value: 1.05, met: true });
    expect(target('throughput vs bare Apollo')).toMatchObject({ value: 0.95, met: true });
    expect(report.markdown).toContain('| 1 / 1.3 / 1.05 (2 of 3) |');
  });
});
