import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../common/src/net';

const ROOT = path.resolve(__dirname, '../..');

export interface OwnPostgres {
  /** Server URL (database `postgres`), stable across restarts. */
  url: string;
  start(): Promise<void>;
  /** Stops the server (fast shutdown); the data directory stays. */
  stop(): Promise<void>;
  /** Stops it if running and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own (own data directory, own free port), which the test
 * may stop and start again on the same port and data, unlike the shared test server.
 */
export async function ownPostgres(): Promise<OwnPostgres> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cp-own-pg-'));
  const port = await freePort();
  const password = 'own-postgres-test';
  let running: { stop(): Promise<void> } | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/postgres-process.ts')], {
        cwd: ROOT,
        env: { ...process.env, PG_DATA_DIR: path.join(root, 'data'), PG_PORT: String(port), PG_PASSWORD: password },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`postgres process exited (${code}): ${errors.slice(0, 500)}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        if (!chunk.toString().includes('ready')) return;
        running = {
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        };
        resolve();
      });
    });
  const stop = async () => {
    const current = running;
    running = undefined;
    await current?.stop();
  };
  await start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
