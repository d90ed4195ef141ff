/**
 * The load test's own ORACLE of the disclosure policy: DESIGN.md's rules table, the labels
 * of the public contract and the demo scenario's care relationships, transcribed by hand
 * for this script. It deliberately imports nothing from gateway/src/policy, so that a
 * mistake there cannot hide in the expectation too.
 */

export type Role = 'PMI_NURSE' | 'PMI_DOCTOR' | 'RPE_COORDINATOR' | 'ASE_REFERENT' | 'ASE_MANAGER' | 'CRIP_EVALUATOR' | 'JUDGE' | 'DPO';
type Cell = 'A' | 'C' | 'D';

const COLUMNS: readonly Role[] = ['PMI_NURSE', 'PMI_DOCTOR', 'RPE_COORDINATOR', 'ASE_REFERENT', 'ASE_MANAGER', 'CRIP_EVALUATOR', 'JUDGE', 'DPO'];
// DESIGN.md, "Disclosure policy", one row per category (A* read as A: the notification is not a disclosure rule).
const TABLE = `
  IDENTITY               A A A A A A A D
  PROTECTION_STATUS      A A D A A A A D
  PROTECTION_DETAILS     C C D A A A A D
  PLACEMENT_LOCATION     D D D A A D A D
  HEALTH_FOLLOW_UP       A A D A A A A D
  HEALTH_DETAILS         A A D C C C C D
  CHILDCARE              C C A A A A A D
  CONCERN                D D A A A A A D
  COURT_DECISION         D D D A A A A D
  COURT_DECISION_CONTENT D D D A A D A D
  REPORTER_IDENTITY      D D A D A A D D`;
const RULES = new Map<string, Cell[]>(
  TABLE.trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([category, ...cells]) => [category, cells as Cell[]]),
);
export const CATEGORIES = [...RULES.keys()];

export function cell(role: Role, category: string): Cell {
  const cells = RULES.get(category);
  if (!cells) throw new Error(`oracle: unknown category ${category}`);
  return cells[COLUMNS.indexOf(role)];
}

/** Demo agents (DESIGN.md) and the children each has a care relationship with, as seeded. */
export const PERSONAS = {
  'agent-pmi-claire': { role: 'PMI_NURSE', children: ['child-lea', 'child-noah'] },
  'agent-pmi-hugo': { role: 'PMI_NURSE', children: ['child-ines'] },
  'agent-rpe-amina': { role: 'RPE_COORDINATOR', children: ['child-lea', 'child-noah', 'child-sacha'] },
  'agent-ase-julien': { role: 'ASE_REFERENT', children: ['child-lea', 'child-ines'] },
  'agent-ase-nathalie': { role: 'ASE_MANAGER', children: ['child-lea', 'child-ines', 'child-sacha'] },
  'agent-crip-karim': { role: 'CRIP_EVALUATOR', children: ['child-sacha'] },
  'agent-tj-helene': { role: 'JUDGE', children: ['child-lea', 'child-ines'] },
  'agent-dpo-marc': { role: 'DPO', children: [] },
} as const satisfies Record<string, { role: Role; children: readonly string[] }>;
export type PersonaId = keyof typeof PERSONAS;

/** Labels of the public contract's fields on Child (DESIGN.md "Public contract"). */
export const CHILD_FIELD_CATEGORY: Readonly<Record<string, string>> = {
  firstName: 'IDENTITY',
  lastName: 'IDENTITY',
  birthDate: 'IDENTITY',
  protectionStatus: 'PROTECTION_STATUS',
  dossier: 'PROTECTION_DETAILS',
  placement: 'PLACEMENT_LOCATION',
  pmiFollowUp: 'HEALTH_FOLLOW_UP',
  healthRecord: 'HEALTH_DETAILS',
  childcare: 'CHILDCARE',
  concerns: 'CONCERN',
  courtDecisions: 'COURT_DECISION',
};

/** A consent record as `consents(childId)` lists it. */
export interface ConsentRecord {
  childId: string;
  categories: string[];
  recipientRole: string;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
}

export type Verdict = 'release' | 'withhold' | 'unchecked';

export interface Leak {
  persona: PersonaId;
  path: string;
  category: string;
  childId: string | null;
}

/**
 * What may be released to whom. `consents` by child: a child absent from the map has
 * consents the oracle does not know, so its C cells are left unchecked.
 */
export class DisclosureOracle {
  constructor(private readonly consents: ReadonlyMap<string, readonly ConsentRecord[]>, private readonly today: string) {}

  /** No consent is recorded anywhere (a freshly seeded federation). */
  static withNoConsents(children: readonly string[] = ['child-lea', 'child-noah', 'child-ines', 'child-sacha']): DisclosureOracle {
    return new DisclosureOracle(new Map(children.map((id) => [id, []])), new Date().toISOString().slice(0, 10));
  }

  related(persona: PersonaId, childId: string): boolean {
    return (PERSONAS[persona].children as readonly string[]).includes(childId);
  }

  /** `related` overrides the seeded relationships when the answer itself proves one (a concern in the CRIP's inbox). */
  verdict(persona: PersonaId, childId: string, category: string, related = this.related(persona, childId)): Verdict {
    const rule = cell(PERSONAS[persona].role, category);
    if (rule === 'D' || !related) return 'withhold';
    if (rule === 'A') return 'release';
    const known = this.consents.get(childId);
    if (!known) return 'unchecked';
    const role = PERSONAS[persona].role;
    const valid = known.some(
      (consent) =>
        consent.recipientRole === role &&
        consent.categories.includes(category) &&
        consent.revokedAt === null &&
        consent.validFrom <= this.today &&
        (consent.validUntil === null || consent.validUntil >= this.today),
    );
    return valid ? 'release' : 'withhold';
  }

  /**
   * Every labelled field of one Child object that is non-null where it must be withheld.
   * The object must carry its `id`; nested labels (decision content, who raised a concern,
   * timeline events) are checked too.
   */
  childLeaks(persona: PersonaId, child: Record<string, unknown>, path: string, related?: boolean): Leak[] {
    const childId = typeof child.id === 'string' ? child.id : null;
    if (!childId) return [{ persona, path: `${path}.id`, category: 'IDENTITY', childId: null }];
    const leaks: Leak[] = [];
    const check = (category: string, value: unknown, at: string) => {
      if (value !== null && value !== undefined && this.verdict(persona, childId, category, related) === 'withhold') leaks.push({ persona, path: at, category, childId });
    };
    const isRelated = related ?? this.related(persona, childId);
    // A child the viewer has no relationship with must not appear at all.
    if (!isRelated) leaks.push({ persona, path, category: 'IDENTITY', childId });
    for (const [key, value] of Object.entries(child)) {
      const category = CHILD_FIELD_CATEGORY[key];
      if (category) check(category, value, `${path}.${key}`);
    }
    if (Array.isArray(child.courtDecisions)) {
      child.courtDecisions.forEach((decision: Record<string, unknown>, i) => check('COURT_DECISION_CONTENT', decision?.content, `${path}.courtDecisions.${i}.content`));
    }
    if (Array.isArray(child.concerns)) {
      child.concerns.forEach((concern: Record<string, unknown>, i) => check('REPORTER_IDENTITY', concern?.raisedBy, `${path}.concerns.${i}.raisedBy`));
    }
    const timeline = child.timeline as { events?: Array<{ category?: string }> } | null | undefined;
    for (const [i, event] of (timeline?.events ?? []).entries()) {
      check(event.category ?? 'UNKNOWN', event, `${path}.timeline.events.${i}`);
    }
    return leaks;
  }

  /**
   * A concern as the CRIP, the ASE head or its reporting relais sees it: CONCERN fields,
   * REPORTER_IDENTITY in `raisedBy`, and the children named in it. A concern in the CRIP's
   * inbox proves the CRIP's relationship with its children (DESIGN.md: "every child about
   * whom its département's CRIP has received a concern").
   */
  concernLeaks(persona: PersonaId, concern: Record<string, unknown>, path: string, inboxOfCrip: boolean): Leak[] {
    const leaks: Leak[] = [];
    const children = Array.isArray(concern.children) ? (concern.children as Array<Record<string, unknown>>) : [];
    const childIds = children.map((child) => (typeof child.id === 'string' ? child.id : ''));
    const related = (id: string) => inboxOfCrip || this.related(persona, id);
    // Concern fields are CONCERN about each of its children: released only if released for all.
    const concernVerdict = (category: string) =>
      childIds.length === 0 ? (cell(PERSONAS[persona].role, category) === 'D' ? 'withhold' : 'unchecked') : childIds.some((id) => this.verdict(persona, id, category, related(id)) === 'withhold') ? 'withhold' : 'release';
    for (const [key, value] of Object.entries(concern)) {
      if (key === 'children' || value === null || value === undefined) continue;
      const category = key === 'raisedBy' ? 'REPORTER_IDENTITY' : 'CONCERN';
      if (concernVerdict(category) === 'withhold') leaks.push({ persona, path: `${path}.${key}`, category, childId: childIds.join(',') || null });
    }
    children.forEach((child, i) => leaks.push(...this.childLeaks(persona, child, `${path}.children.${i}`, related(childIds[i]))));
    return leaks;
  }
}
