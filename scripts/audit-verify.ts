import 'reflect-metadata';
import { DEVELOPMENT_AUDIT_CHAIN_KEY, readAppMode, readOptional, readPort } from '../common/src/config.js';
import { createDataSource } from '../common/src/db/data-source.js';
import type { ExpectedHead } from '../gateway/src/audit/audit-chain.js';
import { AuditEntry } from '../gateway/src/audit/audit-entry.entity.js';
import { AuditLog } from '../gateway/src/audit/audit-log.js';

const USAGE = 'Usage: npm run audit:verify [-- --expect-head <seq>:<hash>]';

class UsageError extends Error {}

/** `--expect-head 1234:<64 hex>`: a head printed by an earlier run, to detect a cut tail. */
function parseArgs(argv: readonly string[]): { expectedHead?: ExpectedHead } {
  if (argv.length === 0) return {};
  const match = argv.length === 2 && argv[0] === '--expect-head' ? /^(\d{1,19}):([0-9a-f]{64})$/.exec(argv[1]) : null;
  if (!match) throw new UsageError(USAGE);
  return { expectedHead: { seq: BigInt(match[1]).toString(), hash: match[2] } };
}

/**
 * `npm run audit:verify`: checks the hub's audit chain from the first entry to the last.
 * Database: HUB_DATABASE_URL, or the embedded PostgreSQL of `npm start` (EMBEDDED_PG_PORT,
 * default 54329), which must be running. Key: AUDIT_CHAIN_KEY, or the development key
 * outside production. Exit code 0 when intact, 1 when broken, 2 when it could not check.
 * Prints the head on success: keep it elsewhere and pass it with --expect-head next time,
 * since entries cut from the end leave a chain that still verifies.
 */
async function main(): Promise<void> {
  const env = process.env;
  const { expectedHead } = parseArgs(process.argv.slice(2));
  const key = readOptional(env, 'AUDIT_CHAIN_KEY') ?? (readAppMode(env) === 'production' ? undefined : DEVELOPMENT_AUDIT_CHAIN_KEY);
  if (!key) throw new UsageError('AUDIT_CHAIN_KEY is required in production');
  const url = readOptional(env, 'HUB_DATABASE_URL') ?? `postgres://postgres:postgres@127.0.0.1:${readPort(env, 'EMBEDDED_PG_PORT', 54329)}/cp_hub`;
  const dataSource = createDataSource({ url, applicationName: 'cp-audit-verify', entities: [AuditEntry], migrations: [], poolSize: 1, statementTimeoutMs: 60_000 });
  await dataSource.initialize();
  try {
    const audit = new AuditLog(dataSource, key);
    const result = await audit.verify(expectedHead);
    if (result.ok) {
      const head = await audit.head();
      process.stdout.write(`ok: ${result.checkedEntries} entries checked\n`);
      if (head) process.stdout.write(`head: ${head.seq}:${head.hash}\n`);
    } else if (result.tailMissing) {
      process.stdout.write(`BROKEN: the expected head (seq ${expectedHead?.seq}) is missing, entries were cut from the end (${result.checkedEntries} checked)\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`BROKEN at entry ${result.firstBrokenEntryId} (${result.checkedEntries} checked)\n`);
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(error instanceof UsageError ? `${message}\n` : `npm run audit:verify could not check the log: ${message}\n`);
  process.exitCode = 2;
});
