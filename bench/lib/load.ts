import autocannon from 'autocannon';
import { postgresCpuMs } from './postgres-cpu.js';
import { percentile } from './stats.js';
import type { Operation } from '../operations.js';
import type { GatewayUnderTest } from './gateways.js';

export interface LoadSample {
  /** Responses the clients received within the run (throughput and latencies are theirs). */
  requests: number;
  /** Requests the gateway took in: the responses, plus those still in flight when the clients stopped. */
  served: number;
  seconds: number;
  rps: number;
  /** Latency percentiles of the successful responses, in milliseconds (with fractions). */
  p50Ms: number;
  p99Ms: number;
  /** Gateway process CPU (user + system) per request served, from its own process.cpuUsage(). */
  cpuMsPerRequest: number;
  /** HTTP requests each institution's subgraph received, per client request. */
  subgraphRequestsPerRequest: Record<string, number>;
  /** SQL statements per client request: per subgraph, and the gateway's own database. */
  sqlPerRequest: Record<string, number>;
  /** Each subgraph process's CPU (user + system) per client request: the rest of the machine's work. */
  subgraphCpuMsPerRequest: Record<string, number>;
  /**
   * The PostgreSQL server's CPU per client request (every database: the gateway's and the
   * subgraphs'), read from its processes; null when the server is not on this machine.
   */
  postgresCpuMsPerRequest: number | null;
  failures: number;
}

/**
 * Closed loop at `connections` concurrent clients for `seconds`, loopback only. CPU, SQL and
 * subgraph requests are the deltas of each process's own counters around the run, read once
 * the processes have finished the requests left in flight, per request the gateway served.
 */
export async function runLoad(args: {
  gateway: GatewayUnderTest;
  subgraphs: GatewayUnderTest['process'][];
  operation: Operation;
  connections: number;
  seconds: number;
}): Promise<LoadSample> {
  const { gateway, operation } = args;
  const headers = await gateway.headersFor(operation.agent);
  const fixedBody = JSON.stringify({ query: operation.query });
  const makeBody = operation.variables;
  const before = await Promise.all([gateway.process.stats(), ...args.subgraphs.map((subgraph) => subgraph.stats())]);
  const postgresBefore = postgresCpuMs();
  // autocannon's own percentiles come from a histogram of whole milliseconds, which turns a
  // 1.2 ms against 1.4 ms comparison into 1 against 2: the latencies of successful responses
  // are kept here as measured (fractions of a millisecond) and ranked exactly.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: gateway.process.url,
        connections: args.connections,
        pipelining: 1,
        duration: args.seconds,
        method: 'POST',
        headers,
        body: makeBody ? undefined : fixedBody,
        requests: makeBody ? [{ method: 'POST', setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: operation.query, variables: makeBody() }) }) }] : undefined,
        timeout: 30,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const after = await settled([gateway.process, ...args.subgraphs]);
  const postgresAfter = postgresCpuMs();
  const completed = result.requests.total;
  // Costs are shared out over every request the gateway took in, those the clients dropped
  // at the end included (their work is done by now): dividing by the responses received
  // charged the c dropped requests' partial work to the others (+10 % at c = 50 on a list).
  const served = after[0].httpRequests - before[0].httpRequests;
  const per = (value: number) => (served > 0 ? value / served : 0);
  const subgraphRequestsPerRequest: Record<string, number> = {};
  const subgraphCpuMsPerRequest: Record<string, number> = {};
  const sqlPerRequest: Record<string, number> = { gateway_db: per(after[0].sql - before[0].sql) };
  args.subgraphs.forEach((subgraph, index) => {
    subgraphRequestsPerRequest[subgraph.name] = per(after[index + 1].httpRequests - before[index + 1].httpRequests);
    sqlPerRequest[subgraph.name] = per(after[index + 1].sql - before[index + 1].sql);
    subgraphCpuMsPerRequest[subgraph.name] = per((after[index + 1].cpuMicros - before[index + 1].cpuMicros) / 1000);
  });
  return {
    requests: completed,
    served,
    seconds: result.duration,
    rps: completed / result.duration,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMsPerRequest: per((after[0].cpuMicros - before[0].cpuMicros) / 1000),
    subgraphRequestsPerRequest,
    sqlPerRequest,
    subgraphCpuMsPerRequest,
    postgresCpuMsPerRequest: postgresBefore !== null && postgresAfter !== null ? per(postgresAfter - postgresBefore) : null,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * The processes' counters once they have gone quiet: requests that were in flight when the
 * clients stopped are still worked on by the gateway and the subgraphs (autocannon drops
 * them), and their CPU, SQL and subgraph calls must all be in the sample they are counted
 * in. Quiet: under 2 ms of CPU in all of them over 50 ms, or 10 s at most.
 */
export async function settled(processes: ReadonlyArray<GatewayUnderTest['process']>) {
  const read = () => Promise.all(processes.map((item) => item.stats()));
  const cpu = (stats: Awaited<ReturnType<typeof read>>) => stats.reduce((sum, item) => sum + item.cpuMicros, 0);
  let last = await read();
  const deadline = Date.now() + 10_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await read();
    if (cpu(now) - cpu(last) < 2_000 || Date.now() > deadline) return now;
    last = now;
  }
}
