import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import { Role } from '../../../common/src/domain.js';
import { badUserInput } from '../../../common/src/errors.js';
import { forbidden } from '../errors.js';
import type { CareRelationshipsLoader } from '../facts/care-relationships.loader.js';
import { requireRelationship } from '../facts/require-relationship.js';
import { mayCall } from '../policy/operation-roles.js';
import { AuditConnection } from './audit-connection.type.js';
import { AuditIntegrity } from './audit-integrity.type.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditLog } from './audit-log.js';

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
    // The ASE head reads who looked at a child of her département, one child at a time, and
    // learns of no other child: a child she has no relationship with is NOT_FOUND, as for
    // `child(id:)`, and the entries name only the children she has one with.
    if (!childId) throw badUserInput('childId', 'Your role reads the trail of one child at a time');
    await requireRelationship(context, childId);
    const page = await context.audit.page(filter, first, after);
    const others = [...new Set(page.edges.flatMap((edge) => edge.node.childIds))].filter((id) => id !== childId);
    const relationships = others.length > 0 ? await context.relationships.forChildren(others) : new Map();
    const visible = (id: string) => id === childId || (relationships.get(id)?.kinds.length ?? 0) > 0;
    return {
      ...page,
      edges: page.edges.map((edge) => ({ ...edge, node: Object.assign(new AuditEntry(), edge.node, { childIds: edge.node.childIds.filter(visible) }) })),
    };
  }

  /** Verifies the whole audit chain and names the first entry that does not match (DPO). */
  @Query(() => AuditIntegrity, { description: 'Verifies the whole audit chain and names the first entry that does not match' })
  async auditIntegrity(@Ctx() context: AuditContext): Promise<AuditIntegrity> {
    requireRole(context, 'auditIntegrity');
    const { ok, checkedEntries, firstBrokenEntryId } = await context.audit.verify();
    return { ok, checkedEntries, firstBrokenEntryId };
  }
}
