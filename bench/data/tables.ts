import type { Column } from '../lib/bulk-insert.js';

/** Columns of every table the generator fills, in the order `dataset.ts` builds its rows. */
export const TABLES: Record<'hub' | 'ase' | 'pmi' | 'rpe' | 'justice', Record<string, readonly Column[]>> = {
  hub: {
    child: [['id', 'text'], ['first_name', 'text'], ['last_name', 'text'], ['birth_date', 'date'], ['idempotency_key', 'text']],
    consent: [
      ['id', 'uuid'], ['child_id', 'text'], ['categories', 'text[]'], ['recipient_role', 'text'], ['granted_by', 'text'], ['valid_from', 'date'],
      ['valid_until', 'date'], ['recorded_by', 'text'], ['revoked_at', 'timestamptz'], ['revoked_by', 'text'], ['idempotency_key', 'text'],
    ],
  },
  ase: {
    ase_agent: [['id', 'text'], ['name', 'text'], ['role', 'text'], ['institution', 'text'], ['phone', 'text'], ['email', 'text']],
    dossier: [['id', 'text'], ['child_id', 'text'], ['institution', 'text'], ['referent_id', 'text'], ['opened_on', 'date'], ['closed_on', 'date'], ['idempotency_key', 'text'], ['recorded_by', 'text']],
    measure: [
      ['id', 'text'], ['dossier_id', 'text'], ['child_id', 'text'], ['kind', 'text'], ['legal_basis', 'text'], ['ordered_by', 'text'],
      ['start_date', 'date'], ['end_date', 'date'], ['idempotency_key', 'text'], ['recorded_by', 'text'],
    ],
    placement: [
      ['id', 'text'], ['child_id', 'text'], ['measure_id', 'text'], ['kind', 'text'], ['since', 'date'], ['until', 'date'],
      ['caregiver_name', 'text'], ['address', 'text'], ['idempotency_key', 'text'], ['recorded_by', 'text'],
    ],
    crip_evaluation: [
      ['id', 'text'], ['child_id', 'text'], ['institution', 'text'], ['received_on', 'date'], ['origin', 'text'], ['evaluator_id', 'text'], ['status', 'text'],
      ['outcome', 'text'], ['closed_on', 'date'], ['idempotency_key', 'text'], ['recorded_by', 'text'], ['closed_by', 'text'],
    ],
  },
  pmi: {
    pmi_agent: [['id', 'text'], ['name', 'text'], ['role', 'text'], ['institution', 'text'], ['phone', 'text'], ['email', 'text']],
    follow_up: [
      ['id', 'text'], ['child_id', 'text'], ['institution', 'text'], ['nurse_id', 'text'], ['since', 'date'], ['status', 'text'],
      ['closed_on', 'date'], ['started_by', 'text'], ['closed_by', 'text'], ['idempotency_key', 'text'],
    ],
    home_visit: [['id', 'text'], ['follow_up_id', 'text'], ['child_id', 'text'], ['visited_on', 'date'], ['nurse_id', 'text'], ['notes', 'text'], ['idempotency_key', 'text']],
    health_check: [['id', 'text'], ['child_id', 'text'], ['kind', 'text'], ['checked_on', 'date'], ['findings', 'text'], ['examiner_name', 'text'], ['recorded_by', 'text'], ['idempotency_key', 'text']],
  },
  rpe: {
    relais: [['id', 'text'], ['name', 'text']],
    rpe_agent: [['id', 'text'], ['name', 'text'], ['role', 'text'], ['institution', 'text'], ['phone', 'text'], ['email', 'text']],
    childminder: [['id', 'text'], ['name', 'text'], ['agrement_number', 'text'], ['capacity', 'int'], ['relais_id', 'text'], ['agrement_valid_until', 'date'], ['idempotency_key', 'text']],
    childcare_arrangement: [['id', 'text'], ['child_id', 'text'], ['childminder_id', 'text'], ['start_date', 'date'], ['end_date', 'date'], ['schedule', 'text'], ['idempotency_key', 'text']],
    concern: [
      ['id', 'text'], ['idempotency_key', 'text'], ['childminder_id', 'text'], ['category', 'text'], ['severity', 'text'], ['observed_at', 'date'],
      ['raised_at', 'timestamptz'], ['raised_by_id', 'text'], ['raised_by_institution', 'text'], ['departement', 'text'], ['description', 'text'],
      ['status', 'text'], ['feedback_due_by', 'date'], ['acknowledged_at', 'timestamptz'], ['acknowledged_by_id', 'text'],
      ['evaluation_started_at', 'timestamptz'], ['evaluation_started_by_id', 'text'], ['closed_at', 'timestamptz'], ['closed_by_id', 'text'], ['outcome', 'text'],
    ],
    concern_child: [['concern_id', 'text'], ['child_id', 'text']],
  },
  justice: {
    court_case: [['id', 'text'], ['child_id', 'text'], ['court', 'text'], ['judge_id', 'text'], ['opened_on', 'date'], ['idempotency_key', 'text']],
    court_decision: [
      ['id', 'text'], ['case_id', 'text'], ['child_id', 'text'], ['court', 'text'], ['kind', 'text'], ['decided_at', 'date'],
      ['measure_ordered', 'text'], ['content', 'text'], ['idempotency_key', 'text'],
    ],
  },
};
