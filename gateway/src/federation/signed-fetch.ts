import http from 'node:http';
import https from 'node:https';
import { HUB_SIGNATURE_HEADER, HUB_TIMESTAMP_HEADER, HUB_VIEWER_HEADER, signHubRequest } from '../../../common/src/hub-signature.js';
import type { SubgraphName } from '../config.js';

export interface SignedRequestInit {
  /** The subgraph called: the signature is made for it alone. */
  subgraph: SubgraphName;
  method?: string;
  headers?: Iterable<[string, string]> | Record<string, string>;
  body?: string;
}

function headerEntries(headers: SignedRequestInit['headers']): [string, string][] {
  if (!headers) return [];
  if (Symbol.iterator in headers) return [...(headers as Iterable<[string, string]>)];
  return Object.entries(headers);
}

/** The call took longer than the subgraph timeout (named like the error of `AbortSignal.timeout`). */
class SubgraphTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** A subgraph's answer, read in full: what the planner's data source and `callSubgraph` read. */
export class SubgraphResponse {
  readonly redirected = false;
  readonly bodyUsed = false;
  readonly headers: Headers;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    rawHeaders: readonly string[],
    private readonly body: string,
  ) {
    this.headers = new Headers();
    for (let index = 0; index + 1 < rawHeaders.length; index += 2) this.headers.append(rawHeaders[index], rawHeaders[index + 1]);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): SubgraphResponse {
    return this;
  }
}

/**
 * Kept-alive connections to the subgraphs. Idle ones are closed after 4 s, before the
 * subgraphs' servers close them (Node's default keep-alive timeout is 5 s), so a request
 * is never written to a connection the other end is closing.
 */
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000, scheduling: 'lifo' as const };

/**
 * `fetch` for hub → subgraph calls: signs target subgraph, timestamp, method, path, viewer
 * header and body with the shared secret, and gives up after `timeoutMs`. Every call to a subgraph, by the
 * planner or by the hub's own fact loading, goes through here. Built on `node:http` with
 * kept-alive connections rather than the global `fetch`, whose streams and abort signals
 * cost more CPU than the rest of a small call.
 */
export function createSignedFetch(secret: string, timeoutMs: number) {
  const agents = { 'http:': new http.Agent(AGENT_OPTIONS), 'https:': new https.Agent(AGENT_OPTIONS) };
  return (url: string, init: SignedRequestInit): Promise<SubgraphResponse> => {
    const target = new URL(url);
    const method = init.method ?? 'POST';
    const body = method === 'GET' ? '' : (init.body ?? '');
    const headers: Record<string, string> = {};
    for (const [key, value] of headerEntries(init.headers)) headers[key.toLowerCase()] = value;
    const timestamp = Date.now();
    headers[HUB_TIMESTAMP_HEADER] = String(timestamp);
    headers[HUB_SIGNATURE_HEADER] = signHubRequest(secret, init.subgraph, timestamp, method, target.pathname, headers[HUB_VIEWER_HEADER] ?? '', init.body ?? '');
    if (body) headers['content-length'] = String(Buffer.byteLength(body));
    const protocol = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
    if (!protocol) return Promise.reject(new TypeError('Only http and https subgraph URLs are supported'));
    return new Promise((resolve, reject) => {
      const request = protocol.request(target, { method, headers, agent: agents[target.protocol as 'http:' | 'https:'] }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolve(new SubgraphResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', response.rawHeaders, Buffer.concat(chunks).toString('utf8')));
        });
        response.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
      const timer = setTimeout(() => request.destroy(new SubgraphTimeoutError('The subgraph did not answer in time')), timeoutMs);
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body || undefined);
    });
  };
}
export type SignedFetch = ReturnType<typeof createSignedFetch>;
