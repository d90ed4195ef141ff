import { isFutureDay } from '../../../../common/src/calendar.js';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { holdsValues } from '../../../../common/src/db/holds-values.js';
import { badUserInput, keyAlreadyUsed } from '../../../../common/src/errors.js';
import { isIsoDate } from '../../../../common/src/scalars/date.scalar.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import type { JusticeContext } from '../context.js';
import { CourtCase } from '../entity/court-case.entity.js';
import { CourtDecision } from '../entity/court-decision.entity.js';
import { RecordDecisionInput } from './types/record-decision.input.js';

@Resolver(() => CourtDecision)
export class DecisionResolver {
  /**
   * Records a decision of the juvenile court, opening the child's case at that court when
   * there is none. Idempotent on `idempotencyKey`: a retry returns the decision already
   * recorded and writes nothing.
   */
  @Mutation(() => CourtDecision)
  async recordCourtDecision(
    @Arg('input', () => RecordDecisionInput) input: RecordDecisionInput,
    @Ctx() context: JusticeContext,
  ): Promise<CourtDecision> {
    if (!isIsoDate(input.decidedAt)) throw badUserInput('input.decidedAt', 'Not a calendar day');
    if (isFutureDay(input.decidedAt)) throw badUserInput('input.decidedAt', 'Must not be in the future');
    if (input.effectiveUntil && input.effectiveUntil < input.decidedAt) {
      throw badUserInput('input.effectiveUntil', 'Must not precede decidedAt');
    }
    // A judge records the decisions of their own court, in its own cases.
    const viewer = requireViewer(context);
    if (input.court && input.court !== viewer.institution) throw badUserInput('input.court', 'A judge records the decisions of their own court');
    // Every case and decision this write reads must be of this child and this court: another
    // court's, or one written under this key by another request, is never handed over.
    const ours = { childId: input.childId, court: viewer.institution };
    return context.dataSource.transaction(async (manager) => {
      const decisions = manager.getRepository(CourtDecision);
      const existing = await decisions.findOneBy({ idempotencyKey: input.idempotencyKey });
      if (existing && !holdsValues(existing, ours)) throw keyAlreadyUsed();
      if (existing) return existing;

      const cases = manager.getRepository(CourtCase);
      let courtCase: CourtCase | null;
      if (input.caseId) {
        courtCase = await cases.findOneBy({ id: input.caseId });
        // Another court's case answers as a case that does not exist.
        if (!courtCase || !holdsValues(courtCase, ours)) throw badUserInput('input.caseId', 'No such case for this child');
      } else {
        const court = viewer.institution;
        if (!/^TJ-/.test(court)) throw badUserInput('input.court', 'A court is required to open a case');
        // One case per child and court: two first decisions arriving together (under two keys)
        // would each find none and open one. The lock holds until this transaction ends.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`court-case:${court}:${input.childId}`]);
        courtCase = await cases.findOne({ where: { childId: input.childId, court }, order: { openedOn: 'DESC' } });
        if (!courtCase) {
          const judgeId = input.judgeId ?? viewer.agentId;
          const caseKey = `${input.idempotencyKey}:case`;
          await cases
            .createQueryBuilder()
            .insert()
            .values({ id: `case-${caseKey}`, childId: input.childId, court, judgeId, openedOn: input.decidedAt, closedOn: null, idempotencyKey: caseKey })
            .orIgnore()
            .execute();
          courtCase = await cases.findOneByOrFail({ idempotencyKey: caseKey });
          // Another court opening a case under the same key at the same moment won the insert.
          if (!holdsValues(courtCase, ours)) throw keyAlreadyUsed();
        }
      }
      await decisions
        .createQueryBuilder()
        .insert()
        .values({
          id: `decision-${randomUUID()}`,
          caseId: courtCase.id,
          childId: input.childId,
          court: courtCase.court,
          kind: input.kind,
          decidedAt: input.decidedAt,
          effectiveUntil: input.effectiveUntil ?? null,
          measureOrdered: input.measureOrdered,
          content: input.content,
          idempotencyKey: input.idempotencyKey,
        })
        .orIgnore()
        .execute();
      // The same check as before inserting: a concurrent request of another court may have
      // stored its decision under this key first.
      const stored = await decisions.findOneByOrFail({ idempotencyKey: input.idempotencyKey });
      if (!holdsValues(stored, ours)) throw keyAlreadyUsed();
      return stored;
    });
  }
}
