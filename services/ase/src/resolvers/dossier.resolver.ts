import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { DataCategory, Role } from '../../../../common/src/domain.js';
import { badUserInput, conflict, keyAlreadyUsed, notFound } from '../../../../common/src/errors.js';
import { AgentContact } from '../../../../common/src/federation/agent-contact.type.js';
import { Category } from '../../../../common/src/federation/category.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';
import { toAgentContact } from '../agent-contact.js';
import type { AseContext } from '../context.js';
import { AseAgent } from '../entity/ase-agent.entity.js';
import { Dossier } from '../entity/dossier.entity.js';
import { Measure } from '../entity/measure.entity.js';
import { worksOnRecord } from '../relationships.js';
import { insertOnce } from './insert-once.js';
import { CloseDossierInput } from './types/close-dossier.input.js';
import { OpenDossierInput } from './types/open-dossier.input.js';

const REFERENT_ROLES: ReadonlySet<string> = new Set([Role.ASE_REFERENT, Role.ASE_MANAGER]);

@Resolver(() => Dossier)
export class DossierResolver {
  @FieldResolver(() => AgentContact, { nullable: true, description: 'The référent in charge of the dossier' })
  @Category(DataCategory.PROTECTION_DETAILS)
  async referent(@Root() dossier: Dossier, @Ctx() context: AseContext): Promise<AgentContact | null> {
    return toAgentContact(await context.loaders.agentsById.load(dossier.referentId));
  }

  @FieldResolver(() => [Measure], { description: 'Measures of this dossier, newest first' })
  @Category(DataCategory.PROTECTION_DETAILS)
  async measures(@Root() dossier: Dossier, @Ctx() context: AseContext): Promise<Measure[]> {
    const measures = await context.loaders.measuresByChild.load(dossier.childId);
    return measures.filter((measure) => measure.dossierId === dossier.id);
  }

  /** Opens the child's dossier. Idempotent on `idempotencyKey`. */
  @Mutation(() => Dossier, { description: 'Opens the child’s ASE dossier; idempotent on input.idempotencyKey' })
  async openDossier(@Arg('input', () => OpenDossierInput) input: OpenDossierInput, @Ctx() context: AseContext): Promise<Dossier> {
    const viewer = requireViewer(context);
    if (input.openedOn > context.today) throw badUserInput('input.openedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const dossiers = manager.getRepository(Dossier);
      const existing = sameChild(await dossiers.findOneBy({ idempotencyKey: input.idempotencyKey }), input);
      // A retry is answered with a dossier of the caller's own ASE only: another département's
      // dossier of this child, found under its key, is neither handed over nor dated.
      if (existing && existing.institution !== viewer.institution) throw keyAlreadyUsed();
      if (existing) return existing;
      const referent = await manager.getRepository(AseAgent).findOneBy({ id: input.referentId });
      // A dossier is opened in the caller's own ASE: another département's référent would put
      // it (and the relationship it gives) where the caller does not work.
      if (!referent || !REFERENT_ROLES.has(referent.role) || referent.institution !== viewer.institution) {
        throw badUserInput('input.referentId', 'Not an ASE référent or manager of your institution');
      }
      const saved = await insertOnce(manager, Dossier, {
        id: `dossier-${randomUUID()}`,
        childId: input.childId,
        institution: referent.institution,
        referentId: referent.id,
        openedOn: input.openedOn,
        closedOn: null,
        closedBy: null,
        idempotencyKey: input.idempotencyKey,
        recordedBy: viewer.agentId,
      });
      // No row under our key: the one-open-dossier index refused it. Checking that index
      // before inserting would race with an identical request committing in between.
      if (!saved) throw badUserInput('input.childId', 'The child already has an open dossier');
      if (saved.institution !== viewer.institution) throw keyAlreadyUsed();
      return saved;
    });
  }

  /**
   * Closes the dossier (OPEN → closed on `closedOn`, once): the child's file moves on, to
   * another département's ASE when the family moves (one dossier is open per child, so the
   * new ASE can open its own only once this one is closed), or ends. Only the dossier's own
   * référent or the ASE head of its département may close it; another's dossier answers as
   * none. Its measures must have ended by then: a dossier closed under a measure in force
   * would leave the child's status without a référent to call. An identical retry by the
   * agent who closed it (same closedOn) is answered with the dossier unchanged, though the
   * close ended a référent's relationship; anything else on a closed dossier is CONFLICT.
   */
  @Mutation(() => Dossier, { description: 'Closes the dossier on closedOn (its measures ended by then); the same agent sending the same close again gets it unchanged' })
  async closeDossier(@Arg('input', () => CloseDossierInput) input: CloseDossierInput, @Ctx() context: AseContext): Promise<Dossier> {
    const viewer = requireViewer(context);
    if (input.closedOn > context.today) throw badUserInput('input.closedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const dossiers = manager.getRepository(Dossier);
      const dossier = await dossiers.findOne({ where: { id: input.dossierId }, lock: { mode: 'pessimistic_write' } });
      const retry = dossier !== null && dossier.closedOn === input.closedOn && dossier.closedBy === viewer.agentId;
      // The référent's own close ended her relationship: her retry is judged on the dossier as she found it.
      if (!dossier || !worksOnRecord(viewer, { kind: 'dossier', ...dossier, closedOn: retry ? null : dossier.closedOn })) throw notFound('Dossier', 'input.dossierId');
      if (retry) return dossier;
      if (dossier.closedOn !== null) throw conflict('The dossier is already closed');
      if (input.closedOn < dossier.openedOn) throw badUserInput('input.closedOn', 'Must not precede the opening of the dossier');
      const measures = await manager.getRepository(Measure).findBy({ dossierId: dossier.id });
      if (measures.some((measure) => measure.endDate === null || measure.endDate > input.closedOn)) {
        throw badUserInput('input.closedOn', 'A measure of this dossier is still in force on that day: end it first');
      }
      const result = await dossiers
        .createQueryBuilder()
        .update()
        .set({ closedOn: input.closedOn, closedBy: viewer.agentId })
        .where('id = :id AND closed_on IS NULL', { id: dossier.id })
        .execute();
      if (!result.affected) throw conflict('The dossier is already closed');
      return dossiers.findOneByOrFail({ id: dossier.id });
    });
  }
}
