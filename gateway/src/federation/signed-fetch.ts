import { HUB_SIGNATURE_HEADER, HUB_TIMESTAMP_HEADER, HUB_VIEWER_HEADER, signHubRequest } from '../../../common/src/hub-signature.js';

export interface SignedRequestInit {
  method?: string;
  headers?: Iterable<[string, string]> | Record<string, string>;
  body?: string;
}

function headerEntries(headers: SignedRequestInit['headers']): [string, string][] {
  if (!headers) return [];
  if (Symbol.iterator in headers) return [...(headers as Iterable<[string, string]>)];
  return Object.entries(headers);
}

/**
 * `fetch` for hub → subgraph calls: signs timestamp, method, path, viewer header and body
 * with the shared secret, and gives up after `timeoutMs`. Every call to a subgraph, by the
 * planner or by the hub's own fact loading, goes through here.
 */
export function createSignedFetch(secret: string, timeoutMs: number) {
  return async (url: string, init: SignedRequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'POST';
    const body = init.body ?? '';
    const headers = new Headers();
    for (const [key, value] of headerEntries(init.headers)) headers.set(key, value);
    const timestamp = Date.now();
    const viewer = headers.get(HUB_VIEWER_HEADER) ?? '';
    headers.set(HUB_TIMESTAMP_HEADER, String(timestamp));
    headers.set(HUB_SIGNATURE_HEADER, signHubRequest(secret, timestamp, method, new URL(url).pathname, viewer, body));
    return fetch(url, { method, headers, body: method === 'GET' ? undefined : body, signal: AbortSignal.timeout(timeoutMs) });
  };
}
export type SignedFetch = ReturnType<typeof createSignedFetch>;
