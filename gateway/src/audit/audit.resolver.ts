import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import type { Role } from '../../../common/src/domain.js';
import { forbidden } from '../errors.js';
import { mayCall } from '../policy/operation-roles.js';
import { AuditConnection } from './audit-connection.type.js';
import { AuditIntegrity } from './audit-integrity.type.js';
import type { AuditLog } from './audit-log.js';

/** What this resolver needs of the hub's context (HubContext satisfies it). */
export interface AuditContext {
  audit: AuditLog;
  agent: { role: Role };
}

/** Refuses a role the operation table does not allow; the hub also checks before planning. */
function requireRole(context: AuditContext, operation: 'auditTrail' | 'auditIntegrity'): void {
  if (!mayCall(context.agent.role, operation)) throw forbidden(operation);
}

@Resolver()
export class AuditResolver {
  /** Audit entries matching every given filter, newest first (DPO, ASE_MANAGER). */
  @Query(() => AuditConnection, { description: 'Audit entries matching every given filter, newest first; `from` and `to` are inclusive' })
  auditTrail(
    @Arg('childId', () => ID, { nullable: true }) childId: string | null | undefined,
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null | undefined,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from: Date | null | undefined,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to: Date | null | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() context: AuditContext,
  ): Promise<AuditConnection> {
    requireRole(context, 'auditTrail');
    return context.audit.page(
      { childId: childId ?? undefined, agentId: agentId ?? undefined, from: from ?? undefined, to: to ?? undefined },
      first,
      after,
    );
  }

  /** Verifies the whole audit chain and names the first entry that does not match (DPO). */
  @Query(() => AuditIntegrity, { description: 'Verifies the whole audit chain and names the first entry that does not match' })
  async auditIntegrity(@Ctx() context: AuditContext): Promise<AuditIntegrity> {
    requireRole(context, 'auditIntegrity');
    const { ok, checkedEntries, firstBrokenEntryId } = await context.audit.verify();
    return { ok, checkedEntries, firstBrokenEntryId };
  }
}
