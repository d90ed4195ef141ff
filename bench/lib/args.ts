/** `--name value` and `--flag` from argv, and what is neither (in order); nothing clever. */
export function parseArgs(argv: readonly string[]): Map<string, string | true> & { positional: string[] } {
  const args = Object.assign(new Map<string, string | true>(), { positional: [] as string[] });
  for (let index = 0; index < argv.length; index += 1) {
    const item = argv[index];
    if (!item.startsWith('--')) {
      args.positional.push(item);
      continue;
    }
    const next = argv[index + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(item.slice(2), next);
      index += 1;
    } else args.set(item.slice(2), true);
  }
  return args;
}

export function intArg(args: Map<string, string | true>, name: string, fallback: number, min: number, max: number): number {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  // `--rounds` with no value is a mistake, not 1 (Number(true)).
  const value = typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return value;
}
