import type { Server } from 'node:http';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** What a benchmarked process reports of itself over its IPC channel. */
export interface ProcessStats {
  /** process.cpuUsage(): user + system CPU microseconds since start. */
  cpuMicros: number;
  /** SQL statements sent by this process's data source (transaction control excluded). */
  sql: number;
  /** The same, by what they touch (hub: consent, child directory, audit, notifications). */
  sqlByKind: Record<string, number>;
  /** GraphQL HTTP requests received (health checks excluded). */
  httpRequests: number;
  rssBytes: number;
}

const KINDS: Array<[string, RegExp]> = [
  ['audit', /audit_entry|pg_advisory_xact_lock/i],
  ['notifications', /access_notification/i],
  ['consent', /"?consent"?/i],
  ['directory', /"?child"?\b/i],
];

/** Counts statements like common/src/db/query-counter.ts, and sorts them by table. */
class ClassifyingCounter implements TypeOrmLogger {
  total = 0;
  byKind: Record<string, number> = {};
  logQuery(query: string): void {
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query.trim())) return;
    this.total += 1;
    const kind = KINDS.find(([, pattern]) => pattern.test(query))?.[0] ?? 'other';
    this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * Counts SQL statements and incoming GraphQL requests, and answers `{ type: 'stats' }`
 * on the IPC channel the benchmark opened: the process's own accounting of its CPU time.
 */
export function createStatsChannel() {
  const sql = new ClassifyingCounter();
  let httpRequests = 0;
  const snapshot = (): ProcessStats => {
    const cpu = process.cpuUsage();
    return { cpuMicros: cpu.user + cpu.system, sql: sql.total, sqlByKind: { ...sql.byKind }, httpRequests, rssBytes: process.memoryUsage.rss() };
  };
  return {
    sqlLogger: sql as TypeOrmLogger,
    countRequests(server: Server): void {
      server.on('request', (request: { url?: string }) => {
        if (request.url?.startsWith('/graphql')) httpRequests += 1;
      });
    },
    listen(): void {
      process.on('message', (message: { type?: string; id?: number }) => {
        if (message?.type === 'stats') process.send?.({ type: 'stats', id: message.id, stats: snapshot() });
      });
      // The benchmark owns this process: when it goes, so do we.
      process.on('disconnect', () => process.exit(0));
      // A clean exit, so that `node --cpu-prof` writes its profile.
      process.on('SIGINT', () => process.exit(0));
      process.on('SIGTERM', () => process.exit(0));
    },
    ready(url: string): void {
      process.send?.({ type: 'ready', url });
    },
  };
}
