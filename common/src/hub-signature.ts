import { createHmac, timingSafeEqual } from 'node:crypto';
import { Role, type Viewer } from './domain.js';

/** Headers that carry the hub's signature on every hub → subgraph request. */
export const HUB_SIGNATURE_HEADER = 'x-hub-signature';
export const HUB_TIMESTAMP_HEADER = 'x-hub-timestamp';
export const REQUEST_ID_HEADER = 'x-request-id';
/** The authenticated agent on whose behalf the hub calls (base64url JSON), covered by the signature. */
export const HUB_VIEWER_HEADER = 'x-hub-viewer';

/**
 * The exact bytes signed: target subgraph, timestamp, method, path, viewer and body, so no
 * part can be swapped. The target is named because the four subgraphs share one secret: a
 * request signed for one of them must not be replayable against another.
 */
function payload(subgraph: string, timestampMs: number, method: string, path: string, viewer: string, body: string): string {
  return `${subgraph}\n${timestampMs}\n${method.toUpperCase()}\n${path}\n${viewer}\n${body}`;
}

/**
 * HMAC-SHA256 of a request to `subgraph` (its name in the hub's service list: `ase`, `pmi`,
 * `rpe`, `justice`) with the shared hub secret, hex-encoded.
 */
export function signHubRequest(secret: string, subgraph: string, timestampMs: number, method: string, path: string, viewer: string, body: string): string {
  return createHmac('sha256', secret).update(payload(subgraph, timestampMs, method, path, viewer, body)).digest('hex');
}

export type HubSignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * What can be checked of a hub signature before the body is read: both headers present and
 * well formed, the timestamp within `maxAgeMs` of now (either way). A request failing this
 * is refused without reading its body; one passing it still needs {@link verifyHubSignature}.
 */
export function checkHubSignatureHeaders(args: { maxAgeMs: number; signature: string | undefined; timestamp: string | undefined; now?: number }): HubSignatureCheck {
  if (!args.signature || !args.timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,15}$/.test(args.timestamp) || !/^[0-9a-f]{64}$/.test(args.signature)) return { ok: false, reason: 'malformed' };
  const now = args.now ?? Date.now();
  if (Math.abs(now - Number(args.timestamp)) > args.maxAgeMs) return { ok: false, reason: 'stale' };
  return { ok: true };
}

/**
 * Verifies a hub signature. A request is refused when the header is missing or malformed,
 * when its timestamp is further than `maxAgeMs` from now (either way: clock skew is bounded
 * too), or when the HMAC does not match in constant time (a signature made for another
 * subgraph does not).
 */
export function verifyHubSignature(args: {
  secret: string;
  /** The verifying subgraph's own name: only signatures made for it are accepted. */
  subgraph: string;
  maxAgeMs: number;
  signature: string | undefined;
  timestamp: string | undefined;
  method: string;
  path: string;
  /** The viewer header as received ('' when absent). */
  viewer: string;
  body: string;
  now?: number;
}): HubSignatureCheck {
  const headers = checkHubSignatureHeaders(args);
  if (!headers.ok) return headers;
  const timestampMs = Number(args.timestamp);
  const expected = Buffer.from(signHubRequest(args.secret, args.subgraph, timestampMs, args.method, args.path, args.viewer, args.body), 'hex');
  const given = Buffer.from(args.signature ?? '', 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Encodes the viewer for the `x-hub-viewer` header. */
export function encodeViewer(viewer: Viewer): string {
  return Buffer.from(JSON.stringify({ agentId: viewer.agentId, role: viewer.role, institution: viewer.institution })).toString('base64url');
}

/** Decodes a (signature-checked) viewer header; null when absent or not a viewer. */
export function decodeViewer(header: string): Viewer | null {
  if (!header) return null;
  try {
    const value = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof value.agentId !== 'string' || typeof value.role !== 'string' || typeof value.institution !== 'string') return null;
    if (!(Object.values(Role) as string[]).includes(value.role)) return null;
    return { agentId: value.agentId, role: value.role as Role, institution: value.institution };
  } catch {
    return null;
  }
}
