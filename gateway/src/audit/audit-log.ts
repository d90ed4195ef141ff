import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { textArray } from '../../../common/src/db/text-array.js';
import { badUserInput } from '../../../common/src/errors.js';
import type { DataCategory, Role } from '../../../common/src/domain.js';
import { type ChainContent, type ChainEntry, type ChainVerification, ChainVerifier, chainHash, type ExpectedHead, GENESIS_HASH } from './audit-chain.js';
import type { AuditConnection } from './audit-connection.type.js';
import { decodeCursor, encodeCursor } from './audit-cursor.js';
import { AuditEntry } from './audit-entry.entity.js';

/** What one response released and withheld, as the hub records it. Ids and categories only. */
export interface AuditRecord {
  agentId: string;
  role: Role;
  institution: string;
  operationName: string | null;
  /** SHA-256 (hex) of the operation document. */
  operationHash: string;
  childIds: string[];
  released: DataCategory[];
  withheld: Array<{ category: DataCategory; reason: string; count: number }>;
}

export interface AuditFilter {
  childId?: string;
  /** Entries naming at least one of these children. */
  anyChildOf?: readonly string[];
  /** Entries at this position in the chain or after (a window of the log). */
  seqFrom?: string;
  agentId?: string;
  /** Inclusive. */
  from?: Date;
  /** Inclusive. */
  to?: Date;
}

export interface AuditLogOptions {
  /** @default () => new Date() — the clock that stamps entries (tests pass a fixed one). */
  now?: () => Date;
}

/**
 * Serialises appends across every hub process sharing the database (any constant; distinct
 * from the migration lock of common/src/db/data-source.ts).
 */
const APPEND_LOCK_KEY = 72_260_227;
/** @default 50 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Rows read per statement by `verify()`, so that a long log never sits in memory at once. */
export const VERIFY_BATCH_SIZE = 1_000;

/** The entries a page holds: `first`, 50 by default and 200 at most; BAD_USER_INPUT below 1. */
export function pageSize(first: number | null | undefined): number {
  if (first !== undefined && first !== null && (!Number.isInteger(first) || first < 1)) throw badUserInput('first', 'Must be at least 1');
  return Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

const distinctSorted = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();

const WITHHELD_KEYS = 'category,count,reason';

/** A row as the verifier reads it; `atMicroseconds` is the time's sub-second part in µs. */
function toChainEntry(entry: AuditEntry, atMicroseconds: number): ChainEntry {
  const canonical =
    atMicroseconds % 1_000 === 0 && entry.withheldReasons.every((item) => item !== null && typeof item === 'object' && Object.keys(item).sort().join(',') === WITHHELD_KEYS);
  return {
    canonical,
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    agentId: entry.agentId,
    role: entry.role,
    institution: entry.institution,
    operationName: entry.operationName,
    operationHash: entry.operationHash,
    childIds: entry.childIds,
    released: entry.released,
    withheld: entry.withheldReasons,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

/** An entry ready to insert: its content, chained after `prevHash`. */
export interface ChainedRow {
  content: ChainContent;
  prevHash: string;
  hash: string;
}

/** Chains `records`, in order, after `prevHash`, all stamped `at`. Pure. */
export function chainRecords(chainKey: string, prevHash: string, records: readonly AuditRecord[], at: Date): ChainedRow[] {
  let previous = prevHash;
  return records.map((record) => {
    const content: ChainContent = {
      id: randomUUID(),
      at,
      agentId: record.agentId,
      role: record.role,
      institution: record.institution,
      operationName: record.operationName,
      operationHash: record.operationHash,
      childIds: distinctSorted(record.childIds),
      released: distinctSorted(record.released),
      withheld: record.withheld.map(({ category, reason, count }) => ({ category, reason, count })),
    };
    const row = { content, prevHash: previous, hash: chainHash(chainKey, previous, content) };
    previous = row.hash;
    return row;
  });
}

const AUDIT_COLUMNS = 'id, at, agent_id, role, institution, operation_name, operation_hash, child_ids, released, withheld, prev_hash, hash';

/**
 * A CTE `lock(held)`: tries the append lock for the rest of the statement's transaction
 * (true at once if this transaction already holds it). A statement guarded by it writes
 * nothing while another writer holds the lock.
 */
export const TRY_APPEND_LOCK = `lock AS (SELECT pg_try_advisory_xact_lock(${APPEND_LOCK_KEY}) AS held)`;

/**
 * `(columns) SELECT … FROM (VALUES (…), (…))` for `rows`, their values pushed onto
 * `params`, in chain order (so the identity `seq` numbers them in that order). With
 * `guarded`, only if the `lock` CTE (`TRY_APPEND_LOCK`) holds the lock.
 */
export function auditRows(rows: readonly ChainedRow[], params: unknown[], guarded = false): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const tuples = rows.map(
    ({ content, prevHash, hash }, index) =>
      `(${index}, ${p(content.id)}::uuid, ${p(content.at)}::timestamptz, ${p(content.agentId)}::text, ${p(content.role)}::text, ${p(content.institution)}::text, ` +
      `${p(content.operationName)}::text, ${p(content.operationHash)}::text, ${p(textArray(content.childIds))}::text[], ${p(textArray(content.released))}::text[], ` +
      `${p(JSON.stringify(content.withheld))}::jsonb, ${p(prevHash)}::text, ${p(hash)}::text)`,
  );
  return `(${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS} FROM (VALUES ${tuples.join(', ')}) AS v(n, ${AUDIT_COLUMNS})${guarded ? ' CROSS JOIN lock WHERE lock.held' : ''} ORDER BY n`;
}

/** The newest entry's hash, or the genesis hash of an empty log. */
export async function readHeadHash(manager: EntityManager): Promise<string> {
  const last: Array<{ hash: string }> = await manager.query('SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1');
  return last.length > 0 ? last[0].hash : GENESIS_HASH;
}

/** A unique violation on the chain: another writer appended after the head this one read. */
export const isChainConflict = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';

/** Builds the statement that writes `rows` (and whatever goes with them), pushing its values. */
export type AppendStatement = (rows: readonly ChainedRow[], params: unknown[]) => string;
export const insertEntries: AppendStatement = (rows, params) => `INSERT INTO audit_entry ${auditRows(rows, params)}`;

/** Attempts under the lock before a write is reported failed. */
const LOCKED_ATTEMPTS = 5;

/**
 * Appends `records` in `manager`'s transaction, under the lock that serialises appends across
 * hub processes (held until that transaction ends): reads the head, chains, writes. Every
 * writer holds that lock while it writes, so the head read here stays the head; the unique
 * `prev_hash` would still refuse a write from a stale head, which is then retried from a
 * savepoint after reading the head again, a bounded number of times.
 */
export async function appendUnderLock(manager: EntityManager, chainKey: string, records: readonly AuditRecord[], at: Date, statement: AppendStatement = insertEntries): Promise<ChainedRow[]> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
  for (let attempt = 1; ; attempt += 1) {
    const rows = chainRecords(chainKey, await readHeadHash(manager), records, at);
    const params: unknown[] = [];
    const sql = statement(rows, params);
    if (attempt === LOCKED_ATTEMPTS) {
      await manager.query(sql, params);
      return rows;
    }
    await manager.query('SAVEPOINT audit_append');
    try {
      await manager.query(sql, params);
      await manager.query('RELEASE SAVEPOINT audit_append');
      return rows;
    } catch (error) {
      if (!isChainConflict(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT audit_append');
    }
  }
}

/** The hub's append-only, hash-chained audit log (DESIGN.md, "Enforcement"). */
export class AuditLog {
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly chainKey: string,
    options: AuditLogOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Appends one entry and returns its id. Runs in `manager`'s transaction when it has one
   * (the entry then commits or rolls back with the caller's work, and other appends wait
   * until that transaction ends: append last), otherwise in a transaction of its own. The
   * transaction must be READ COMMITTED (PostgreSQL's default) so that the last hash is read
   * after the lock is taken; under a stricter isolation a stale read fails on the unique
   * `prev_hash` instead of forking the chain.
   */
  async append(record: AuditRecord, manager?: EntityManager): Promise<string> {
    const write = (transaction: EntityManager) => this.appendIn(transaction, record);
    if (manager?.queryRunner?.isTransactionActive) return write(manager);
    return (manager ?? this.dataSource.manager).transaction(write);
  }

  private async appendIn(manager: EntityManager, record: AuditRecord): Promise<string> {
    const [row] = await appendUnderLock(manager, this.chainKey, [record], this.now());
    return row.content.id;
  }

  /**
   * Entries matching every given filter, newest first. `first` defaults to 50 and is capped
   * at 200; `after` is the `cursor` of the last entry already seen.
   */
  async page(filter: AuditFilter, first?: number | null, after?: string | null): Promise<AuditConnection> {
    const limit = pageSize(first);
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry').orderBy('entry.seq', 'DESC').limit(limit + 1);
    if (after !== undefined && after !== null) query.andWhere('entry.seq < :afterSeq', { afterSeq: decodeCursor(after, 'after') });
    // `@>` rather than `= ANY`, so that the GIN index on child_ids serves it.
    if (filter.childId !== undefined) query.andWhere('entry.child_ids @> ARRAY[:childId]::text[]', { childId: filter.childId });
    if (filter.seqFrom !== undefined) query.andWhere('entry.seq >= :seqFrom', { seqFrom: filter.seqFrom });
    if (filter.anyChildOf !== undefined) query.andWhere('entry.child_ids && CAST(:anyChildOf AS text[])', { anyChildOf: [...filter.anyChildOf] });
    if (filter.agentId !== undefined) query.andWhere('entry.agent_id = :agentId', { agentId: filter.agentId });
    if (filter.from !== undefined) query.andWhere('entry.at >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('entry.at <= :to', { to: filter.to });
    const rows = await query.getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor(node.seq), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    };
  }

  /**
   * Verifies the whole chain in seq order, 1,000 rows per statement, stopping at the first
   * broken entry. With `expectedHead` (a head recorded earlier), also reports a cut tail.
   */
  async verify(expectedHead?: ExpectedHead): Promise<ChainVerification> {
    const verifier = new ChainVerifier(this.chainKey, expectedHead);
    const repository = this.dataSource.getRepository(AuditEntry);
    let afterSeq = '0';
    for (;;) {
      const { entities: batch, raw } = await repository
        .createQueryBuilder('entry')
        .addSelect("extract(microseconds from entry.at)::int % 1000000", 'at_microseconds')
        .where('entry.seq > :afterSeq', { afterSeq })
        .orderBy('entry.seq', 'ASC')
        .limit(VERIFY_BATCH_SIZE)
        .getRawAndEntities<{ at_microseconds: number }>();
      verifier.push(batch.map((entry, index) => toChainEntry(entry, Number(raw[index].at_microseconds))));
      if (batch.length < VERIFY_BATCH_SIZE || verifier.broken) break;
      afterSeq = batch[batch.length - 1].seq;
    }
    return verifier.result();
  }

  /** The newest entry's position and hash, to keep elsewhere and pass to `verify` later. */
  async head(): Promise<ExpectedHead | null> {
    const rows: Array<{ seq: string; hash: string }> = await this.dataSource.query('SELECT seq::text AS seq, hash FROM audit_entry ORDER BY audit_entry.seq DESC LIMIT 1');
    return rows.length > 0 ? { seq: rows[0].seq, hash: rows[0].hash } : null;
  }
}
