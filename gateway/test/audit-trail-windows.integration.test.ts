import { graphql, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createDataSource, openAndMigrate } from '../../common/src/db/data-source';
import { DataCategory, Role } from '../../common/src/domain';
import { buildFederatedSchema } from '../../common/src/federation/build-federated-schema';
import { createTestDatabase, ensureRuntimeRole } from '../../test/support/databases';
import { AuditLog1732300003000 } from '../migrations/1732300003000-audit-log';
import { InitHubDirectory1732300001000 } from '../migrations/1732300001000-init-hub-directory';
import { HubRuntimeRoleConsentNotifications1732300002000 } from '../migrations/1732300002000-hub-runtime-role-consent-notifications';
import { decodeCursor } from '../src/audit/audit-cursor';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { AuditLog } from '../src/audit/audit-log';
import { type AuditContext, AuditResolver } from '../src/audit/audit.resolver';
import { ReleaseRecorder } from '../src/audit/release-recorder';

/**
 * The ASE head's trail without a child, over a log of 6,000 entries: read in windows of
 * 1,000 positions, five per call, on a real database. Her entries are every 1,300th.
 */
const KEY = 'integration-test-audit-chain-key-0123456789';
const TOTAL = 6_000;
const EVERY = 1_300;
const TRAIL = `query Trail($first: Int, $after: String, $agentId: ID) {
  auditTrail(first: $first, after: $after, agentId: $agentId) { edges { cursor node { id agentId childIds } } pageInfo { hasNextPage endCursor } } }`;

type Page = { edges: Array<{ cursor: string; node: { id: string; agentId: string; childIds: string[] } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;
let schema: GraphQLSchema;
let contextValue: AuditContext;

beforeAll(async () => {
  database = await createTestDatabase('auditwindows');
  await ensureRuntimeRole(database.url);
  dataSource = await openAndMigrate(
    createDataSource({ url: database.url, applicationName: 'cp-audit-windows', entities: [AuditEntry], migrations: [InitHubDirectory1732300001000, HubRuntimeRoleConsentNotifications1732300002000, AuditLog1732300003000], poolSize: 3 }),
  );
  const recorder = new ReleaseRecorder(dataSource, KEY);
  // Written in order, 100 per statement: position n is the n-th entry.
  for (let start = 1; start <= TOTAL; start += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, offset) => {
        const n = start + offset;
        return recorder.record({
          audit: {
            agentId: n === 100 ? 'agent-rare' : 'agent-a', role: Role.PMI_NURSE, institution: 'PMI-75', operationName: `Read${n}`, operationHash: 'c'.repeat(64),
            childIds: n % EVERY === 0 || n === 100 ? ['child-mine', 'child-other'] : ['child-other'], released: [DataCategory.IDENTITY], withheld: [],
          },
          notifications: [],
        });
      }),
    );
  }
  schema = await buildFederatedSchema<AuditContext>({ resolvers: [AuditResolver], references: {} });
  const relationships = { all: async () => ({ byChild: new Map([['child-mine', ['ase:REFERENT']]]), unavailable: [] }) } as unknown as AuditContext['relationships'];
  contextValue = { audit: new AuditLog(dataSource, KEY), agent: { role: Role.ASE_MANAGER }, relationships };
}, 120_000);

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

async function trail(variables: Record<string, unknown>): Promise<Page> {
  const result = await graphql({ schema, source: TRAIL, variableValues: variables, contextValue });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return (result.data as { auditTrail: Page }).auditTrail;
}

const operationOf = async (id: string) => ((await dataSource.query('SELECT operation_name FROM audit_entry WHERE id = $1', [id])) as Array<{ operation_name: string }>)[0].operation_name;

describe('the ASE head’s trail without a child, over 6,000 entries', () => {
  it('lists every entry of hers, newest first, page after page, each naming only her child', async () => {
    const seen: string[] = [];
    const pages: number[] = [];
    let after: string | null = null;
    for (let call = 0; call < 20; call++) {
      const page: Page = await trail({ first: 2, after });
      pages.push(page.edges.length);
      for (const edge of page.edges) {
        expect(edge.node.childIds).toEqual(['child-mine']);
        seen.push(await operationOf(edge.node.id));
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Read5200', 'Read3900', 'Read2600', 'Read1300', 'Read100']);
    // Two per call while they fit within five windows; the last call ends the log.
    expect(pages).toEqual([2, 2, 1]);
  });

  it('stops after five windows without a match, at a window’s edge, and goes on from there', async () => {
    const first = await trail({ agentId: 'agent-rare' });
    // Nothing in positions 1,001–6,000; the cursor is that edge, not another entry's position.
    expect(first.edges).toEqual([]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(first.pageInfo.endCursor ?? '')).toBe('1001');
    const next = await trail({ agentId: 'agent-rare', after: first.pageInfo.endCursor });
    expect(await Promise.all(next.edges.map((edge) => operationOf(edge.node.id)))).toEqual(['Read100']);
    expect(next.pageInfo).toEqual({ hasNextPage: false, endCursor: next.edges[0].cursor });
  });
});
