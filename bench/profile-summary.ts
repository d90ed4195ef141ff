import { readFileSync } from 'node:fs';
import { intArg, parseArgs } from './lib/args.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const isIdle = (node: ProfileNode) => node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)';
const urlOf = (node: ProfileNode) => node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/work\/main\//, '');
const nameOf = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${urlOf(node)}:${node.callFrame.lineNumber + 1}`;
function placeOf(node: ProfileNode): string {
  const url = urlOf(node);
  if (url.startsWith('node_modules/')) return url.split('/').slice(0, url.split('/')[1].startsWith('@') ? 3 : 2).join('/');
  return url.split('/').slice(0, 3).join('/') || node.callFrame.functionName;
}

/**
 * The samples to count: all of them, or those of the busiest `seconds` of the profile (the
 * load of a `--only <operation>` run, without start-up and checks), leaving out the first
 * `skip` seconds: a subgraph's start-up (loading its modules) can be busier than its share
 * of the load, and would otherwise be the window chosen.
 */
function sampleRange(profile: Profile, byId: Map<number, ProfileNode>, seconds: number | undefined, skip: number): [number, number] {
  const times: number[] = [];
  let now = 0;
  for (const delta of profile.timeDeltas) times.push((now += delta));
  let first = 0;
  while (first < times.length && times[first] - times[0] < skip * 1e6) first += 1;
  if (seconds === undefined) return [first, profile.samples.length];
  const span = seconds * 1e6;
  const busy = (index: number) => (isIdle(byId.get(profile.samples[index])!) ? 0 : (profile.timeDeltas[index + 1] ?? 0));
  let best = 0;
  let bestStart = first;
  let start = first;
  let sum = 0;
  for (let end = first; end < times.length; end += 1) {
    sum += busy(end);
    while (times[end] - times[start] > span) sum -= busy(start++);
    if (sum > best) [best, bestStart] = [sum, start];
  }
  let end = bestStart;
  while (end < times.length && times[end] - times[bestStart] <= span) end += 1;
  return [bestStart, end];
}

/**
 * `tsx bench/profile-summary.ts <file.cpuprofile> [top] [--window S] [--skip S] [--inclusive REGEX]`:
 * self time by function and by package/folder, from a profile written by
 * `npm run bench -- --profile` (node --cpu-prof). `--window S` counts only the busiest S
 * seconds; `--skip S` leaves out the first S seconds (a subgraph's start-up);
 * `--inclusive REGEX` adds the time spent in, or under, each function whose name and place
 * match.
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const [file, topArg] = args.positional;
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top] [--window S] [--skip S] [--inclusive REGEX]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const top = Number(topArg ?? 25);
  const inclusiveArg = args.get('inclusive');
  const inclusive = typeof inclusiveArg === 'string' ? new RegExp(inclusiveArg) : null;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const windowSeconds = intArg(args, 'window', 0, 0, 86_400);
  const [from, to] = sampleRange(profile, byId, windowSeconds > 0 ? windowSeconds : undefined, intArg(args, 'skip', 0, 0, 86_400));
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const under = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);
  let total = 0;
  for (let index = from; index < to; index += 1) {
    const node = byId.get(profile.samples[index])!;
    if (isIdle(node)) continue;
    const micros = profile.timeDeltas[index + 1] ?? 0;
    total += micros;
    add(byFunction, nameOf(node), micros);
    add(byPlace, placeOf(node), micros);
    if (!inclusive) continue;
    // Once per function per sample, however often it recurses.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
      const name = nameOf(byId.get(id)!);
      if (inclusive.test(name) && !seen.has(name)) {
        seen.add(name);
        add(under, name, micros);
      }
    }
  }
  const print = (title: string, map: Map<string, number>) => {
    process.stdout.write(`\n${title} (of ${(total / 1000).toFixed(0)} ms busy)\n`);
    for (const [name, micros] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(`${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}\n`);
    }
  };
  print('self time by package / folder', byPlace);
  print('self time by function', byFunction);
  if (inclusive) print(`time in or under functions matching ${inclusive.source}`, under);
}

main();
