import type { ProcessStats } from '../processes/stats-channel.js';
import { settled } from './load.js';

/** A process whose counters move at each reading while it is busy, then stay put. */
function fakeProcess(busyReadings: number) {
  let readings = 0;
  let cpuMicros = 0;
  return {
    name: 'fake',
    url: 'http://127.0.0.1:1/graphql',
    pid: 0,
    readings: () => readings,
    stats: async (): Promise<ProcessStats> => {
      readings += 1;
      if (readings <= busyReadings) cpuMicros += 5_000;
      return { cpuMicros, sql: 0, sqlByKind: {}, httpRequests: readings <= busyReadings ? readings : busyReadings, rssBytes: 0 };
    },
    stop: async () => undefined,
  };
}

describe('settled', () => {
  it('reads the counters only once every process has stopped working', async () => {
    const quick = fakeProcess(1);
    const slow = fakeProcess(4);
    const stats = await settled([quick, slow]);
    expect(slow.readings()).toBeGreaterThanOrEqual(5);
    expect(stats.map((item) => item.cpuMicros)).toEqual([5_000, 20_000]);
    expect(stats[1].httpRequests).toBe(4);
  });
});
