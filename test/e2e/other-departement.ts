import { Role } from '../../common/src/domain';
import { signDevToken } from '../../dev/sign-dev-token';
import { hubPost } from '../support/hub-client';
import { parisDay } from './policy-oracle';

/** The authorization header of a fictional agent, signed with the development key. */
export async function signedAgent(id: string, role: Role, institution: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await signDevToken({ id, name: 'Agent fictif', role, institution })}` };
}

/**
 * Relates a relais of another département (`relaisInstitution`, e.g. RPE-13-01) to Léa the
 * way a relais comes to know a child: it registers a childminder of its own, places Léa with
 * her from today, and flags a concern about her. The ASE head and the CRIP of that
 * département then relate to Léa through that concern alone. `keyPrefix` keeps each
 * caller's idempotency keys apart, `agrementNumber` its childminder. Throws if a step fails.
 */
export async function relateThroughAConcern(hubUrl: string, relaisInstitution: string, keyPrefix: string, agrementNumber: string): Promise<void> {
  const relais = await signedAgent(`agent-${keyPrefix}-relais`, Role.RPE_COORDINATOR, relaisInstitution);
  const minder = await hubPost<{ registerChildminder: { id: string } }>(hubUrl, relais, `mutation M($input: RegisterChildminderInput!) { registerChildminder(input: $input) { id } }`, {
    input: { idempotencyKey: `${keyPrefix}-minder`, name: 'Assistante fictive', agrementNumber, capacity: 3, agrementValidUntil: '2030-01-31' },
  });
  const arrangement = await hubPost(hubUrl, relais, `mutation A($input: RegisterChildcareArrangementInput!) { registerChildcareArrangement(input: $input) { id } }`, {
    input: { idempotencyKey: `${keyPrefix}-arrangement`, childId: 'child-lea', childminderId: minder.body.data?.registerChildminder.id, startDate: parisDay(0), schedule: 'mer. 8h–18h' },
  });
  const concern = await hubPost(hubUrl, relais, `mutation F($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`, {
    input: { idempotencyKey: `${keyPrefix}-concern`, childIds: ['child-lea'], category: 'SAFETY', severity: 'LOW', observedAt: parisDay(0), description: 'Observation fictive.' },
  });
  const failed = [minder, arrangement, concern].find((response) => response.body.errors !== undefined);
  if (failed) throw new Error(`Could not relate ${relaisInstitution} to Léa: ${JSON.stringify(failed.body.errors)}`);
}
