import { Role } from '../../common/src/domain';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { signedAgent } from './other-departement';
import { parisDay } from './policy-oracle';

/**
 * A write ending the writer's relationship vouches for its record's child only as a retry of
 * that writer's own write (policy-executor.ts, vouchedByOwnWrite). "Ending" an arrangement
 * that ended long ago, by someone else, is no retry: the relais no longer relates to the child.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const AMINA = 'agent-rpe-amina';

describe('an end already recorded by someone else is not the writer’s own write', () => {
  it('does not give a relais coordinator an arrangement that ended months ago (child no longer related) by “ending” it again on its end date', async () => {
    const registered = await hubPost<{ registerChildcareArrangement: { id: string } }>(
      federation.hubUrl,
      AMINA,
      `mutation Register($input: RegisterChildcareArrangementInput!) { registerChildcareArrangement(input: $input) { id } }`,
      { input: { idempotencyKey: 'vouch-past-arrangement-ines', childId: 'child-ines', childminderId: 'childminder-sophie', startDate: parisDay(-400), schedule: 'mer. 8h30–17h30' } },
    );
    const id = registered.body.data?.registerChildcareArrangement.id;
    expect(id).toMatch(/^arrangement-/);
    // Amina records that it ended 200 days ago: the relais no longer relates to Inès.
    const end = `mutation End($input: EndChildcareArrangementInput!) { endChildcareArrangement(input: $input) { id childId startDate endDate schedule childminder { name } } }`;
    const first = await hubPost(federation.hubUrl, AMINA, end, { input: { arrangementId: id, endDate: parisDay(-200) } });
    expect(first.body).toEqual({ data: { endChildcareArrangement: { id, childId: 'child-ines', startDate: parisDay(-400), endDate: parisDay(-200), schedule: 'mer. 8h30–17h30', childminder: { name: 'Sophie Bernard' } } } });
    const read = await hubPost(federation.hubUrl, AMINA, `query Read { child(id: "child-ines") { firstName } }`);
    expect(read.body).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
    // A colleague of the same relais, who wrote nothing, "ends" it on the date it ended.
    const colleague = await signedAgent('agent-rpe-colleague', Role.RPE_COORDINATOR, 'RPE-75-11');
    const ended = await hubPost(federation.hubUrl, colleague, end, { input: { arrangementId: id, endDate: parisDay(-200) } });
    expect(JSON.stringify(ended.body)).not.toContain('child-ines');
    expect(JSON.stringify(ended.body)).not.toContain('8h30');
    expect((ended.body.errors ?? []).length).toBeGreaterThan(0);
  });
});
