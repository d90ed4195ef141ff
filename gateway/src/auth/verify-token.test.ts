import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { createTokenKit, FORGED_CASES, sign, type TokenKit } from '../../../test/support/forged-tokens';
import type { HubConfig } from '../config';
import { AuthenticationError, createTokenVerifier, type TokenVerifier } from './verify-token';

const ISSUER = 'https://issuer.test/realm';
const AUDIENCE = 'child-protection-hub-test';
const CLAIRE = { id: 'agent-pmi-claire', name: 'Claire Dubois', role: 'PMI_NURSE', institution: 'PMI-75' };

let dir: string;
let kit: TokenKit;
let jwksFile: string;
let verify: TokenVerifier;

function verifierFor(algorithms: HubConfig['jwt']['algorithms']): TokenVerifier {
  return createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, algorithms, jwksFile, jwksUrl: undefined, clockToleranceSeconds: 30 });
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toBe('Authentication required');
    return (error as AuthenticationError).reason;
  }
  throw new Error('expected an AuthenticationError, the token was accepted');
}

beforeAll(async () => {
  const trusted = await generateKeyPair('ES256');
  kit = await createTokenKit({ ...trusted, kid: 'test-es256' }, ISSUER, AUDIENCE, 'test-rs256');
  // The RSA key is in the set, so only the algorithm allow-list can refuse RS256 tokens.
  const { publicKey: rsaPublic } = await generateKeyPair('RS256');
  const keys = [
    { ...(await exportJWK(trusted.publicKey)), kid: 'test-es256', alg: 'ES256', use: 'sig' },
    { ...(await exportJWK(kit.rsa.publicKey)), kid: 'test-rs256', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(rsaPublic)), kid: 'unrelated-rs256', alg: 'RS256', use: 'sig' },
  ];
  dir = mkdtempSync(path.join(os.tmpdir(), 'cp-jwks-'));
  jwksFile = path.join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys }));
  verify = verifierFor(['ES256']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createTokenVerifier: refusals', () => {
  it.each(FORGED_CASES)('refuses $name with reason $reason', async ({ authorization, reason }) => {
    expect(await reasonOf(verify(await authorization(kit)))).toBe(reason);
  });
});

describe('createTokenVerifier: acceptance', () => {
  it('returns exactly the agent of a good token', async () => {
    await expect(verify(`Bearer ${await sign(kit)}`)).resolves.toEqual(CLAIRE);
  });

  it('drops every claim it does not rely on', async () => {
    const agent = await verify(`Bearer ${await sign(kit, { claims: { email: 'c@x.example', groups: ['admin'] } })}`);
    expect(Object.keys(agent).sort()).toEqual(['id', 'institution', 'name', 'role']);
  });

  const t = () => Math.floor(Date.now() / 1000);
  it.each([
    { name: 'expired within the 30 s tolerance', claims: () => ({ exp: t() - 10 }) },
    { name: 'nbf within the 30 s tolerance', claims: () => ({ nbf: t() + 10 }) },
    { name: 'a 200-character name', claims: () => ({ name: 'n'.repeat(200) }) },
    { name: 'a three-segment institution', claims: () => ({ role: 'RPE_COORDINATOR', institution: 'RPE-75-11' }) },
    { name: 'a DPO in an ASE (the DPO may sit in any institution)', claims: () => ({ role: 'DPO', institution: 'ASE-75' }) },
  ])('accepts $name', async ({ claims }) => {
    const extra: Record<string, unknown> = claims();
    const agent = await verify(`Bearer ${await sign(kit, { claims: extra })}`);
    const kept = Object.fromEntries(['name', 'role', 'institution'].filter((key) => key in extra).map((key) => [key, extra[key]]));
    expect(agent).toEqual({ ...CLAIRE, ...kept });
  });

  it('accepts RS256 once the allow-list names it (so the ES256-only refusal is the allow-list)', async () => {
    const token = await sign(kit, { alg: 'RS256', key: kit.rsa.privateKey, kid: kit.rsaKid });
    await expect(verifierFor(['ES256', 'RS256'])(`Bearer ${token}`)).resolves.toEqual(CLAIRE);
    expect(await reasonOf(verify(`Bearer ${token}`))).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });
});

describe('createTokenVerifier: verified tokens remembered', () => {
  const t = () => Math.floor(Date.now() / 1000);

  it('refuses a remembered token once its exp has passed', async () => {
    const strict = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, algorithms: ['ES256'], jwksFile, jwksUrl: undefined, clockToleranceSeconds: 0 });
    // At least 2 s before exp when the token is first verified: the two reads below must
    // land before it even on a loaded CI machine (with t() + 1 the margin could be 1 ms).
    const exp = t() + 3;
    const token = `Bearer ${await sign(kit, { claims: { exp } })}`;
    await expect(strict(token)).resolves.toEqual(CLAIRE);
    await expect(strict(token)).resolves.toEqual(CLAIRE);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    expect(await reasonOf(strict(token))).toBe('ERR_JWT_EXPIRED');
  });

  it('does not let a remembered token vouch for a tampered copy of it', async () => {
    const token = await sign(kit);
    await expect(verify(`Bearer ${token}`)).resolves.toEqual(CLAIRE);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, role: 'ASE_MANAGER' })).toString('base64url'), signature].join('.');
    expect(await reasonOf(verify(`Bearer ${tampered}`))).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });
});

describe('createTokenVerifier: a key withdrawn from a remote key set', () => {
  it('stops verifying tokens signed with it within a minute, remembered or new', async () => {
    // The identity provider's JWKS endpoint; `withdrawn` empties it.
    let withdrawn = false;
    let fetches = 0;
    const server = createServer((_request, response) => {
      fetches += 1;
      response.setHeader('content-type', 'application/json');
      response.end(withdrawn ? JSON.stringify({ keys: [] }) : readFileSync(jwksFile, 'utf8'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    const now = jest.spyOn(Date, 'now');
    try {
      const remote = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, algorithms: ['ES256'], jwksFile: undefined, jwksUrl, clockToleranceSeconds: 30 });
      const remembered = `Bearer ${await sign(kit)}`;
      const fresh = `Bearer ${await sign(kit, { claims: { jti: 'a-new-token' } })}`;
      await expect(remote(remembered)).resolves.toEqual(CLAIRE);
      expect(fetches).toBe(1);
      withdrawn = true;
      // 61 s later (the clock the caches read; the tokens' exp is an hour away).
      const later = Date.now() + 61_000;
      now.mockImplementation(() => later);
      expect(await reasonOf(remote(remembered))).toBe('ERR_JWKS_NO_MATCHING_KEY');
      expect(await reasonOf(remote(fresh))).toBe('ERR_JWKS_NO_MATCHING_KEY');
      expect(fetches).toBeGreaterThan(1);
    } finally {
      now.mockRestore();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
