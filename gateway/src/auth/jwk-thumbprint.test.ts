import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { DEV_JWKS_FILE, developmentKeyThumbprints } from '../config';
import { jwkThumbprint } from './jwk-thumbprint';

describe('jwkThumbprint', () => {
  it('matches the example of RFC 7638 §3.1', () => {
    const rfcKey = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(jwkThumbprint(rfcKey)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('agrees with jose for the development key', async () => {
    const [key] = (JSON.parse(readFileSync(DEV_JWKS_FILE, 'utf8')) as { keys: JWK[] }).keys;
    expect(jwkThumbprint(key)).toBe(await calculateJwkThumbprint(key));
    expect([...developmentKeyThumbprints()]).toEqual([await calculateJwkThumbprint(key)]);
  });

  it.each([[{}], [{ kty: 'EC', crv: 'P-256', x: 'a' }], [{ kty: 'XYZ' }]])('returns null for an incomplete or unknown key %j', (key) => {
    expect(jwkThumbprint(key)).toBeNull();
  });
});
