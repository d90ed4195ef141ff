import { exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, type KeyLike, SignJWT } from 'jose';

/**
 * Forged and broken access tokens, shared by the verifier's unit tests (which check the
 * refusal reason) and the hub's end-to-end tests (which check the 401 a client sees).
 */
export interface TokenKit {
  /** The key the verifier trusts (its public half is in the key set under `kid`). */
  trusted: { privateKey: KeyLike; publicKey: KeyLike; kid: string };
  /** Another P-256 key, never in the key set. */
  stranger: KeyLike;
  /** An RSA key pair; in the unit tests its public half is in the key set under `rsaKid`. */
  rsa: { privateKey: KeyLike; publicKey: KeyLike };
  rsaKid: string;
  issuer: string;
  audience: string;
}

export async function createTokenKit(trusted: TokenKit['trusted'], issuer: string, audience: string, rsaKid = 'test-rs256'): Promise<TokenKit> {
  const stranger = await generateKeyPair('ES256');
  const rsa = await generateKeyPair('RS256');
  return { trusted, stranger: stranger.privateKey, rsa, rsaKid, issuer, audience };
}

const now = () => Math.floor(Date.now() / 1000);

/** The claims of a good token for a PMI nurse. */
export function goodClaims(kit: TokenKit): JWTPayload & Record<string, unknown> {
  const t = now();
  return {
    sub: 'agent-pmi-claire', name: 'Claire Dubois', role: 'PMI_NURSE', institution: 'PMI-75',
    iss: kit.issuer, aud: kit.audience, iat: t, nbf: t - 5, exp: t + 600,
  };
}

export interface SignOptions {
  claims?: Record<string, unknown>;
  omit?: string[];
  alg?: string;
  kid?: string;
  key?: KeyLike | Uint8Array;
}

/** Signs the good claims with changes: other claims, claims left out, another key/alg/kid. */
export async function sign(kit: TokenKit, options: SignOptions = {}): Promise<string> {
  const payload: Record<string, unknown> = { ...goodClaims(kit), ...options.claims };
  for (const claim of options.omit ?? []) delete payload[claim];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? kit.trusted.kid, typ: 'JWT' })
    .sign(options.key ?? kit.trusted.privateKey);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function hmacWithPublicKeyBytes(kit: TokenKit, bytes: 'jwk' | 'pem'): Promise<string> {
  const secret = bytes === 'jwk'
    ? JSON.stringify({ ...(await exportJWK(kit.trusted.publicKey)), kid: kit.trusted.kid })
    : await exportSPKI(kit.trusted.publicKey);
  return sign(kit, { alg: 'HS256', key: new TextEncoder().encode(secret) });
}

async function tampered(kit: TokenKit): Promise<string> {
  const [header, , signature] = (await sign(kit)).split('.');
  const [, otherPayload] = (await sign(kit, { claims: { role: 'ASE_MANAGER', institution: 'ASE-75' } })).split('.');
  return [header, otherPayload, signature].join('.');
}

export interface ForgedCase {
  name: string;
  /** The whole `Authorization` header to send (undefined: none). */
  authorization: (kit: TokenKit) => Promise<string | undefined>;
  /** The AuthenticationError reason the verifier gives. */
  reason: string;
}

const bearer = (token: Promise<string>) => token.then((value) => `Bearer ${value}`);
const unsigned = (kit: TokenKit, signature: string) => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(goodClaims(kit))}.${signature}`;

export const FORGED_CASES: ForgedCase[] = [
  { name: 'no Authorization header', authorization: async () => undefined, reason: 'missing' },
  { name: 'empty Authorization header', authorization: async () => '', reason: 'missing' },
  { name: 'not a Bearer scheme', authorization: async () => `Basic ${Buffer.from('claire:secret').toString('base64')}`, reason: 'malformed' },
  { name: 'Bearer without a token', authorization: async () => 'Bearer ', reason: 'malformed' },
  { name: 'garbage token', authorization: async () => 'Bearer not-a-jwt', reason: 'malformed' },
  { name: 'two-part token', authorization: async (kit) => `Bearer ${(await sign(kit)).split('.').slice(0, 2).join('.')}`, reason: 'malformed' },
  { name: 'three parts that are not JSON', authorization: async () => 'Bearer aaaa.bbbb.cccc', reason: 'ERR_JWS_INVALID' },
  { name: 'alg none, empty signature', authorization: async (kit) => unsigned(kit, ''), reason: 'malformed' },
  { name: 'alg none, dummy signature', authorization: async (kit) => unsigned(kit, 'AAAA'), reason: 'ERR_JOSE_ALG_NOT_ALLOWED' },
  { name: 'HS256 keyed with the public JWK (HS/RS confusion)', authorization: (kit) => bearer(hmacWithPublicKeyBytes(kit, 'jwk')), reason: 'ERR_JOSE_ALG_NOT_ALLOWED' },
  { name: 'HS256 keyed with the public PEM (HS/RS confusion)', authorization: (kit) => bearer(hmacWithPublicKeyBytes(kit, 'pem')), reason: 'ERR_JOSE_ALG_NOT_ALLOWED' },
  { name: 'signed by another EC key under the trusted kid', authorization: (kit) => bearer(sign(kit, { key: kit.stranger })), reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
  { name: 'kid of a key absent from the set', authorization: (kit) => bearer(sign(kit, { key: kit.stranger, kid: 'elsewhere-2026' })), reason: 'ERR_JWKS_NO_MATCHING_KEY' },
  { name: 'RS256 when only ES256 is allowed', authorization: (kit) => bearer(sign(kit, { alg: 'RS256', key: kit.rsa.privateKey, kid: kit.rsaKid })), reason: 'ERR_JOSE_ALG_NOT_ALLOWED' },
  { name: 'payload swapped under another signature', authorization: (kit) => bearer(tampered(kit)), reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
  { name: 'expired beyond the tolerance', authorization: (kit) => bearer(sign(kit, { claims: { iat: now() - 700, exp: now() - 120 } })), reason: 'ERR_JWT_EXPIRED' },
  { name: 'nbf in the future beyond the tolerance', authorization: (kit) => bearer(sign(kit, { claims: { nbf: now() + 120 } })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'wrong issuer', authorization: (kit) => bearer(sign(kit, { claims: { iss: 'https://evil.example/issuer' } })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'wrong audience', authorization: (kit) => bearer(sign(kit, { claims: { aud: 'another-service' } })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'no issuer', authorization: (kit) => bearer(sign(kit, { omit: ['iss'] })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'no audience', authorization: (kit) => bearer(sign(kit, { omit: ['aud'] })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'no sub', authorization: (kit) => bearer(sign(kit, { omit: ['sub'] })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'no exp', authorization: (kit) => bearer(sign(kit, { omit: ['exp'] })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'no iat', authorization: (kit) => bearer(sign(kit, { omit: ['iat'] })), reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  { name: 'sub not an agent id', authorization: (kit) => bearer(sign(kit, { claims: { sub: 'claire dubois <script>' } })), reason: 'claim:sub' },
  { name: 'no name', authorization: (kit) => bearer(sign(kit, { omit: ['name'] })), reason: 'claim:name' },
  { name: 'name over 200 characters', authorization: (kit) => bearer(sign(kit, { claims: { name: 'x'.repeat(201) } })), reason: 'claim:name' },
  { name: 'unknown role', authorization: (kit) => bearer(sign(kit, { claims: { role: 'SUPERUSER' } })), reason: 'claim:role' },
  { name: 'no role', authorization: (kit) => bearer(sign(kit, { omit: ['role'] })), reason: 'claim:role' },
  { name: 'institution not matching the pattern', authorization: (kit) => bearer(sign(kit, { claims: { institution: 'pmi 75' } })), reason: 'claim:institution' },
  { name: 'no institution', authorization: (kit) => bearer(sign(kit, { omit: ['institution'] })), reason: 'claim:institution' },
  // Relationships are read off the institution: a role in another kind of institution is refused.
  { name: 'an ASE head in a PMI institution', authorization: (kit) => bearer(sign(kit, { claims: { role: 'ASE_MANAGER', institution: 'PMI-75' } })), reason: 'claim:institution' },
  { name: 'a CRIP evaluator in a relais', authorization: (kit) => bearer(sign(kit, { claims: { role: 'CRIP_EVALUATOR', institution: 'RPE-75-11' } })), reason: 'claim:institution' },
  { name: 'a nurse in an ASE', authorization: (kit) => bearer(sign(kit, { claims: { role: 'PMI_NURSE', institution: 'ASE-75' } })), reason: 'claim:institution' },
  { name: 'a judge in an ASE', authorization: (kit) => bearer(sign(kit, { claims: { role: 'JUDGE', institution: 'ASE-75' } })), reason: 'claim:institution' },
  { name: 'header over 8,192 characters (validly signed)', authorization: (kit) => bearer(sign(kit, { claims: { padding: 'p'.repeat(8_200) } })), reason: 'oversized' },
];
