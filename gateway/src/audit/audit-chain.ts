import { createHmac } from 'node:crypto';

/**
 * The audit log's hash chain, PURE (no I/O): each entry's hash is an HMAC-SHA256, under the
 * hub's AUDIT_CHAIN_KEY, of the previous entry's hash and the entry's canonical content.
 * Without the key, an edited, deleted, inserted or reordered entry cannot be made to verify.
 *
 * What the chain alone cannot show: entries cut from its END (the remaining prefix is still
 * a valid chain). Keep a copy of a recent head (`{ seq, hash }`, e.g. printed by a daily
 * `npm run audit:verify` and stored elsewhere) and pass it as `expectedHead` to detect that.
 */

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version tag of the canonical form; a new form needs a new tag. */
const CANONICAL_VERSION = 'cp-audit-v1';

export interface ChainWithheld {
  category: string;
  reason: string;
  count: number;
}

/** What an entry's hash covers (everything but its position and its hashes). */
export interface ChainContent {
  id: string;
  at: Date;
  agentId: string;
  role: string;
  institution: string;
  operationName: string | null;
  operationHash: string;
  childIds: readonly string[];
  released: readonly string[];
  withheld: readonly ChainWithheld[];
}

export interface ChainEntry extends ChainContent {
  /** Position in the table (decimal digits of a bigint); not hashed, only used to match a head. */
  seq: string;
  prevHash: string;
  hash: string;
  /**
   * False when the stored row holds more than its canonical form can show (a time finer
   * than the millisecond, a withheld item with keys of its own): the hub never writes such a
   * row, so it was edited, whatever its hash says. @default true
   */
  canonical?: boolean;
}

/** A head recorded earlier: the chain must still contain this entry with this hash. */
export interface ExpectedHead {
  seq: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Entries examined: all of them when ok, up to and including the first broken one otherwise. */
  checkedEntries: number;
  /** The first entry whose `prevHash` is not its predecessor's hash or whose hash does not match its content. */
  firstBrokenEntryId: string | null;
  /** With an expected head: the chain no longer contains it (entries were cut from the end). */
  tailMissing: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical serialisation: a JSON array in a fixed field order, the time as ISO-8601
 * UTC, and the arrays whose order carries no meaning (child ids, categories, withheld
 * reasons) sorted, so that storage round trips (jsonb key order, array order) do not matter.
 */
export function canonicalize(entry: ChainContent): string {
  const withheld = entry.withheld
    .map((item) => [item.category, item.reason, item.count] as const)
    .sort((a, b) => byText(a[0], b[0]) || byText(a[1], b[1]) || a[2] - b[2]);
  return JSON.stringify([
    CANONICAL_VERSION,
    entry.id,
    entry.at.toISOString(),
    entry.agentId,
    entry.role,
    entry.institution,
    entry.operationName,
    entry.operationHash,
    [...entry.childIds].sort(byText),
    [...entry.released].sort(byText),
    withheld,
  ]);
}

/** HMAC-SHA256 (hex) of the previous hash and the entry's canonical form. */
export function chainHash(key: string, prevHash: string, entry: ChainContent): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalize(entry)).digest('hex');
}

/**
 * Verifies a chain fed in seq order, in as many batches as needed (the table may hold
 * millions of entries). Stops examining at the first broken entry.
 */
export class ChainVerifier {
  private previousHash = GENESIS_HASH;
  private checked = 0;
  private brokenId: string | null = null;
  private headSeen = false;

  constructor(
    private readonly key: string,
    private readonly expectedHead?: ExpectedHead,
  ) {}

  get broken(): boolean {
    return this.brokenId !== null;
  }

  /** Feeds the next entries, in seq order. */
  push(entries: readonly ChainEntry[]): void {
    for (const entry of entries) {
      if (this.brokenId !== null) return;
      this.checked += 1;
      if (entry.canonical === false || entry.prevHash !== this.previousHash || entry.hash !== chainHash(this.key, entry.prevHash, entry)) {
        this.brokenId = entry.id;
        return;
      }
      if (this.expectedHead && entry.seq === this.expectedHead.seq) {
        // Same position, another hash: the chain was replaced from some point up to the head.
        if (entry.hash !== this.expectedHead.hash) {
          this.brokenId = entry.id;
          return;
        }
        this.headSeen = true;
      }
      this.previousHash = entry.hash;
    }
  }

  result(): ChainVerification {
    const tailMissing = this.brokenId === null && this.expectedHead !== undefined && !this.headSeen;
    return { ok: this.brokenId === null && !tailMissing, checkedEntries: this.checked, firstBrokenEntryId: this.brokenId, tailMissing };
  }
}

/** Verifies a whole chain given in seq order; see {@link ChainVerifier}. */
export function verifyChain(key: string, entriesInSeqOrder: readonly ChainEntry[], expectedHead?: ExpectedHead): ChainVerification {
  const verifier = new ChainVerifier(key, expectedHead);
  verifier.push(entriesInSeqOrder);
  return verifier.result();
}
