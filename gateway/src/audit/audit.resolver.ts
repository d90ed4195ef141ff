import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import { Role, Source } from '../../../common/src/domain.js';
import { forbidden, sourceUnavailable } from '../errors.js';
import type { CareRelationshipsLoader, ChildRelationship } from '../facts/care-relationships.loader.js';
import { aseVouches, isAseKind, requireAseRecord } from '../facts/require-relationship.js';
import { mayCall } from '../policy/operation-roles.js';
import { AuditConnection, type AuditEdge } from './audit-connection.type.js';
import { AuditIntegrity } from './audit-integrity.type.js';
import { AuditEntry } from './audit-entry.entity.js';
import { type AuditFilter, type AuditLog, pageSize } from './audit-log.js';
import { decodeCursor, encodeCursor } from './audit-cursor.js';

/** What this resolver needs of the hub's context (HubContext satisfies it). */
export interface AuditContext {
  audit: AuditLog;
  agent: { role: Role };
  relationships: CareRelationshipsLoader;
}

/** Refuses a role the operation table does not allow; the hub also checks before planning. */
function requireRole(context: AuditContext, operation: 'auditTrail' | 'auditIntegrity'): void {
  if (!mayCall(context.agent.role, operation)) throw forbidden(operation);
}

@Resolver()
export class AuditResolver {
  /** Audit entries matching every given filter, newest first (DPO, ASE_MANAGER). */
  @Query(() => AuditConnection, { description: 'Audit entries matching every given filter, newest first; `from` and `to` are inclusive' })
  async auditTrail(
    @Arg('childId', () => ID, { nullable: true }) childId: string | null | undefined,
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null | undefined,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from: Date | null | undefined,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to: Date | null | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() context: AuditContext,
  ): Promise<AuditConnection> {
    requireRole(context, 'auditTrail');
    const filter = { childId: childId ?? undefined, agentId: agentId ?? undefined, from: from ?? undefined, to: to ?? undefined };
    if (context.agent.role !== Role.ASE_MANAGER) return context.audit.page(filter, first, after);
    // The ASE head reads who looked at the children of her département, and learns of no
    // other child: a child her ASE does not relate to is NOT_FOUND, as for `child(id:)`;
    // without a child, only the entries naming one of hers are listed (the database filters
    // them: no entry of another child is read, nor told by a cursor); and every entry names
    // only the children she has a relationship with. Like the consents, the trail is the
    // ASE's casework: a child she knows only from a relais's concern is not hers here (the
    // trail would name who looked at it in every institution, and who reported on it). A
    // relationship the ASE cannot establish withholds the trail (SOURCE_UNAVAILABLE), never
    // a part of it.
    if (childId) {
      await requireAseRecord(context, childId);
      const page = await context.audit.page(filter, first, after);
      const others = [...new Set(page.edges.flatMap((edge) => edge.node.childIds))].filter((id) => id !== childId);
      const relationships = others.length > 0 ? await context.relationships.forChildren(others) : new Map<string, ChildRelationship>();
      const unknown = [...relationships.values()].find((relationship) => !aseVouches(relationship) && relationship.unavailable.includes(Source.ASE));
      if (unknown) throw sourceUnavailable(Source.ASE);
      return { ...page, edges: narrowEdges(page.edges, (id) => id === childId || aseVouches(relationships.get(id))) };
    }
    const all = await context.relationships.all();
    if (all.unavailable.includes(Source.ASE)) throw sourceUnavailable(all.unavailable.join(', '));
    const mine = [...all.byChild].filter(([, kinds]) => kinds.some(isAseKind)).map(([id]) => id);
    const page = await pageInWindows(context.audit, { ...filter, anyChildOf: mine }, first, after);
    const related = new Set(mine);
    return { ...page, edges: narrowEdges(page.edges, (id) => related.has(id)) };
  }

  /** Verifies the whole audit chain and names the first entry that does not match (DPO). */
  @Query(() => AuditIntegrity, { description: 'Verifies the whole audit chain and names the first entry that does not match' })
  async auditIntegrity(@Ctx() context: AuditContext): Promise<AuditIntegrity> {
    requireRole(context, 'auditIntegrity');
    const { ok, checkedEntries, firstBrokenEntryId } = await context.audit.verify();
    return { ok, checkedEntries, firstBrokenEntryId };
  }
}

/** The edges, each entry naming only the children `related` accepts (none dropped). */
function narrowEdges(edges: readonly AuditEdge[], related: (childId: string) => boolean): AuditEdge[] {
  return edges.map((edge) => ({ ...edge, node: Object.assign(new AuditEntry(), edge.node, { childIds: edge.node.childIds.filter(related) }) }));
}

/** Positions of the log read per statement, and statements per call, for the ASE head's trail. */
const WINDOW = 1_000n;
const WINDOWS_PER_CALL = 5;

/**
 * The ASE head's entries without a child, newest first. Her children can number thousands:
 * matched against every entry of the log, they made one statement run past its timeout. So
 * the log is read in windows of 1,000 positions (an index range), at most five per call.
 * When a call stops at a window's edge, `endCursor` is that edge: a position worked out
 * from her own cursor, which tells nothing of the entries of other children.
 */
async function pageInWindows(audit: AuditLog, filter: AuditFilter, first: number | null | undefined, after: string | null | undefined): Promise<AuditConnection> {
  const limit = pageSize(first);
  let below: bigint;
  if (after !== undefined && after !== null) below = BigInt(decodeCursor(after, 'after'));
  else below = BigInt((await audit.head())?.seq ?? '0') + 1n;
  const kept: AuditEdge[] = [];
  for (let window = 0; window < WINDOWS_PER_CALL && below > 1n; window += 1) {
    const from = below > WINDOW ? below - WINDOW : 1n;
    const page = await audit.page({ ...filter, seqFrom: String(from) }, limit - kept.length, encodeCursor(String(below)));
    kept.push(...page.edges);
    if (page.pageInfo.hasNextPage) return { edges: kept, pageInfo: { hasNextPage: true, endCursor: kept[kept.length - 1].cursor } };
    below = from;
    if (kept.length === limit) break;
  }
  return { edges: kept, pageInfo: { hasNextPage: below > 1n, endCursor: below > 1n ? encodeCursor(String(below)) : (kept[kept.length - 1]?.cursor ?? null) } };
}
