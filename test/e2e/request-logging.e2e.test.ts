import { REQUEST_ID_HEADER } from '../../common/src/hub-signature';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { tokenFor } from '../support/tokens';

let federation: TestFederation;
const lines: string[] = [];
const realWrite = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  federation = await startTestFederation({ LOG_LEVEL: 'info', AUDIT_ANCHOR_INTERVAL_MS: '200' }, { subgraphLogLevel: 'info' });
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
}, 60_000);
afterAll(async () => {
  process.stdout.write = realWrite;
  await federation?.stop();
});

const PERSONAL = ['Léa', 'Martin', 'Julien Moreau', '01 00 00 00', 'ase75.example', 'Lilas', 'Sophie Bernard', 'AEMO'];

describe('structured request logs', () => {
  it('write one JSON line per request in the hub and in each subgraph called, under the same request id, without personal data', async () => {
    const requestId = 'test-request-0001';
    const response = await fetch(federation.hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('agent-ase-julien')}`, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ query: 'query LeaFile { child(id: "child-lea") { firstName protectionStatus { level } courtDecisions { content } pmiFollowUp { since } childcare { startDate } } }', operationName: 'LeaFile' }),
    });
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe(requestId);
    expect(((await response.json()) as { data: { child: { firstName: string } } }).data.child.firstName).toBe('Léa');

    const entries = lines.flatMap((line) => line.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    const mine = entries.filter((entry) => entry.requestId === requestId && entry.event === 'request');
    const hub = mine.filter((entry) => entry.service === 'hub');
    expect(hub).toEqual([
      expect.objectContaining({ level: 'info', agentId: 'agent-ase-julien', role: 'ASE_REFERENT', operationName: 'LeaFile', durationMs: expect.any(Number), status: 200, outcome: 'ok' }),
    ]);
    // The hub asked ASE for the relationship and each institution for its part of the file.
    expect(new Set(mine.map((entry) => entry.service))).toEqual(new Set(['hub', 'ase', 'pmi', 'rpe', 'justice']));
    for (const line of lines) for (const word of PERSONAL) expect({ line, contains: line.includes(word) }).toEqual({ line, contains: false });
  });

  it('never logs more than 100 characters of an operation name', async () => {
    const requestId = 'test-request-long-name';
    const name = `Long${'x'.repeat(5_000)}`;
    const response = await fetch(federation.hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('agent-pmi-claire')}`, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ query: `query ${name} { me { id } }` }),
    });
    expect(response.status).toBe(400);
    const logged = lines.flatMap((line) => line.split('\n')).filter((line) => line.includes(requestId)).map((line) => JSON.parse(line) as { operationName?: string });
    expect(logged.map((entry) => entry.operationName)).toEqual([name.slice(0, 100)]);
  });

  it('logs the audit chain’s head when it has moved: an anchor outside the database', async () => {
    const read = await fetch(federation.hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('agent-ase-julien')}` },
      body: JSON.stringify({ query: '{ child(id: "child-lea") { firstName } }' }),
    });
    expect(read.status).toBe(200);
    const [head]: Array<{ seq: string; hash: string }> = await federation.hub.dataSource.query('SELECT seq::text AS seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1');
    const anchored = () =>
      lines.flatMap((line) => line.split('\n')).filter((line) => line.includes('"audit.head"')).map((line) => JSON.parse(line) as { seq: string; hash: string });
    const deadline = Date.now() + 5_000;
    while (!anchored().some((entry) => entry.seq === head.seq) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(anchored().find((entry) => entry.seq === head.seq)).toEqual(expect.objectContaining({ seq: head.seq, hash: head.hash }));
    // Logged once per head, not once per interval.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(anchored().filter((entry) => entry.seq === head.seq)).toHaveLength(1);
  });
});
