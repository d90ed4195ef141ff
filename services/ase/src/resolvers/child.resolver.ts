import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { toAgentContact } from '../agent-contact.js';
import type { AseContext } from '../context.js';
import { currentDossier, currentPlacement } from '../current.js';
import { Child } from '../entity/child.type.js';
import { CripEvaluation } from '../entity/crip-evaluation.entity.js';
import { Dossier } from '../entity/dossier.entity.js';
import { Placement } from '../entity/placement.entity.js';
import { ProtectionStatus } from '../entity/protection-status.type.js';
import { computeProtectionStatus } from '../protection/compute-protection-status.js';

@Resolver(() => Child)
export class ChildResolver {
  /** Never null for a child this ASE knows nothing about: that child's level is NONE. */
  @FieldResolver(() => ProtectionStatus, { nullable: true, description: 'Protection level, since when, and the référent to contact' })
  @Category(DataCategory.PROTECTION_STATUS)
  async protectionStatus(@Root() child: Child, @Ctx() context: AseContext): Promise<ProtectionStatus> {
    const { loaders } = context;
    const [measures, evaluations, openDossier] = await Promise.all([
      loaders.measuresByChild.load(child.id),
      loaders.openEvaluationsByChild.load(child.id),
      loaders.openDossierByChild.load(child.id),
    ]);
    const status = computeProtectionStatus({ measures, evaluations, openDossierReferentId: openDossier?.referentId ?? null }, context.today);
    const referent = status.referentId ? toAgentContact(await loaders.agentsById.load(status.referentId)) : null;
    return { level: status.level, since: status.since, referent };
  }

  @FieldResolver(() => Dossier, { nullable: true, description: 'The open ASE dossier, else the latest one' })
  @Category(DataCategory.PROTECTION_DETAILS)
  async dossier(@Root() child: Child, @Ctx() context: AseContext): Promise<Dossier | null> {
    return currentDossier(await context.loaders.dossiersByChild.load(child.id));
  }

  @FieldResolver(() => Placement, { nullable: true, description: 'Where the child currently lives under a placement measure' })
  @Category(DataCategory.PLACEMENT_LOCATION)
  async placement(@Root() child: Child, @Ctx() context: AseContext): Promise<Placement | null> {
    const [placements, measures] = await Promise.all([context.loaders.placementsByChild.load(child.id), context.loaders.measuresByChild.load(child.id)]);
    return currentPlacement(placements, context.today, measures);
  }

  @FieldResolver(() => [CripEvaluation], { nullable: true, description: 'Informations préoccupantes received by the CRIP, newest first' })
  @Category(DataCategory.PROTECTION_DETAILS)
  cripEvaluations(@Root() child: Child, @Ctx() context: AseContext): Promise<CripEvaluation[]> {
    return context.loaders.evaluationsByChild.load(child.id);
  }
}
