import { createHash } from 'node:crypto';

/** The members RFC 7638 hashes for each key type, in lexicographic order. */
const REQUIRED: Record<string, readonly string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  OKP: ['crv', 'kty', 'x'],
  oct: ['k', 'kty'],
};

/** RFC 7638 thumbprint (SHA-256, base64url) of a public JWK; null for an unknown key type. */
export function jwkThumbprint(jwk: object): string | null {
  const fields = new Map(Object.entries(jwk));
  const kty = fields.get('kty');
  const members = typeof kty === 'string' ? REQUIRED[kty] : undefined;
  if (!members || members.some((member) => typeof fields.get(member) !== 'string')) return null;
  const canonical = `{${members.map((member) => `"${member}":${JSON.stringify(fields.get(member))}`).join(',')}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}
