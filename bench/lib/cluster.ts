import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { ProcessStats } from '../processes/stats-channel.js';
import { ROOT } from './postgres.js';

/** A benchmarked process with an IPC channel to ask for its own CPU and SQL accounting. */
export interface BenchProcess {
  name: string;
  url: string;
  pid: number;
  stats(): Promise<ProcessStats>;
  stop(): Promise<void>;
}

/**
 * Starts `entry` (TypeScript, through tsx) as its own Node process with an IPC channel, and
 * waits for its `ready` message. `nodeFlags` go to Node (e.g. `--cpu-prof`).
 */
export async function spawnBenchProcess(args: {
  name: string;
  entry: string;
  argv: string[];
  env: Record<string, string>;
  nodeFlags?: string[];
  timeoutMs?: number;
  /** Runs the process on this CPU only (`taskset`, which execs Node: same pid, same IPC channel). */
  cpu?: number;
}): Promise<BenchProcess> {
  const nodeArgs = [...(args.nodeFlags ?? []), '--import', 'tsx', path.join(ROOT, args.entry), ...args.argv];
  const [command, commandArgs] = args.cpu === undefined ? [process.execPath, nodeArgs] : ['taskset', ['-c', String(args.cpu), process.execPath, ...nodeArgs]];
  const child: ChildProcess = spawn(command, commandArgs, {
    cwd: ROOT,
    env: { ...process.env, ...args.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let nextId = 0;
  const pending = new Map<number, (stats: ProcessStats) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.name} did not start within ${args.timeoutMs ?? 60_000} ms`)), args.timeoutMs ?? 60_000);
    void exited.then((code) => reject(new Error(`${args.name} exited during start-up (code ${code})`)));
    child.on('message', (message: { type?: string; url?: string; id?: number; stats?: ProcessStats }) => {
      if (message.type === 'ready' && message.url) {
        clearTimeout(timer);
        resolve(message.url);
      }
      if (message.type === 'stats' && message.id !== undefined && message.stats) {
        pending.get(message.id)?.(message.stats);
        pending.delete(message.id);
      }
    });
  });
  return {
    name: args.name,
    url,
    pid: child.pid ?? -1,
    stats: () =>
      new Promise<ProcessStats>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.send({ type: 'stats', id }, (error) => error && reject(error));
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT lets Node write a --cpu-prof profile; SIGKILL if it lingers.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
