import type { AuditRecord } from '../audit/audit-log.js';
import type { ReleaseRecord } from '../audit/release-recorder.js';

export type { AuditRecord, ReleaseRecord };

/** Where the policy executor records each release (see `ReleaseRecorder`): resolves once written. */
export interface ReleaseSink {
  record(record: ReleaseRecord): Promise<void>;
}
