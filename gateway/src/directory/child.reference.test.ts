import type { HubContext } from '../context';
import { resolveChildReference } from './child.reference';

/** Records which facts a reference asks for; the directory answers nothing. */
function contextWith(factPrefetch: HubContext['factPrefetch']) {
  const asked = { relationships: [] as string[], consents: [] as string[], identities: [] as string[] };
  const context = {
    factPrefetch,
    relationships: { forChild: async (id: string) => void asked.relationships.push(id) },
    loaders: {
      consents: { load: async (id: string) => void asked.consents.push(id) },
      childById: { load: async (id: string) => (asked.identities.push(id), null) },
    },
  } as unknown as HubContext;
  return { context, asked };
}

describe('resolveChildReference', () => {
  it('asks for the relationship (and consents when needed) while the plan runs, under the policy', async () => {
    const { context, asked } = contextWith({ consents: true });
    await resolveChildReference({ id: 'child-lea' }, context);
    expect(asked).toEqual({ relationships: ['child-lea'], consents: ['child-lea'], identities: ['child-lea'] });
  });

  it('leaves consents alone when the operation needs none', async () => {
    const { context, asked } = contextWith({ consents: false });
    await resolveChildReference({ id: 'child-lea' }, context);
    expect(asked).toEqual({ relationships: ['child-lea'], consents: [], identities: ['child-lea'] });
  });

  it('asks for nothing but the identity without the policy, or for an id that names no child', async () => {
    for (const [prefetch, id] of [[null, 'child-lea'], [{ consents: true }, 'not a child id\u0000']] as const) {
      const { context, asked } = contextWith(prefetch);
      await resolveChildReference({ id }, context);
      expect(asked).toEqual({ relationships: [], consents: [], identities: [id] });
    }
  });
});
