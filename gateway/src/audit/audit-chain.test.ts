import { canonicalize, chainHash, type ChainContent, type ChainEntry, ChainVerifier, GENESIS_HASH, verifyChain } from './audit-chain';

const KEY = 'unit-test-audit-chain-key-0123456789';
const OTHER_KEY = 'an-attacker-does-not-have-the-real-key';

function content(n: number): ChainContent {
  return {
    id: `e${n}`,
    at: new Date(Date.UTC(2025, 0, 1, 8, 0, n)),
    agentId: `agent-${n % 2}`,
    role: 'ASE_REFERENT',
    institution: 'ASE-75',
    operationName: n === 2 ? null : 'ChildFile',
    operationHash: 'a'.repeat(64),
    childIds: ['child-b', 'child-a'],
    released: ['IDENTITY', 'CONCERN'],
    withheld: [{ category: 'HEALTH_DETAILS', reason: 'CONSENT_REQUIRED', count: 1 }],
  };
}

/** A valid chain e1…e<count>, seq 1…count. */
function chain(count: number, key = KEY): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let n = 1; n <= count; n += 1) {
    const hash = chainHash(key, prevHash, content(n));
    entries.push({ ...content(n), seq: String(n), prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

const at = (entries: ChainEntry[], id: string): ChainEntry => {
  const found = entries.find((entry) => entry.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('canonicalize', () => {
  it('fixes the field order, writes the time in ISO UTC and sorts unordered arrays', () => {
    expect(canonicalize(content(1))).toEqual(
      '["cp-audit-v1","e1","2025-01-01T08:00:01.000Z","agent-1","ASE_REFERENT","ASE-75","ChildFile","' +
        'a'.repeat(64) +
        '",["child-a","child-b"],["CONCERN","IDENTITY"],[["HEALTH_DETAILS","CONSENT_REQUIRED",1]]]',
    );
  });

  it('does not depend on the order of child ids, categories or withheld reasons', () => {
    const a: ChainContent = { ...content(1), withheld: [{ category: 'CONCERN', reason: 'NEED_TO_KNOW', count: 2 }, { category: 'CHILDCARE', reason: 'CONSENT_REQUIRED', count: 1 }] };
    const b: ChainContent = { ...a, childIds: [...a.childIds].reverse(), released: [...a.released].reverse(), withheld: [...a.withheld].reverse() };
    expect(canonicalize(b)).toEqual(canonicalize(a));
  });
});

describe('chainHash', () => {
  it('is a hex HMAC-SHA256 that depends on the key, the previous hash and every field', () => {
    const hash = chainHash(KEY, GENESIS_HASH, content(1));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(OTHER_KEY, GENESIS_HASH, content(1))).not.toEqual(hash);
    expect(chainHash(KEY, 'f'.repeat(64), content(1))).not.toEqual(hash);
    expect(chainHash(KEY, GENESIS_HASH, { ...content(1), operationName: null })).not.toEqual(hash);
    expect(chainHash(KEY, GENESIS_HASH, { ...content(1), withheld: [] })).not.toEqual(hash);
  });
});

describe('verifyChain', () => {
  it('accepts an empty chain and an intact chain', () => {
    expect(verifyChain(KEY, [])).toEqual({ ok: true, checkedEntries: 0, firstBrokenEntryId: null, tailMissing: false });
    expect(verifyChain(KEY, chain(5))).toEqual({ ok: true, checkedEntries: 5, firstBrokenEntryId: null, tailMissing: false });
  });

  const forged = (entries: ChainEntry[]): ChainEntry => {
    const forgedContent = { ...content(9), id: 'forged' };
    const prevHash = at(entries, 'e2').hash;
    return { ...forgedContent, seq: '3', prevHash, hash: chainHash(OTHER_KEY, prevHash, forgedContent) };
  };

  it.each<[string, (entries: ChainEntry[]) => ChainEntry[], string, number]>([
    ['an edited field', (e) => e.map((entry) => (entry.id === 'e3' ? { ...entry, institution: 'ASE-92' } : entry)), 'e3', 3],
    ['an edited time', (e) => e.map((entry) => (entry.id === 'e4' ? { ...entry, at: new Date(entry.at.getTime() + 1) } : entry)), 'e4', 4],
    ['a child id added', (e) => e.map((entry) => (entry.id === 'e2' ? { ...entry, childIds: [...entry.childIds, 'child-c'] } : entry)), 'e2', 2],
    ['the last entry edited', (e) => e.map((entry) => (entry.id === 'e5' ? { ...entry, released: [] } : entry)), 'e5', 5],
    ['a deleted entry', (e) => e.filter((entry) => entry.id !== 'e3'), 'e4', 3],
    ['the first entry deleted', (e) => e.filter((entry) => entry.id !== 'e1'), 'e2', 1],
    ['an inserted entry (hashed without the key)', (e) => [...e.slice(0, 2), forged(e), ...e.slice(2)], 'forged', 3],
    ['an inserted copy of an entry', (e) => [...e.slice(0, 3), { ...at(e, 'e3') }, ...e.slice(3)], 'e3', 4],
    ['two swapped entries', (e) => [e[0], e[1], e[3], e[2], e[4]], 'e4', 3],
    ['a chain rehashed with another key', () => chain(5, OTHER_KEY), 'e1', 1],
  ])('detects %s', (_label, tamper, firstBrokenEntryId, checkedEntries) => {
    expect(verifyChain(KEY, tamper(chain(5)))).toEqual({ ok: false, checkedEntries, firstBrokenEntryId, tailMissing: false });
  });

  it('cannot see a truncated tail from the chain alone', () => {
    expect(verifyChain(KEY, chain(5).slice(0, 3))).toEqual({ ok: true, checkedEntries: 3, firstBrokenEntryId: null, tailMissing: false });
  });

  it.each<[string, (entries: ChainEntry[]) => ChainEntry[], { seq: string; hash: string } | 'e5', object]>([
    ['the expected head present', (e) => e, 'e5', { ok: true, checkedEntries: 5, firstBrokenEntryId: null, tailMissing: false }],
    ['entries after the head', (e) => e, { seq: '3', hash: chain(5)[2].hash }, { ok: true, checkedEntries: 5, firstBrokenEntryId: null, tailMissing: false }],
    ['the tail truncated', (e) => e.slice(0, 3), 'e5', { ok: false, checkedEntries: 3, firstBrokenEntryId: null, tailMissing: true }],
    ['every entry removed', () => [], 'e5', { ok: false, checkedEntries: 0, firstBrokenEntryId: null, tailMissing: true }],
    ['another entry at the head’s position', (e) => e, { seq: '5', hash: 'f'.repeat(64) }, { ok: false, checkedEntries: 5, firstBrokenEntryId: 'e5', tailMissing: false }],
    ['a break before the head', (e) => e.filter((entry) => entry.id !== 'e2'), 'e5', { ok: false, checkedEntries: 2, firstBrokenEntryId: 'e3', tailMissing: false }],
  ])('with an expected head: %s', (_label, tamper, head, expected) => {
    const original = chain(5);
    const expectedHead = head === 'e5' ? { seq: '5', hash: original[4].hash } : head;
    expect(verifyChain(KEY, tamper(original), expectedHead)).toEqual(expected);
  });
});

describe('ChainVerifier', () => {
  it('gives the same answer fed in batches', () => {
    const entries = chain(7);
    const verifier = new ChainVerifier(KEY);
    for (let start = 0; start < entries.length; start += 3) verifier.push(entries.slice(start, start + 3));
    expect(verifier.result()).toEqual({ ok: true, checkedEntries: 7, firstBrokenEntryId: null, tailMissing: false });
  });

  it('stops at the first break, across batches', () => {
    const entries = chain(7).filter((entry) => entry.id !== 'e4');
    const verifier = new ChainVerifier(KEY);
    verifier.push(entries.slice(0, 3));
    expect(verifier.broken).toEqual(false);
    verifier.push(entries.slice(3, 6));
    expect(verifier.broken).toEqual(true);
    expect(verifier.result()).toEqual({ ok: false, checkedEntries: 4, firstBrokenEntryId: 'e5', tailMissing: false });
  });
});
