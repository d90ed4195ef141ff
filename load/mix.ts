import type { DisclosureOracle, Leak, PersonaId } from './oracle.js';

/** One GraphQL answer as the engine received it (null: no HTTP answer at all). */
export interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; path?: unknown[]; extensions?: { code?: string } }> };
}
export type Send = (persona: PersonaId, operationName: string, query: string, variables?: Record<string, unknown>) => Promise<Answer | null>;

export interface JourneyContext {
  send: Send;
  oracle: DisclosureOracle;
  random: () => number;
  /** A fresh, never reused idempotency key. */
  freshKey: () => string;
  leak: (leaks: Leak[]) => void;
  /** An answer that is not what the demo scenario says it should be (not a leak). */
  mismatch: (what: string) => void;
}

export interface Journey {
  name: string;
  /** Relative frequency in the mix. */
  weight: number;
  run(context: JourneyContext): Promise<void>;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const records = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? (value as Array<Record<string, unknown>>) : []);
const record = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' ? (value as Record<string, unknown>) : null);
const codes = (answer: Answer | null) => (answer?.body.errors ?? []).map((error) => error.extensions?.code);

const CHILD_SUMMARY = 'id firstName protectionStatus { level }';
const CONCERN_VIEW = `id status severity raisedBy { name institution } children { ${CHILD_SUMMARY} }`;

/** `child(id:)` asked by `persona`: every labelled field checked, the whole child if unrelated. */
async function askChild(context: JourneyContext, persona: PersonaId, operationName: string, childId: string, selection: string): Promise<Record<string, unknown> | null> {
  const answer = await context.send(persona, operationName, `query ${operationName}($id: ID!) { child(id: $id) { id ${selection} } }`, { id: childId });
  const child = record(answer?.body.data?.child);
  if (child) context.leak(context.oracle.childLeaks(persona, child, 'child'));
  return child;
}

/** Journey 1: "is this child protected, and whom do I call?" (plus fields a nurse may never see). */
const nurseMyChildren: Journey = {
  name: 'nurse-myChildren',
  weight: 4,
  async run(context) {
    const persona = pick(context.random, ['agent-pmi-claire', 'agent-pmi-hugo'] as const);
    const answer = await context.send(
      persona,
      'LoadNurseChildren',
      `query LoadNurseChildren { myChildren { id firstName lastName protectionStatus { level since referent { name phone } } pmiFollowUp { since } placement { address } courtDecisions { id content } } }`,
    );
    const children = records(answer?.body.data?.myChildren);
    children.forEach((child, i) => context.leak(context.oracle.childLeaks(persona, child, `myChildren.${i}`)));
    const expected = persona === 'agent-pmi-claire' ? 'child-lea,child-noah' : 'child-ines';
    const got = children.map((child) => String(child.id)).sort().join(',');
    if (got !== expected) context.mismatch(`${persona} myChildren: ${got || JSON.stringify(codes(answer))}`);
  },
};

/** Journey 2a: the relais flags a concern (fresh key), then follows its own concerns. */
const relaisFlags: Journey = {
  name: 'rpe-flagConcern',
  weight: 1,
  async run(context) {
    const persona = 'agent-rpe-amina';
    const input = {
      idempotencyKey: context.freshKey(),
      childIds: ['child-sacha'],
      childminderId: 'childminder-sophie',
      category: pick(context.random, ['SAFETY', 'HYGIENE', 'OTHER']),
      severity: pick(context.random, ['LOW', 'MEDIUM', 'HIGH']),
      observedAt: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
      description: 'Observation de charge (texte fictif, test de charge).',
    };
    const flagged = await context.send(persona, 'LoadFlag', `mutation LoadFlag($input: FlagConcernInput!) { flagConcern(input: $input) { ${CONCERN_VIEW} } }`, { input });
    const concern = record(flagged?.body.data?.flagConcern);
    if (concern) context.leak(context.oracle.concernLeaks(persona, concern, 'flagConcern', false));
    if (concern?.status !== 'SUBMITTED') context.mismatch(`flagConcern: ${JSON.stringify(codes(flagged))}`);
    const mine = await context.send(persona, 'LoadRelaisConcerns', `query LoadRelaisConcerns { myRelaisConcerns { ${CONCERN_VIEW} } }`);
    records(mine?.body.data?.myRelaisConcerns).forEach((item, i) => context.leak(context.oracle.concernLeaks(persona, item, `myRelaisConcerns.${i}`, false)));
  },
};

/** Journey 2b: the CRIP reads what was submitted and acknowledges one (a concern another agent acknowledged first gives CONFLICT). */
const cripInbox: Journey = {
  name: 'crip-inbox-acknowledge',
  weight: 2,
  async run(context) {
    const persona = pick(context.random, ['agent-crip-karim', 'agent-crip-karim', 'agent-ase-nathalie'] as const);
    const inbox = await context.send(persona, 'LoadInbox', `query LoadInbox { concernsInbox(status: SUBMITTED) { ${CONCERN_VIEW} } }`);
    const concerns = records(inbox?.body.data?.concernsInbox);
    concerns.forEach((item, i) => context.leak(context.oracle.concernLeaks(persona, item, `concernsInbox.${i}`, true)));
    if (!inbox?.body.data?.concernsInbox) context.mismatch(`${persona} concernsInbox: ${JSON.stringify(codes(inbox))}`);
    if (persona !== 'agent-crip-karim' || concerns.length === 0) return;
    const target = pick(context.random, concerns.slice(0, 5));
    const moved = await context.send(persona, 'LoadAcknowledge', `mutation LoadAcknowledge($id: ID!) { acknowledgeConcern(id: $id) { id status acknowledgedAt } }`, { id: target.id });
    const acknowledged = record(moved?.body.data?.acknowledgeConcern);
    if (acknowledged) context.leak(context.oracle.concernLeaks(persona, { ...acknowledged, children: target.children }, 'acknowledgeConcern', true));
    else if (codes(moved).join() !== 'CONFLICT') context.mismatch(`acknowledgeConcern: ${JSON.stringify(codes(moved))}`);
  },
};

/** Journey 3: the whole story of a child, merged in the hub, each event by its category. */
const aseTimeline: Journey = {
  name: 'ase-timeline',
  weight: 3,
  async run(context) {
    const [persona, childId] = pick(context.random, [
      ['agent-ase-julien', 'child-lea'],
      ['agent-ase-julien', 'child-ines'],
      ['agent-ase-nathalie', 'child-sacha'],
      ['agent-tj-helene', 'child-ines'],
    ] as const);
    const child = await askChild(context, persona, 'LoadTimeline', childId, 'firstName timeline { events { at source kind summary category } withheld { category count reason } }');
    const events = records(record(child?.timeline)?.events);
    if (events.length === 0) context.mismatch(`${persona} timeline of ${childId}: no events`);
  },
};

const EVERYTHING = `firstName lastName protectionStatus { level referent { name } } dossier { id } placement { address caregiverName }
  pmiFollowUp { since } healthRecord { checks { findings } } childcare { id } concerns { id raisedBy { name } } courtDecisions { id content }`;

/** Attempts the rules forbid: other roles' categories, children without a relationship, forbidden operations. */
const forbiddenAttempts: Journey = {
  name: 'forbidden-attempts',
  weight: 3,
  async run(context) {
    const [persona, childId] = pick(context.random, [
      ['agent-rpe-amina', 'child-lea'], // relais: identity and childcare only
      ['agent-pmi-claire', 'child-lea'], // nurse: no placement, concerns, court decisions; consent for details
      ['agent-pmi-claire', 'child-ines'], // not hers: as if Inès did not exist
      ['agent-pmi-hugo', 'child-lea'],
      ['agent-ase-julien', 'child-sacha'], // not his référence
      ['agent-crip-karim', 'child-lea'], // no concern received about Léa
      ['agent-tj-helene', 'child-lea'], // judge: no reporter identity, health details need consent
      ['agent-dpo-marc', 'child-lea'], // the DPO sees no child data at all
      ['agent-pmi-claire', null], // a nurse asking for the CRIP's inbox
      ['agent-rpe-amina', null],
    ] as const);
    if (childId) {
      await askChild(context, persona, 'LoadForbidden', childId, EVERYTHING);
      return;
    }
    const inbox = await context.send(persona, 'LoadForbiddenInbox', `query LoadForbiddenInbox { concernsInbox { ${CONCERN_VIEW} description } }`);
    const concerns = inbox?.body.data?.concernsInbox;
    if (records(concerns).length > 0) context.leak([{ persona, path: 'concernsInbox', category: 'CONCERN', childId: null }]);
    else if (codes(inbox).join() !== 'FORBIDDEN') context.mismatch(`${persona} concernsInbox: ${JSON.stringify(codes(inbox))}`);
  },
};

export const MIX: readonly Journey[] = [nurseMyChildren, relaisFlags, cripInbox, aseTimeline, forbiddenAttempts];
