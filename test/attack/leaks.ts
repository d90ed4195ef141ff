/**
 * What no answer to a hostile request may contain: the demo scenario's personal data, and
 * the hub's internals. Built from the seeds (gateway/src/directory/seed.ts,
 * services/pmi/src/seed-data.ts imported; the ASE, RPE and justice seeds keep their data
 * inline in their seed functions, so their strings are transcribed here by hand).
 */
import { DEMO_AGENTS } from '../../dev/demo-agents';
import { DEMO_CHILDREN } from '../../gateway/src/directory/seed';
import { SEED_AGENTS, SEED_CHECKS, SEED_VACCINATIONS, SEED_VISITS } from '../../services/pmi/src/seed-data';

/** Every error code a client may meet under attack with every service up (DESIGN.md, errors.ts, the HTTP layer). */
export const ALLOWED_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN_CATEGORY',
  'NEED_TO_KNOW',
  'CONSENT_REQUIRED',
  'CONFLICT',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COMPLEX',
  'OPERATION_NOT_TRUSTED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
]);
// Deliberately absent: INTERNAL_SERVER_ERROR (a bug), SOURCE_UNAVAILABLE and
// AUDIT_UNAVAILABLE (every part is up: a hostile request must not make one fail).

const CHILD_DATA = DEMO_CHILDREN.flatMap((child) => [child.firstName, child.lastName, child.birthDate, `${child.firstName} ${child.lastName}`]);
const AGENT_DATA = [...DEMO_AGENTS.map((agent) => agent.name), ...SEED_AGENTS.flatMap((agent) => [agent.phone, agent.email])];
const PMI_DATA = [
  ...SEED_VISITS.map((visit) => visit.notes),
  ...SEED_CHECKS.flatMap((check) => [check.findings, check.examinerName ?? '']),
  ...SEED_VACCINATIONS.map((vaccination) => vaccination.details ?? ''),
];
// services/ase/src/seed.ts, services/rpe/src/seed.ts, services/justice/src/seed.ts (transcribed)
const INLINE_SEED_DATA = [
  '01 00 00 00 1', // ASE phones 01 00 00 00 10/12/19
  '01 00 00 00 31',
  '@ase75.example',
  '@rpe75.example',
  '@pmi75.example',
  'Famille Rousseau',
  '12 rue des Lilas',
  '75020',
  'Sophie Bernard',
  'AGR-75-2019-0412',
  'Enfant laissé seul',
  'texte fictif', // every fictional note, decision and concern text of the seeds ends so
  'Ordonne une mesure',
  'Renouvelle le placement',
  'Ordonnance de placement provisoire',
  'Confie l’enfant',
];

/** Personal data of the demo scenario; none of it belongs in an answer to the corpus. */
export const PERSONAL_DATA: readonly string[] = [...new Set([...CHILD_DATA, ...AGENT_DATA, ...PMI_DATA, ...INLINE_SEED_DATA])].filter((item) => item.length >= 3);
export const CHILD_IDS: readonly string[] = DEMO_CHILDREN.map((child) => child.id);

/** Internals: stack frames, SQL and database errors, addresses of the parts. */
export function internalsPatterns(ports: readonly number[]): Array<[string, RegExp]> {
  return [
    ['stack frame', /\bat [\w$.<>[\] ]+ \(|\n\s+at |^\s*at /m],
    ['source file position', /\.(ts|js|mjs|cjs):\d+/],
    ['SQL relation', /relation "/],
    ['SQL syntax error', /syntax error at or near/],
    ['database error', /QueryFailedError|invalid byte sequence|duplicate key value|violates .* constraint|postgres/i],
    ['loopback address', /127\.0\.0\.1|localhost|\[::1\]/],
    ['subgraph name field', /serviceName/],
    ['connection error', /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed/],
    ...ports.map((port): [string, RegExp] => [`port ${port}`, new RegExp(`(?<![\\w.-])${port}(?![\\w.-])`)]),
  ];
}

/** The leaks found in one answer (empty when clean). */
export function leaksIn(text: string, options: { ports: readonly number[]; requestText: string; refused: boolean }): string[] {
  const found: string[] = [];
  for (const item of PERSONAL_DATA) if (text.includes(item) && !options.requestText.includes(item)) found.push(`personal data: ${item}`);
  for (const [label, pattern] of internalsPatterns(options.ports)) if (pattern.test(text)) found.push(label);
  // A refusal says nothing about any child, not even which ids exist.
  if (options.refused) for (const id of CHILD_IDS) if (text.includes(id) && !options.requestText.includes(id)) found.push(`child id: ${id}`);
  return found;
}
