import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, exportJWK, type JSONWebKeySet, jwtVerify } from 'jose';
import { Role } from '../../../common/src/domain.js';
import { developmentKeyThumbprints, type HubConfig } from '../config.js';
import { jwkThumbprint } from './jwk-thumbprint.js';
import type { Agent } from './agent.js';

/** Longest `Authorization` header accepted: real access tokens are far shorter. */
export const MAX_AUTHORIZATION_LENGTH = 8_192;
/** An access token issued longer ago than this is refused, whatever its `exp` says. */
export const MAX_TOKEN_AGE = '12h';
const AGENT_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
const INSTITUTION = /^[A-Z]{2,10}(-[A-Z0-9]{1,10}){1,3}$/;

export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super('Authentication required');
    this.name = 'AuthenticationError';
  }
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Agent>;

/**
 * Verifies bearer access tokens: signature against the configured key set, an explicit
 * algorithm allow-list (so `none` and HS/RS confusion fail), `exp`, `nbf`, `iss`, `aud`,
 * then the claims the hub relies on. Any failure is an AuthenticationError; its reason is
 * for the log, the client only ever sees UNAUTHENTICATED.
 */
export function createTokenVerifier(jwt: HubConfig['jwt'], options: { refuseDevelopmentKeys?: boolean } = {}): TokenVerifier {
  // In production a key set fetched from a URL must not serve the repository's development key.
  const refused = options.refuseDevelopmentKeys ? developmentKeyThumbprints() : new Set<string>();
  const keySet = jwt.jwksUrl
    ? createRemoteJWKSet(new URL(jwt.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 })
    : createLocalJWKSet(JSON.parse(readFileSync(jwt.jwksFile as string, 'utf8')) as JSONWebKeySet);

  return async (authorization) => {
    if (!authorization) throw new AuthenticationError('missing');
    if (authorization.length > MAX_AUTHORIZATION_LENGTH) throw new AuthenticationError('oversized');
    // The scheme name is case-insensitive (RFC 7235); the token itself is three base64url parts.
    const match = /^[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
    if (!match) throw new AuthenticationError('malformed');
    let payload: Record<string, unknown>;
    try {
      const verified = await jwtVerify(match[1], keySet, {
        issuer: jwt.issuer,
        audience: jwt.audience,
        algorithms: [...jwt.algorithms],
        clockTolerance: jwt.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: MAX_TOKEN_AGE,
      });
      payload = verified.payload;
      if (refused.size > 0 && refused.has(jwkThumbprint(await exportJWK(verified.key)) ?? '')) {
        throw new AuthenticationError('development-key');
      }
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof joseErrors.JOSEError ? error.code : 'invalid';
      throw new AuthenticationError(reason);
    }
    const { sub, name, role, institution } = payload;
    if (typeof sub !== 'string' || !AGENT_ID.test(sub)) throw new AuthenticationError('claim:sub');
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) throw new AuthenticationError('claim:name');
    if (typeof role !== 'string' || !(Object.values(Role) as string[]).includes(role)) throw new AuthenticationError('claim:role');
    if (typeof institution !== 'string' || !INSTITUTION.test(institution)) throw new AuthenticationError('claim:institution');
    return { id: sub, name, role: role as Role, institution };
  };
}
