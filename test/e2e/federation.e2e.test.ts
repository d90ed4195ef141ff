import { randomBytes } from 'node:crypto';
import { dropDatabase } from '../../common/src/db/databases';
import { freePort } from '../../common/src/net';
import { prepareDatabases, SERVICE_NAMES } from '../../scripts/lib/databases';
import { type RunningFederation, startFederation } from '../../scripts/lib/federation';
import { testServerUrl } from '../support/databases';
import { hubPost } from '../support/hub-client';
import { TEST_HUB_SECRET } from '../support/start-test-subgraph';

// The whole federation as a user runs it: five processes, real HTTP, real PostgreSQL.
let federation: RunningFederation;
const prefix = `p${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  const databases = await prepareDatabases(testServerUrl(), prefix, true);
  federation = await startFederation({
    databases,
    ports: { hub: await freePort(), ase: await freePort(), pmi: await freePort(), rpe: await freePort(), justice: await freePort() },
    hubSecret: TEST_HUB_SECRET,
    appMode: 'test',
    output: 'ignore',
    logLevel: 'warn',
    startTimeoutMs: 60_000,
  });
}, 90_000);

afterAll(async () => {
  await federation?.stop();
  for (const name of SERVICE_NAMES) await dropDatabase(testServerUrl(), `${prefix}_${name}`);
});

const LEA = `query Lea {
  child(id: "child-lea") {
    id firstName lastName birthDate
    protectionStatus { level since referent { name institution phone email } }
    pmiFollowUp { since status nurse { name } }
    childcare { startDate schedule childminder { name agrementNumber } }
    courtDecisions { kind court decidedAt effectiveUntil }
  }
}`;

describe('the federation, five processes', () => {
  it('answers for child-lea with fields from all four institutions (as her référent)', async () => {
    const response = await hubPost(federation.hubUrl, 'agent-ase-julien', LEA);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        child: {
          id: 'child-lea',
          firstName: 'Léa',
          lastName: 'Martin',
          birthDate: '2023-04-12',
          protectionStatus: {
            level: 'JUDICIAL_MEASURE',
            since: '2025-09-01',
            referent: { name: 'Julien Moreau', institution: 'ASE-75', phone: expect.any(String), email: expect.stringMatching(/@ase75\.example$/) },
          },
          pmiFollowUp: { since: '2023-04-20', status: 'ACTIVE', nurse: { name: 'Claire Dubois' } },
          childcare: [{ startDate: '2024-09-02', schedule: expect.any(String), childminder: { name: 'Sophie Bernard', agrementNumber: 'AGR-75-2019-0412' } }],
          courtDecisions: [{ kind: 'AEMO_JUDGMENT', court: 'TJ-PARIS', decidedAt: '2025-09-01', effectiveUntil: '2026-08-31' }],
        },
      },
    });
  });

  it('refuses a request without a token with HTTP 401', async () => {
    const response = await hubPost(federation.hubUrl, null, '{ me { id } }');
    expect(response).toEqual({ status: 401, body: { errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }] } });
  });

  it('keeps every subgraph closed to anyone but the hub', async () => {
    for (const url of Object.values(federation.subgraphUrls)) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
      expect(response.status).toBe(401);
    }
  });
});
