import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import { Role } from '../../../common/src/domain.js';
import { badUserInput } from '../../../common/src/errors.js';
import { forbidden } from '../errors.js';
import type { CareRelationshipsLoader } from '../facts/care-relationships.loader.js';
import { requireRelationship } from '../facts/require-relationship.js';
import { mayCall } from '../policy/operation-roles.js';
import { AuditConnection, type AuditEdge } from './audit-connection.type.js';
import { AuditIntegrity } from './audit-integrity.type.js';
import { AuditEntry } from './audit-entry.entity.js';
import { type AuditFilter, type AuditLog, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './audit-log.js';

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
    // other child: a child she has no relationship with is NOT_FOUND, as for `child(id:)`;
    // without a child, only the entries naming one of hers are listed; and every entry names
    // only the children she has a relationship with.
    if (childId) {
      await requireRelationship(context, childId);
      const page = await context.audit.page(filter, first, after);
      return { ...page, edges: await narrowToRelated(context, page.edges, childId) };
    }
    return scanForRelated(context, filter, first, after);
  }

  /** Verifies the whole audit chain and names the first entry that does not match (DPO). */
  @Query(() => AuditIntegrity, { description: 'Verifies the whole audit chain and names the first entry that does not match' })
  async auditIntegrity(@Ctx() context: AuditContext): Promise<AuditIntegrity> {
    requireRole(context, 'auditIntegrity');
    const { ok, checkedEntries, firstBrokenEntryId } = await context.audit.verify();
    return { ok, checkedEntries, firstBrokenEntryId };
  }
}

/** At most this many entries are read per call when the ASE head gives no child. */
const MAX_SCANNED = 1_000;

/** The edges whose entries name a child the viewer relates to, each naming only those. */
async function narrowToRelated(context: AuditContext, edges: readonly AuditEdge[], known?: string): Promise<AuditEdge[]> {
  const ids = [...new Set(edges.flatMap((edge) => edge.node.childIds))].filter((id) => id !== known);
  const relationships = ids.length > 0 ? await context.relationships.forChildren(ids) : new Map<string, { kinds: string[] }>();
  const related = (id: string) => id === known || (relationships.get(id)?.kinds.length ?? 0) > 0;
  return edges.flatMap((edge) => {
    const childIds = edge.node.childIds.filter(related);
    return childIds.length > 0 ? [{ ...edge, node: Object.assign(new AuditEntry(), edge.node, { childIds }) }] : [];
  });
}

/**
 * The ASE head's trail without a child: the log is read newest first, 200 entries at a time
 * and at most {@link MAX_SCANNED} per call, keeping the entries that name one of her
 * children. When the scan stops before a full page, `endCursor` is where it stopped, so that
 * the next call goes on from there.
 */
async function scanForRelated(context: AuditContext, filter: AuditFilter, first: number | null | undefined, after: string | null | undefined): Promise<AuditConnection> {
  if (first !== undefined && first !== null && (!Number.isInteger(first) || first < 1)) throw badUserInput('first', 'Must be at least 1');
  const limit = Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const kept: AuditEdge[] = [];
  let cursor = after ?? null;
  let more = true;
  let scanned = 0;
  while (kept.length <= limit && more && scanned < MAX_SCANNED) {
    const page = await context.audit.page(filter, MAX_PAGE_SIZE, cursor);
    scanned += page.edges.length;
    kept.push(...(await narrowToRelated(context, page.edges)));
    more = page.pageInfo.hasNextPage;
    cursor = page.pageInfo.endCursor;
  }
  const edges = kept.slice(0, limit);
  if (kept.length > limit) return { edges, pageInfo: { hasNextPage: true, endCursor: edges[edges.length - 1].cursor } };
  // Fewer than a page: the scan reached the end of the log, or stopped at its cap.
  return { edges, pageInfo: { hasNextPage: more, endCursor: more ? cursor : (edges[edges.length - 1]?.cursor ?? null) } };
}
