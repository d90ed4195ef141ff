import type { DataSource } from 'typeorm';

export interface BulkDataSources {
  hub: DataSource;
  ase: DataSource;
  pmi: DataSource;
  rpe: DataSource;
  justice: DataSource;
}

/**
 * Gives `count` fictional children to a new référent `referentId` (ASE-75), each with a
 * dossier and an AEMO measure, a PMI follow-up by Claire, an arrangement with Sophie
 * Bernard and a court decision: every institution holds something about every child.
 * Written with set-based SQL (the hub's directory through its owner connection).
 */
export async function insertBulkChildren(sources: BulkDataSources, referentId: string, count: number): Promise<string[]> {
  const tag = referentId.replace(/[^a-z0-9]/g, '');
  const ids = Array.from({ length: count }, (_, index) => `child-${tag}-${index}`);
  await sources.hub.query(
    `INSERT INTO child (id, first_name, last_name, birth_date, idempotency_key)
       SELECT id, 'Enfant', 'Fictif ' || ord, DATE '2022-01-01' + (ord % 900)::int, 'bulk-' || id
         FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord)`,
    [ids],
  );
  await sources.ase.query(`INSERT INTO ase_agent (id, name, role, institution) VALUES ($1, 'Référent fictif', 'ASE_REFERENT', 'ASE-75')`, [referentId]);
  await sources.ase.query(
    `INSERT INTO dossier (id, child_id, institution, referent_id, opened_on, idempotency_key, recorded_by)
       SELECT 'dossier-' || id, id, 'ASE-75', $2, DATE '2025-01-01', 'bulk-dossier-' || id, 'bulk' FROM unnest($1::text[]) AS t(id)`,
    [ids, referentId],
  );
  await sources.ase.query(
    `INSERT INTO measure (id, dossier_id, child_id, kind, legal_basis, ordered_by, start_date, idempotency_key, recorded_by)
       SELECT 'measure-' || id, 'dossier-' || id, id, 'AEMO', 'JUDICIAL', 'TJ-PARIS', DATE '2025-02-01', 'bulk-measure-' || id, 'bulk' FROM unnest($1::text[]) AS t(id)`,
    [ids],
  );
  await sources.pmi.query(
    `INSERT INTO follow_up (id, child_id, institution, nurse_id, since, status, started_by, idempotency_key)
       SELECT 'followup-' || id, id, 'PMI-75', 'agent-pmi-claire', DATE '2024-01-01', 'ACTIVE', 'bulk', 'bulk-followup-' || id FROM unnest($1::text[]) AS t(id)`,
    [ids],
  );
  await sources.rpe.query(
    `INSERT INTO childcare_arrangement (id, child_id, childminder_id, start_date, schedule, idempotency_key)
       SELECT 'arrangement-' || id, id, 'childminder-sophie', DATE '2024-09-02', 'lun.–ven. 8h30–17h30', 'bulk-arrangement-' || id FROM unnest($1::text[]) AS t(id)`,
    [ids],
  );
  await sources.justice.query(
    `INSERT INTO court_case (id, child_id, court, judge_id, opened_on, idempotency_key)
       SELECT 'case-' || id, id, 'TJ-PARIS', 'agent-tj-helene', DATE '2025-01-15', 'bulk-case-' || id FROM unnest($1::text[]) AS t(id)`,
    [ids],
  );
  await sources.justice.query(
    `INSERT INTO court_decision (id, case_id, child_id, court, kind, decided_at, measure_ordered, content, idempotency_key)
       SELECT 'decision-' || id, 'case-' || id, id, 'TJ-PARIS', 'AEMO_JUDGMENT', DATE '2025-02-01', 'AEMO', 'Texte fictif', 'bulk-decision-' || id FROM unnest($1::text[]) AS t(id)`,
    [ids],
  );
  return ids;
}
