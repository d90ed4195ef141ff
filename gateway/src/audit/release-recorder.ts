import type { DataSource } from 'typeorm';
import { insertNotificationsSql, type ReferentNotification } from '../notifications/notify-referents.js';
import { appendUnderLock, type AuditRecord, auditRows, type ChainedRow, chainRecords, isChainConflict, TRY_APPEND_LOCK } from './audit-log.js';

/** What one response must leave behind before it is released. */
export interface ReleaseRecord {
  audit: AuditRecord;
  /** Référents to notify (releases under an `A*` rule); written with the audit entry. */
  notifications: readonly ReferentNotification[];
}

export interface ReleaseRecorderOptions {
  /** @default 100 — responses written by one statement at most. */
  maxBatch?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

/** How long writes take the lock after another process was seen appending. */
const CONTENDED_MS = 1_000;

/**
 * Writes each response's audit entry and référent notifications before the response is
 * released, with group commit: the responses that finish while a write is in flight are
 * written together by the next one, in one statement (audit rows chained in order, plus
 * their notifications), so a busy hub pays one round trip for many responses instead of a
 * locked five-statement transaction for each.
 *
 * The chain stays one line across hub processes. Every write holds the append lock while
 * it writes: this process chains from the last hash it wrote and *tries* the lock in the
 * same statement (one round trip); if another writer holds it, or appended after that hash
 * (`prev_hash` is UNIQUE), it waits for the lock (`appendUnderLock`), reads the head there
 * and writes, and keeps waiting for the lock for a second. A write that fails rejects every
 * response of its batch: none of them is released.
 */
export class ReleaseRecorder {
  private readonly pending: Array<{ record: ReleaseRecord; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing = false;
  /** The hash of the last entry this process wrote, while it is believed to be the head. */
  private head: string | undefined;
  /** Until then, writes take the lock: another process was seen writing. */
  private lockFreeAfter = 0;
  private readonly maxBatch: number;
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly chainKey: string,
    options: ReleaseRecorderOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.now = options.now ?? (() => new Date());
  }

  /** Resolves once the record is committed; rejects if it could not be written. */
  record(record: ReleaseRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ record, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          await this.write(batch.map((item) => item.record));
          for (const item of batch) item.resolve();
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(records: readonly ReleaseRecord[]): Promise<void> {
    const head = this.head;
    this.head = undefined;
    const audits = records.map((record) => record.audit);
    const at = this.now();
    const statement = statementWith(records.flatMap((record) => record.notifications), at);
    if (head !== undefined && Date.now() >= this.lockFreeAfter) {
      const rows = chainRecords(this.chainKey, head, audits, at);
      const params: unknown[] = [];
      let written = false;
      try {
        const inserted: unknown[] = await this.dataSource.query(statement(rows, params), params);
        written = inserted.length === rows.length;
      } catch (error) {
        if (!isChainConflict(error)) throw error;
      }
      if (written) {
        this.head = rows[rows.length - 1].hash;
        return;
      }
      // Another process writes too (it held the lock, or appended after our head): wait for
      // the lock, and keep waiting for it a while.
      this.lockFreeAfter = Date.now() + CONTENDED_MS;
    }
    const rows = await this.dataSource.transaction((manager) => appendUnderLock(manager, this.chainKey, audits, at, statement));
    this.head = rows[rows.length - 1].hash;
  }
}

/**
 * One statement: the audit rows and the notifications that go with them, written only if it
 * gets the append lock (at once, or because its transaction already holds it); it returns
 * one row per entry written, none when another writer held the lock.
 */
function statementWith(notifications: readonly ReferentNotification[], at: Date) {
  return (rows: readonly ChainedRow[], params: unknown[]): string => {
    const notified = notifications.length > 0 ? `, notified AS (${insertNotificationsSql(notifications, at, params, ' CROSS JOIN lock WHERE lock.held')})` : '';
    return `WITH ${TRY_APPEND_LOCK}${notified} INSERT INTO audit_entry ${auditRows(rows, params, true)} RETURNING seq`;
  };
}
