import { departementOf, Role } from '../../../common/src/domain.js';
import { type CareRelationshipFinder, type CareRelationshipRecord } from '../../../common/src/federation/care-relationships.js';
import type { RpeContext } from './context.js';
import { parisDay } from './domain/calendar.js';

type ChildIds = readonly string[] | null;

/** The asked ids, once each, as a relation named `asked`; pushes them onto `params`. */
function askedChildren(childIds: readonly string[], params: unknown[]): string {
  params.push([...childIds]);
  return `(SELECT DISTINCT unnest($${params.length}::text[]) AS child_id) asked`;
}

/**
 * True when `fromWhere` (`FROM … WHERE …`) has a row, read until the first one. Written as a
 * scalar subquery with LIMIT 1, not as EXISTS: PostgreSQL turns an EXISTS into a semi-join
 * and may hash every row of the other side first (seen: all 5,020 concerns on a child read
 * to find that one of them came from this relais, 2.3 ms, growing with the child's
 * history); a LIMIT 1 subquery is planned to stop at its first row.
 */
const hasRow = (fromWhere: string) => `(SELECT 1 ${fromWhere} LIMIT 1) IS NOT NULL`;

/*
 * Asked about given children, each child's own rows (its arrangements, its concern links) are
 * read by its id, and the row they point to (the childminder, the concern) is checked by its
 * primary key, in a scalar subquery: PostgreSQL cannot turn that into a join, so it cannot
 * start from the other side instead. As a join it sometimes did, once statistics were skewed
 * (one child named in most concerns): for each asked child it read every concern of the
 * département to probe the child's links (the CRIP's 61-child check of the benchmark's
 * inbox, 0.37 → 8.9 ms). A child has few rows; a relais or a département has many.
 */
/**
 * An arrangement ongoing (or upcoming) on `today`, its end date in `column`: the relais relates
 * to its child, and may still record or move its end (endChildcareArrangement).
 */
export const ongoingOn = (column: string, today: string) => `(${column} IS NULL OR ${column} >= ${today})`;
const ONGOING = ongoingOn('arrangement.end_date', '$2');
const caringFor = `FROM childcare_arrangement arrangement
   WHERE arrangement.child_id = asked.child_id AND ${ONGOING}
     AND (SELECT childminder.relais_id FROM childminder WHERE childminder.id = arrangement.childminder_id) = $1`;
const caringAll = `FROM childcare_arrangement arrangement JOIN childminder ON childminder.id = arrangement.childminder_id
   WHERE childminder.relais_id = $1 AND ${ONGOING}`;
type ConcernColumn = 'raised_by_institution' | 'departement';
/** The asked child's concern links whose concern has $1 in `column`. */
const concernedFor = (column: ConcernColumn) =>
  `FROM concern_child link WHERE link.child_id = asked.child_id AND (SELECT concern.${column} FROM concern WHERE concern.id = link.concern_id) = $1`;
const concernedAll = (column: ConcernColumn) => `FROM concern_child link JOIN concern ON concern.id = link.concern_id WHERE concern.${column} = $1`;

/**
 * The relais' children, each with how it knows them, in one statement: those in an ongoing
 * (or upcoming) arrangement with one of its childminders, and those named in its concerns.
 * Asked about given children, each is looked up until its first match (`hasRow`), from its
 * own rows: a relais that reported many times on a child does not make the check of that
 * child slower, and neither does a relais with many childminders or concerns.
 */
async function relaisChildren(context: RpeContext, relaisId: string, childIds: ChildIds): Promise<CareRelationshipRecord[]> {
  const params: unknown[] = [relaisId, parisDay(new Date())];
  let sql: string;
  if (childIds) {
    const asked = askedChildren(childIds, params);
    sql =
      `SELECT asked.child_id, 'RELAIS_OF_CHILDMINDER' AS kind FROM ${asked} WHERE ${hasRow(caringFor)}` +
      ` UNION ALL SELECT asked.child_id, 'REPORTING_RELAIS' AS kind FROM ${asked} WHERE ${hasRow(concernedFor('raised_by_institution'))}`;
  } else {
    sql = `SELECT DISTINCT arrangement.child_id, 'RELAIS_OF_CHILDMINDER' AS kind ${caringAll} UNION ALL SELECT DISTINCT link.child_id, 'REPORTING_RELAIS' AS kind ${concernedAll('raised_by_institution')}`;
  }
  const rows: { child_id: string; kind: string }[] = await context.dataSource.query(sql, params);
  return rows.map((row) => ({ childId: row.child_id, kind: row.kind }));
}

/** Children named in concerns raised by any relais of one département (each asked child until its first match). */
async function departementChildren(context: RpeContext, departement: string, childIds: ChildIds): Promise<string[]> {
  const params: unknown[] = [departement];
  const sql = childIds
    ? `SELECT asked.child_id FROM ${askedChildren(childIds, params)} WHERE ${hasRow(concernedFor('departement'))}`
    : `SELECT DISTINCT link.child_id ${concernedAll('departement')}`;
  const rows: { child_id: string }[] = await context.dataSource.query(sql, params);
  return rows.map((row) => row.child_id);
}

/**
 * The children among `childIds` that a relais may report on: those its childminders care
 * for, and those it already reported on. A report never creates a relationship by itself.
 */
export async function childrenKnownToRelais(context: RpeContext, relaisId: string, childIds: readonly string[]): Promise<Set<string>> {
  return new Set((await relaisChildren(context, relaisId, childIds)).map((record) => record.childId));
}

/**
 * A relais relates to the children its childminders care for and to those it reported on;
 * the CRIP and the ASE head of a département to the children its relais reported on.
 */
export const findCareRelationships: CareRelationshipFinder<RpeContext> = async (context, viewer, childIds) => {
  if (viewer.role === Role.RPE_COORDINATOR) return relaisChildren(context, viewer.institution, childIds);
  if (viewer.role === Role.CRIP_EVALUATOR || viewer.role === Role.ASE_MANAGER) {
    const departement = departementOf(viewer.institution);
    if (!departement) return [];
    return (await departementChildren(context, departement, childIds)).map((childId) => ({ childId, kind: 'CRIP_RECEIVED_CONCERN' }));
  }
  return [];
};
