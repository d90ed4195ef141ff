import { graphql, type GraphQLSchema, printType } from 'graphql';
import { DataSource } from 'typeorm';
import { buildFederatedSchema } from '../../common/src/federation/build-federated-schema';
import { DataCategory, Role } from '../../common/src/domain';
import type { ChainVerification } from '../src/audit/audit-chain';
import type { AuditConnection } from '../src/audit/audit-connection.type';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { type AuditFilter, AuditLog } from '../src/audit/audit-log';
import { type AuditContext, AuditResolver } from '../src/audit/audit.resolver';

/** Answers from memory and records what the resolver asked. */
class FakeAuditLog extends AuditLog {
  calls: unknown[] = [];

  constructor() {
    super(new DataSource({ type: 'postgres' }), 'unused-key');
  }

  override async page(filter: AuditFilter, first?: number | null, after?: string | null): Promise<AuditConnection> {
    this.calls.push({ filter, first, after });
    const node = Object.assign(new AuditEntry(), {
      seq: '7', id: 'entry-7', at: new Date('2025-09-01T08:00:00.000Z'), agentId: 'agent-a', role: Role.PMI_NURSE, institution: 'PMI-75',
      operationName: null, operationHash: 'a'.repeat(64), childIds: ['child-1'], released: [DataCategory.IDENTITY],
      withheldReasons: [{ category: DataCategory.PROTECTION_DETAILS, reason: 'CONSENT_REQUIRED', count: 1 }, { category: DataCategory.CONCERN, reason: 'FORBIDDEN_CATEGORY', count: 2 }],
      prevHash: '0'.repeat(64), hash: 'b'.repeat(64),
    });
    return { edges: [{ cursor: 'Nw', node }], pageInfo: { hasNextPage: false, endCursor: 'Nw' } };
  }

  override async verify(): Promise<ChainVerification> {
    return { ok: false, checkedEntries: 12, firstBrokenEntryId: 'entry-12', tailMissing: false };
  }
}

const TRAIL = `query Trail($childId: ID, $from: DateTime, $after: String) {
  auditTrail(childId: $childId, from: $from, first: 500, after: $after) {
    edges { cursor node { id at agentId role institution operationName operationHash childIds released withheld withheldReasons { category reason count } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const INTEGRITY = '{ auditIntegrity { ok checkedEntries firstBrokenEntryId } }';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFederatedSchema<AuditContext>({ resolvers: [AuditResolver], references: {} });
});

async function run(source: string, role: Role, variableValues: Record<string, unknown> = {}) {
  const audit = new FakeAuditLog();
  // No relationship is looked up in these cases (the ASE head's are in policy-audit.e2e).
  const relationships = new Proxy({}, { get: () => () => Promise.reject(new Error('no relationship lookup expected')) }) as AuditContext['relationships'];
  const contextValue: AuditContext = { audit, agent: { role }, relationships };
  const result = await graphql({ schema, source, variableValues, contextValue });
  return { result: JSON.parse(JSON.stringify(result)) as unknown, calls: audit.calls };
}

describe('AuditResolver', () => {
  it('prints the public contract’s types', () => {
    expect(['AuditConnection', 'AuditEdge', 'PageInfo', 'AuditEntry', 'AuditWithheld', 'AuditIntegrity'].map((name) => {
      const type = schema.getType(name);
      return type ? printType(type) : `missing ${name}`;
    })).toEqual([
      'type AuditConnection {\n  edges: [AuditEdge!]!\n  pageInfo: PageInfo!\n}',
      'type AuditEdge {\n  cursor: String!\n  node: AuditEntry!\n}',
      'type PageInfo {\n  hasNextPage: Boolean!\n  endCursor: String\n}',
      'type AuditEntry {\n  id: ID!\n  at: DateTime!\n  agentId: ID!\n  role: Role!\n  institution: String!\n  operationName: String\n  operationHash: String!\n' +
        '  childIds: [ID!]!\n  released: [DataCategory!]!\n  withheldReasons: [AuditWithheld!]!\n  withheld: [DataCategory!]!\n}',
      'type AuditWithheld {\n  category: DataCategory!\n  reason: String!\n  count: Int!\n}',
      'type AuditIntegrity {\n  ok: Boolean!\n  checkedEntries: Int!\n  firstBrokenEntryId: ID\n}',
    ]);
  });

  it('gives the DPO a page of the trail, passing the filters through', async () => {
    expect(await run(TRAIL, Role.DPO, { childId: 'child-1', from: '2025-09-01T10:00:00+02:00', after: 'OA' })).toEqual({
      result: { data: { auditTrail: {
        edges: [{ cursor: 'Nw', node: {
          id: 'entry-7', at: '2025-09-01T08:00:00.000Z', agentId: 'agent-a', role: 'PMI_NURSE', institution: 'PMI-75', operationName: null,
          operationHash: 'a'.repeat(64), childIds: ['child-1'], released: ['IDENTITY'], withheld: ['CONCERN', 'PROTECTION_DETAILS'],
          withheldReasons: [{ category: 'PROTECTION_DETAILS', reason: 'CONSENT_REQUIRED', count: 1 }, { category: 'CONCERN', reason: 'FORBIDDEN_CATEGORY', count: 2 }],
        } }],
        pageInfo: { hasNextPage: false, endCursor: 'Nw' },
      } } },
      calls: [{ filter: { childId: 'child-1', from: new Date('2025-09-01T08:00:00.000Z') }, first: 500, after: 'OA' }],
    });
  });

  it('lets the DPO read the whole trail', async () => {
    const { result } = await run('{ auditTrail { pageInfo { hasNextPage } } }', Role.DPO);
    expect(result).toEqual({ data: { auditTrail: { pageInfo: { hasNextPage: false } } } });
  });

  it.each([Role.PMI_NURSE, Role.PMI_DOCTOR, Role.RPE_COORDINATOR, Role.ASE_REFERENT, Role.CRIP_EVALUATOR, Role.JUDGE])('refuses the trail to %s (FORBIDDEN)', async (role) => {
    const { result, calls } = await run('{ auditTrail { pageInfo { hasNextPage } } }', role);
    expect(result).toEqual({ data: null, errors: [{ message: 'Your role may not call auditTrail', path: ['auditTrail'], locations: [{ line: 1, column: 3 }], extensions: { code: 'FORBIDDEN' } }] });
    expect(calls).toEqual([]);
  });

  it('gives the DPO the integrity of the chain', async () => {
    expect((await run(INTEGRITY, Role.DPO)).result).toEqual({ data: { auditIntegrity: { ok: false, checkedEntries: 12, firstBrokenEntryId: 'entry-12' } } });
  });

  it.each([Role.ASE_MANAGER, Role.JUDGE])('refuses the integrity check to %s (FORBIDDEN)', async (role) => {
    expect((await run(INTEGRITY, role)).result).toEqual({
      data: null,
      errors: [{ message: 'Your role may not call auditIntegrity', path: ['auditIntegrity'], locations: [{ line: 1, column: 3 }], extensions: { code: 'FORBIDDEN' } }],
    });
  });
});
