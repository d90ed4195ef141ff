import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../audit/audit-log.js';

export type { AuditRecord };

/** Where the policy executor writes audit entries (the hash-chained audit log). */
export interface AuditSink {
  append(record: AuditRecord, manager?: EntityManager): Promise<string>;
}
