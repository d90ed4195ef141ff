import { Role, type Viewer } from './domain';
import { decodeViewer, encodeViewer, signHubRequest, verifyHubSignature } from './hub-signature';

const SECRET = 'unit-test-hub-secret-0123456789abcdef';
const NOW = 1_760_000_000_000;
const MAX_AGE = 30_000;
const CLAIRE: Viewer = { agentId: 'agent-pmi-claire', role: Role.PMI_NURSE, institution: 'PMI-75' };

interface Request {
  /** The subgraph the request is signed for, or the one verifying it. */
  subgraph: string;
  timestamp: number;
  method: string;
  path: string;
  viewer: string;
  body: string;
}
const REQUEST: Request = {
  subgraph: 'pmi',
  timestamp: NOW - 1_000,
  method: 'POST',
  path: '/graphql',
  viewer: encodeViewer(CLAIRE),
  body: '{"query":"{ _service { sdl } }","variables":{}}',
};
const signatureOf = (r: Request, secret = SECRET) => signHubRequest(secret, r.subgraph, r.timestamp, r.method, r.path, r.viewer, r.body);

/** Verifies `received` as a subgraph would, its signature made over `signed`. */
function check(received: Request, signed: Request = received, overrides: { signature?: string | undefined; timestamp?: string | undefined; secret?: string } = {}) {
  return verifyHubSignature({
    secret: SECRET,
    subgraph: received.subgraph,
    maxAgeMs: MAX_AGE,
    signature: 'signature' in overrides ? overrides.signature : signatureOf(signed, overrides.secret),
    timestamp: 'timestamp' in overrides ? overrides.timestamp : String(received.timestamp),
    method: received.method,
    path: received.path,
    viewer: received.viewer,
    body: received.body,
    now: NOW,
  });
}

describe('signHubRequest', () => {
  it('is a 64-character hex HMAC, stable for the same input and secret', () => {
    expect(signatureOf(REQUEST)).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureOf(REQUEST)).toBe(signatureOf({ ...REQUEST }));
    expect(signatureOf(REQUEST, `${SECRET}x`)).not.toBe(signatureOf(REQUEST));
  });
});

describe('verifyHubSignature', () => {
  it.each([
    { name: 'the request as signed', received: REQUEST },
    { name: 'a lower-case method (methods are compared upper-case)', received: { ...REQUEST, method: 'post' } },
    { name: 'no viewer', received: { ...REQUEST, viewer: '' } },
    { name: 'an empty body', received: { ...REQUEST, body: '' } },
    { name: 'exactly maxAge old', received: { ...REQUEST, timestamp: NOW - MAX_AGE } },
    { name: 'exactly maxAge ahead', received: { ...REQUEST, timestamp: NOW + MAX_AGE } },
  ])('accepts $name', ({ received }) => {
    expect(check(received)).toEqual({ ok: true });
  });

  it.each([
    { name: 'body', received: { ...REQUEST, body: REQUEST.body.replace('sdl', '__typename') } },
    { name: 'body (one trailing space)', received: { ...REQUEST, body: `${REQUEST.body} ` } },
    { name: 'path', received: { ...REQUEST, path: '/graphql/' } },
    { name: 'method', received: { ...REQUEST, method: 'GET' } },
    { name: 'viewer header (another agent)', received: { ...REQUEST, viewer: encodeViewer({ ...CLAIRE, role: Role.ASE_MANAGER }) } },
    { name: 'viewer header removed', received: { ...REQUEST, viewer: '' } },
    { name: 'timestamp (within the window)', received: { ...REQUEST, timestamp: REQUEST.timestamp + 1 } },
    ...['ase', 'rpe', 'justice', 'PMI', ''].map((subgraph) => ({ name: `target subgraph (pmi → '${subgraph}')`, received: { ...REQUEST, subgraph } })),
  ])('answers mismatch when the $name was changed after signing', ({ received }) => {
    expect(check(received, REQUEST)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('answers mismatch for a signature made with another secret', () => {
    expect(check(REQUEST, REQUEST, { secret: 'another-secret-0123456789abcdefghijkl' })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('answers mismatch when the parts are shifted across the separators', () => {
    const shifted = { ...REQUEST, path: `${REQUEST.path}\n${REQUEST.viewer}`, viewer: '' };
    expect(check(shifted, REQUEST)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it.each([
    { name: 'older than maxAge (a replay)', timestamp: NOW - MAX_AGE - 1 },
    { name: 'an hour old', timestamp: NOW - 3_600_000 },
    { name: 'further than maxAge in the future', timestamp: NOW + MAX_AGE + 1 },
    { name: 'at the epoch', timestamp: 0 },
  ])('answers stale for a signature $name, even when the HMAC matches', ({ timestamp }) => {
    expect(check({ ...REQUEST, timestamp })).toEqual({ ok: false, reason: 'stale' });
  });

  it.each([
    { name: 'no signature', overrides: { signature: undefined } },
    { name: 'no timestamp', overrides: { timestamp: undefined } },
    { name: 'empty signature', overrides: { signature: '' } },
    { name: 'empty timestamp', overrides: { timestamp: '' } },
    { name: 'neither', overrides: { signature: undefined, timestamp: undefined } },
  ])('answers missing for $name', ({ overrides }) => {
    expect(check(REQUEST, REQUEST, overrides)).toEqual({ ok: false, reason: 'missing' });
  });

  const good = signatureOf(REQUEST);
  it.each([
    { name: 'a non-numeric timestamp', overrides: { timestamp: 'yesterday' } },
    { name: 'a negative timestamp', overrides: { timestamp: '-1' } },
    { name: 'a fractional timestamp', overrides: { timestamp: `${NOW}.5` } },
    { name: 'a 16-digit timestamp', overrides: { timestamp: '1'.repeat(16) } },
    { name: 'a short signature', overrides: { signature: good.slice(0, 63) } },
    { name: 'a long signature', overrides: { signature: `${good}0` } },
    { name: 'an upper-case hex signature', overrides: { signature: good.toUpperCase() } },
    { name: 'a base64 signature', overrides: { signature: Buffer.from(good, 'hex').toString('base64') } },
    { name: 'a non-hex signature', overrides: { signature: 'z'.repeat(64) } },
  ])('answers malformed for $name', ({ overrides }) => {
    expect(check(REQUEST, REQUEST, overrides)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('encodeViewer / decodeViewer', () => {
  it.each(Object.values(Role))('round-trips a %s viewer', (role) => {
    const viewer = { agentId: `agent-${role.toLowerCase()}`, role, institution: 'ASE-75' };
    expect(decodeViewer(encodeViewer(viewer))).toEqual(viewer);
  });

  it('encodes only the three viewer fields, base64url', () => {
    const encoded = encodeViewer({ ...CLAIRE, name: 'Claire Dubois' } as Viewer);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))).toEqual(CLAIRE);
  });

  const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  it.each([
    { name: 'empty', header: '' },
    { name: 'not base64 JSON', header: 'not-a-viewer' },
    { name: 'truncated JSON', header: encode('{"agentId":"a"') },
    { name: 'JSON null', header: encode(null) },
    { name: 'a JSON array', header: encode(['agent-pmi-claire', 'PMI_NURSE', 'PMI-75']) },
    { name: 'an unknown role', header: encode({ ...CLAIRE, role: 'SUPERUSER' }) },
    { name: 'no agentId', header: encode({ role: CLAIRE.role, institution: CLAIRE.institution }) },
    { name: 'a numeric agentId', header: encode({ ...CLAIRE, agentId: 42 }) },
    { name: 'no institution', header: encode({ agentId: CLAIRE.agentId, role: CLAIRE.role }) },
  ])('decodes $name to null', ({ header }) => {
    expect(decodeViewer(header)).toBeNull();
  });
});
