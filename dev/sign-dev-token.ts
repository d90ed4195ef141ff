import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importJWK, type JWK, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../gateway/src/config.js';
import type { Agent } from '../gateway/src/auth/agent.js';

const PRIVATE_KEY_FILE = path.resolve(__dirname, 'keys/dev-private.jwk.json');

/** Signs an access token for an agent with the development key (valid `ttlSeconds`). */
export async function signDevToken(agent: Agent, ttlSeconds = 3600): Promise<string> {
  const jwk = JSON.parse(readFileSync(PRIVATE_KEY_FILE, 'utf8')) as JWK & { kid: string };
  const key = await importJWK(jwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: agent.name, role: agent.role, institution: agent.institution })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
    .setSubject(agent.id)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}
