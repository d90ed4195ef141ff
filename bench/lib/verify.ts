import { isDeepStrictEqual } from 'node:util';
import type { Operation } from '../operations.js';
import { type GatewayUnderTest, type GraphQLBody, post } from './gateways.js';

function strip(value: unknown, volatile: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, volatile));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !volatile.includes(key)).map(([key, item]) => [key, strip(item, volatile)]));
}

/** Sets to null, in a copy of `data`, every path the hub reported as redacted. */
function applyRedactions(data: unknown, errors: NonNullable<GraphQLBody['errors']>): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const error of errors) {
    const path = error.path ?? [];
    let node: Record<string | number, unknown> | null = copy;
    for (const step of path.slice(0, -1)) node = (node?.[step] as Record<string | number, unknown> | null) ?? null;
    if (node && path.length > 0) node[path[path.length - 1]] = null;
  }
  return copy;
}

export interface Verification {
  operation: string;
  ok: boolean;
  detail: string;
}

/**
 * Before any number counts: the bare gateways return the same data (no policy), and the
 * hub returns that data with exactly the expected redactions (policy on) and nothing else.
 */
export async function verifyOperation(operation: Operation, gateways: GatewayUnderTest[]): Promise<Verification> {
  const variables = operation.variables?.();
  const bodies = new Map<string, GraphQLBody>();
  const timings: string[] = [];
  for (const gateway of gateways) {
    const started = performance.now();
    bodies.set(gateway.key, await post(gateway, operation.agent, operation.query, variables));
    timings.push(`${gateway.key} ${Math.round(performance.now() - started)} ms`);
  }
  const volatile = operation.volatile ?? [];
  const bare = [...bodies.entries()].filter(([key]) => key !== 'hub');
  const [referenceKey, reference] = bare[0];
  if (reference.errors?.length) return { operation: operation.name, ok: false, detail: `${referenceKey} answered errors: ${JSON.stringify(reference.errors).slice(0, 300)}` };
  for (const [key, body] of bare.slice(1)) {
    if (!isDeepStrictEqual(strip(body.data, volatile), strip(reference.data, volatile))) {
      return { operation: operation.name, ok: false, detail: `${key} and ${referenceKey} return different data` };
    }
  }
  const hub = bodies.get('hub');
  if (!hub) return { operation: operation.name, ok: true, detail: 'no hub' };
  const errors = hub.errors ?? [];
  const expected = operation.expectedRedactions ?? { count: 0, code: '' };
  const wrongCodes = errors.filter((error) => error.extensions?.code !== expected.code);
  if (errors.length !== expected.count || wrongCodes.length > 0) {
    return { operation: operation.name, ok: false, detail: `hub: ${errors.length} errors (expected ${expected.count} ${expected.code}): ${JSON.stringify(errors.slice(0, 2))}` };
  }
  const expectedData = strip(applyRedactions(reference.data, errors), volatile);
  if (!isDeepStrictEqual(strip(hub.data, volatile), expectedData)) {
    return { operation: operation.name, ok: false, detail: 'hub data differs from the bare data beyond the reported redactions' };
  }
  const size = JSON.stringify(reference.data).length;
  return { operation: operation.name, ok: true, detail: `same data (${size} bytes)${expected.count ? `, ${expected.count} ${expected.code} redactions` : ''}; first call ${timings.join(', ')}` };
}
