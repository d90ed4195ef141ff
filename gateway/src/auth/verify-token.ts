import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, exportJWK, type JSONWebKeySet, jwtVerify } from 'jose';
import { Role } from '../../../common/src/domain.js';
import { developmentKeyThumbprints, type HubConfig } from '../config.js';
import { BoundedCache } from '../plugins/bounded-cache.js';
import { jwkThumbprint } from './jwk-thumbprint.js';
import type { Agent } from './agent.js';

/** Longest `Authorization` header accepted: real access tokens are far shorter. */
export const MAX_AUTHORIZATION_LENGTH = 8_192;
/** An access token issued longer ago than this is refused, whatever its `exp` says. */
export const MAX_TOKEN_AGE = '12h';
const MAX_TOKEN_AGE_MS = 12 * 3_600_000;
const AGENT_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
const INSTITUTION = /^[A-Z]{2,10}(-[A-Z0-9]{1,10}){1,3}$/;
/**
 * The kind of institution each role works in, as its code begins (`ASE-75`, `RPE-75-11`):
 * relationships are read off the institution (an ASE head's département, a PMI doctor's
 * service), so a role claimed in another kind of institution is refused. The DPO, who sees
 * no child data, may sit in any.
 */
const INSTITUTION_KIND: Readonly<Partial<Record<Role, string>>> = {
  [Role.PMI_NURSE]: 'PMI',
  [Role.PMI_DOCTOR]: 'PMI',
  [Role.RPE_COORDINATOR]: 'RPE',
  [Role.ASE_REFERENT]: 'ASE',
  [Role.ASE_MANAGER]: 'ASE',
  [Role.CRIP_EVALUATOR]: 'ASE',
  [Role.JUDGE]: 'TJ',
};

export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super('Authentication required');
    this.name = 'AuthenticationError';
  }
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Agent>;

/** How long a verified token is taken as verified without checking its signature again. */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKEN_CACHE_SIZE = 2_000;

/**
 * Verifies bearer access tokens: signature against the configured key set, an explicit
 * algorithm allow-list (so `none` and HS/RS confusion fail), `exp`, `nbf`, `iss`, `aud`,
 * then the claims the hub relies on. Any failure is an AuthenticationError; its reason is
 * for the log, the client only ever sees UNAUTHENTICATED.
 */
export function createTokenVerifier(jwt: HubConfig['jwt'], options: { refuseDevelopmentKeys?: boolean } = {}): TokenVerifier {
  // In production a key set fetched from a URL must not serve the repository's development key.
  const refused = options.refuseDevelopmentKeys ? developmentKeyThumbprints() : new Set<string>();
  // jose keeps a fetched key set for 10 minutes by default, so a key the identity provider
  // withdrew kept verifying tokens (new ones too) for up to 11 minutes. It is fetched again
  // once it is a minute old, as the remembered tokens below are checked again after a minute.
  const keySet = jwt.jwksUrl
    ? createRemoteJWKSet(new URL(jwt.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: VERIFIED_TOKEN_TTL_MS })
    : createLocalJWKSet(JSON.parse(readFileSync(jwt.jwksFile as string, 'utf8')) as JSONWebKeySet);

  // A signature check costs more than the rest of a small request: a token already verified
  // is trusted again, byte for byte the same, until the earliest of its `exp`, its maximum
  // age and one minute (so a key withdrawn from the key set stops working within a minute).
  const verified = new BoundedCache<string, { agent: Agent; until: number }>(VERIFIED_TOKEN_CACHE_SIZE);

  return async (authorization) => {
    if (!authorization) throw new AuthenticationError('missing');
    if (authorization.length > MAX_AUTHORIZATION_LENGTH) throw new AuthenticationError('oversized');
    // The scheme name is case-insensitive (RFC 7235); the token itself is three base64url parts.
    const match = /^[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
    if (!match) throw new AuthenticationError('malformed');
    const known = verified.get(match[1]);
    if (known && Date.now() < known.until) return known.agent;
    const agent = await verify(match[1]);
    verified.set(match[1], agent);
    return agent.agent;
  };

  async function verify(token: string): Promise<{ agent: Agent; until: number }> {
    let payload: Record<string, unknown>;
    try {
      const result = await jwtVerify(token, keySet, {
        issuer: jwt.issuer,
        audience: jwt.audience,
        algorithms: [...jwt.algorithms],
        clockTolerance: jwt.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: MAX_TOKEN_AGE,
      });
      payload = result.payload;
      if (refused.size > 0 && refused.has(jwkThumbprint(await exportJWK(result.key)) ?? '')) {
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
    const kind = INSTITUTION_KIND[role as Role];
    if (kind !== undefined && institution.split('-')[0] !== kind) throw new AuthenticationError('claim:institution');
    const { exp, iat } = payload as { exp: number; iat: number };
    const until = Math.min(exp * 1_000, iat * 1_000 + MAX_TOKEN_AGE_MS, Date.now() + VERIFIED_TOKEN_TTL_MS);
    return { agent: { id: sub, name, role: role as Role, institution }, until };
  }
}
