import { In, IsNull } from 'typeorm';
import { departementOf, Role, type Viewer } from '../../../common/src/domain.js';
import type { CareRelationshipFinder, CareRelationshipRecord } from '../../../common/src/federation/care-relationships.js';
import type { AseContext } from './context.js';
import { CripEvaluation } from './entity/crip-evaluation.entity.js';
import { Dossier } from './entity/dossier.entity.js';

type ChildIds = readonly string[] | null;

/** Children of the viewer's open dossiers. */
async function referentChildren(context: AseContext, viewer: Viewer, childIds: ChildIds): Promise<string[]> {
  const rows = await context.dataSource.getRepository(Dossier).find({
    select: { childId: true },
    where: { referentId: viewer.agentId, closedOn: IsNull(), ...(childIds ? { childId: In([...childIds]) } : {}) },
  });
  return rows.map((row) => row.childId);
}

/**
 * Children with a row of `entity` held by an institution of the viewer's département. The
 * institutions are listed first (a handful) so that `departementOf` stays the one rule.
 */
async function departementChildren(context: AseContext, viewer: Viewer, childIds: ChildIds, entity: typeof Dossier | typeof CripEvaluation): Promise<string[]> {
  const departement = departementOf(viewer.institution);
  if (!departement) return [];
  const rows = () => context.dataSource.createQueryBuilder().from(entity, 'row');
  const institutions = await rows().select('DISTINCT row.institution', 'institution').getRawMany<{ institution: string }>();
  const ours = institutions.map((row) => row.institution).filter((institution) => departementOf(institution) === departement);
  if (ours.length === 0) return [];
  let query = rows().select('DISTINCT row.childId', 'childId').where('row.institution IN (:...ours)', { ours });
  if (childIds) query = query.andWhere('row.childId IN (:...childIds)', { childIds: [...childIds] });
  return (await query.getRawMany<{ childId: string }>()).map((row) => row.childId);
}

function records(childIds: string[], kind: string): CareRelationshipRecord[] {
  return [...new Set(childIds)].sort().map((childId) => ({ childId, kind }));
}

/**
 * A référent relates to the children of their open dossiers; the ASE head to every child
 * with a dossier or an evaluation in the département; a CRIP evaluator to every child the
 * département's CRIP has received an information préoccupante about. Nobody else.
 */
export const findCareRelationships: CareRelationshipFinder<AseContext> = async (context, viewer, childIds) => {
  switch (viewer.role) {
    case Role.ASE_REFERENT:
      return records(await referentChildren(context, viewer, childIds), 'REFERENT');
    case Role.ASE_MANAGER: {
      const [withDossier, withEvaluation] = await Promise.all([
        departementChildren(context, viewer, childIds, Dossier),
        departementChildren(context, viewer, childIds, CripEvaluation),
      ]);
      return records([...withDossier, ...withEvaluation], 'ASE_HEAD');
    }
    case Role.CRIP_EVALUATOR:
      return records(await departementChildren(context, viewer, childIds, CripEvaluation), 'CRIP');
    default:
      return [];
  }
};
