import { DEPARTEMENT_PATTERN, departementOf, Role, type Viewer } from '../../../common/src/domain.js';
import { amongChildren, type CareRelationshipFinder, type CareRelationshipRecord } from '../../../common/src/federation/care-relationships.js';
import type { EntityManager } from 'typeorm';
import type { AseContext } from './context.js';
import { Dossier } from './entity/dossier.entity.js';

type ChildIds = readonly string[] | null;

async function childIdsOf(context: AseContext, sql: string, params: unknown[]): Promise<string[]> {
  const rows: { child_id: string }[] = await context.dataSource.query(sql, params);
  return rows.map((row) => row.child_id);
}

/** Children of the referent's open dossiers. */
function referentChildren(context: AseContext, referentId: string, childIds: ChildIds): Promise<string[]> {
  const params: unknown[] = [referentId];
  const among = amongChildren('child_id', childIds, params);
  return childIdsOf(context, `SELECT child_id FROM dossier WHERE referent_id = $1 AND closed_on IS NULL${among}`, params);
}

/**
 * Children with a row in any of `tables` held by an institution of the département. The
 * département is read off the institution id by the same pattern as `departementOf`.
 */
function departementChildren(context: AseContext, departement: string, childIds: ChildIds, tables: readonly ('dossier' | 'crip_evaluation')[]): Promise<string[]> {
  const params: unknown[] = [DEPARTEMENT_PATTERN, departement];
  const selects = tables.map((table) => `SELECT child_id FROM ${table} WHERE substring(institution from $1) = $2${amongChildren('child_id', childIds, params)}`);
  return childIdsOf(context, selects.join(' UNION '), params);
}

function records(childIds: string[], kind: string): CareRelationshipRecord[] {
  return [...new Set(childIds)].sort().map((childId) => ({ childId, kind }));
}

/**
 * The ASE head's children (ASE_HEAD): those of her département's dossiers and evaluations,
 * open ones, and closed ones unless another département now holds the child's open dossier;
 * and REFERENT too for those of her open dossiers that name her their référent: a dossier
 * may (openDossier), and the hub reads the référent's access notifications off REFERENT
 * alone. Kept to the département, so that naming her adds a kind, never a child. One
 * statement, like every finder.
 */
async function headRecords(context: AseContext, viewer: Viewer, departement: string, childIds: ChildIds): Promise<CareRelationshipRecord[]> {
  const params: unknown[] = [DEPARTEMENT_PATTERN, departement, viewer.agentId];
  // A closed record counts until another département opens a dossier for the child (the
  // family moved, closeDossier): the child's file is then that département's, its current
  // dossier and placement included, and the former head no longer relates to the child.
  const stillHers = (table: string) =>
    `(${table}.closed_on IS NULL OR NOT EXISTS (SELECT 1 FROM dossier moved WHERE moved.child_id = ${table}.child_id AND moved.closed_on IS NULL AND substring(moved.institution from $1) <> $2))`;
  const dossiers = `SELECT child_id, referent_id = $3 AND closed_on IS NULL AS named FROM dossier WHERE substring(institution from $1) = $2 AND ${stillHers('dossier')}${amongChildren('child_id', childIds, params)}`;
  const evaluations = `SELECT child_id, false AS named FROM crip_evaluation WHERE substring(institution from $1) = $2 AND ${stillHers('crip_evaluation')}${amongChildren('child_id', childIds, params)}`;
  const rows: { child_id: string; named: boolean }[] = await context.dataSource.query(`${dossiers} UNION ${evaluations}`, params);
  const named = rows.filter((row) => row.named).map((row) => row.child_id);
  return [...records(rows.map((row) => row.child_id), 'ASE_HEAD'), ...records(named, 'REFERENT')];
}

/**
 * A référent relates to the children of their open dossiers; the ASE head to every child
 * with a dossier or an evaluation in the département (and as référent to those of her own
 * open dossiers there, when one names her); a CRIP evaluator to every child the
 * département's CRIP has received an information préoccupante about. Nobody else.
 */
export const findCareRelationships: CareRelationshipFinder<AseContext> = async (context, viewer, childIds) => {
  const departement = departementOf(viewer.institution);
  switch (viewer.role) {
    case Role.ASE_REFERENT:
      return records(await referentChildren(context, viewer.agentId, childIds), 'REFERENT');
    case Role.ASE_MANAGER:
      return departement ? headRecords(context, viewer, departement, childIds) : [];
    case Role.CRIP_EVALUATOR:
      return departement ? records(await departementChildren(context, departement, childIds, ['crip_evaluation']), 'CRIP') : [];
    default:
      return [];
  }
};

/**
 * True when the viewer works on this very record of the ASE, not only with its child: the
 * référent of the (open) dossier, or the ASE head (and, for an evaluation, the CRIP) of the
 * département holding it. An ASE head or CRIP of another département who relates to the
 * child through a record of her own may not write into this one: a write naming it answers
 * as for a record that does not exist.
 */
export function worksOnRecord(
  viewer: Viewer,
  record: { kind: 'dossier'; institution: string; referentId: string; closedOn: string | null } | { kind: 'evaluation'; institution: string },
): boolean {
  const sameDepartement = departementOf(viewer.institution) !== null && departementOf(viewer.institution) === departementOf(record.institution);
  if (record.kind === 'dossier') {
    if (viewer.role === Role.ASE_REFERENT) return record.referentId === viewer.agentId && record.closedOn === null;
    return viewer.role === Role.ASE_MANAGER && sameDepartement;
  }
  return (viewer.role === Role.CRIP_EVALUATOR || viewer.role === Role.ASE_MANAGER) && sameDepartement;
}

/** Whether the viewer works on the dossier `dossierId` (`worksOnRecord`); an unknown dossier is no one's. */
export async function worksOnDossier(manager: EntityManager, viewer: Viewer, dossierId: string): Promise<boolean> {
  const dossier = await manager.getRepository(Dossier).findOneBy({ id: dossierId });
  return dossier !== null && worksOnRecord(viewer, { kind: 'dossier', ...dossier });
}
