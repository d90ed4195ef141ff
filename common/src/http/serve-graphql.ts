import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { REQUEST_ID_HEADER } from '../hub-signature.js';
import type { Logger } from '../log.js';

/** What an `authenticate` hook decides about a request before GraphQL sees it. */
export type Authentication<TAuth> =
  | { ok: true; value: TAuth }
  | { ok: false; status: number; code: string; message: string; /** `WWW-Authenticate` of a 401 */ challenge?: string };

export interface GraphQLHttpOptions<TContext extends BaseContext, TAuth> {
  apollo: ApolloServer<TContext>;
  logger: Logger;
  port: number;
  host?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /**
   * Runs on the request before its body is parsed; a refusal answers with its status and
   * code. `body()` reads the raw body (once; later calls give the same). A check that needs
   * only headers should not call it: a refused caller then never has a body held in memory.
   */
  authenticate: (request: IncomingMessage, body: () => Promise<string>) => Promise<Authentication<TAuth>>;
  context: (args: { request: IncomingMessage; auth: TAuth; requestId: string }) => Promise<TContext>;
  /** On close, how long requests already accepted may take to finish (default 10 s). */
  drainTimeoutMs?: number;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  server: Server;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}
class BodyAborted extends Error {}

/**
 * Node's defaults let a client take 60 s to send its headers and 300 s for its body, holding
 * a connection (and what it sent) meanwhile. A request here is a few kilobytes of JSON.
 */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 20_000;

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
    // A client gone before the end of its body: the chunks are let go, not held forever.
    request.on('close', () => {
      if (!request.complete) reject(new BodyAborted());
    });
  });
}

/** The largest body of a refused request read (and dropped) before answering it. */
const DRAINED_BODY_BYTES = 64 * 1024;

/** Reads a request's body to its end without keeping it (a gone client ends it too). */
function discardBody(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    request.on('end', resolve);
    request.on('close', resolve);
    request.on('error', () => resolve());
    request.resume();
  });
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** A request id from the caller if it looks like one, else a fresh one. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}

/**
 * Serves an Apollo Server over plain `node:http`: we need the raw body (to check the hub
 * signature) and control of body size, content type and error shape, which
 * `startStandaloneServer` does not give. `GET /health` answers for orchestration.
 */
export async function serveGraphQL<TContext extends BaseContext, TAuth>(
  options: GraphQLHttpOptions<TContext, TAuth>,
): Promise<RunningHttpServer> {
  const { apollo, logger } = options;
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      logger.error('http.unhandled', { error: error instanceof Error ? error.name : 'unknown' });
      sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  let closing = false;
  /** GraphQL requests accepted before closing began and not yet answered. */
  let inFlight = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && request.method === 'GET') {
      response.writeHead(closing ? 503 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: closing ? 'stopping' : 'ok' }));
      return;
    }
    if (url.pathname !== '/graphql') return sendError(response, 404, 'NOT_FOUND', 'Not found');
    if (closing) {
      response.setHeader('connection', 'close');
      return sendError(response, 503, 'SHUTTING_DOWN', 'Server is shutting down');
    }
    if (request.method !== 'POST' && request.method !== 'GET') {
      return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'Only POST and GET are accepted');
    }
    inFlight += 1;
    try {
      await handleGraphQL(request, response, url);
    } finally {
      inFlight -= 1;
    }
  }

  async function handleGraphQL(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const requestId = requestIdOf(request);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    // Answers about children are never kept by a browser or a proxy cache.
    response.setHeader('cache-control', 'no-store');
    let bodyRead: Promise<string> | undefined;
    const readOnce = () => (bodyRead ??= readBody(request, options.maxBodyBytes));
    let auth: Authentication<TAuth>;
    let rawBody = '';
    try {
      auth = await options.authenticate(request, readOnce);
      if (auth.ok) rawBody = await readOnce();
    } catch (error) {
      if (error instanceof BodyAborted) return;
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        return sendError(response, 413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
      }
      throw error;
    }
    if (!auth.ok) {
      // Refused before its body was read: the body is never held, and the connection is
      // closed after the answer, so a caller without a token cannot have the hub read body
      // after body. A small announced body is read (and dropped) first: a client that sends
      // it all before reading then gets its 401, not a reset. A larger or chunked one is not
      // read at all.
      if (!bodyRead) {
        const declared = Number(request.headers['content-length']);
        if (Number.isInteger(declared) && declared <= DRAINED_BODY_BYTES) await discardBody(request);
      }
      // Refused after its body was read too (a subgraph's signature that does not match).
      response.setHeader('connection', 'close');
      if (auth.challenge) response.setHeader('www-authenticate', auth.challenge);
      return sendError(response, auth.status, auth.code, auth.message);
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (request.method === 'POST') {
      const contentType = headers.get('content-type') ?? '';
      // The media type itself, parameters (charset) aside: `application/jsonx` is not JSON.
      if (contentType.split(';')[0].trim().toLowerCase() !== 'application/json') {
        return sendError(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
      }
      try {
        body = JSON.parse(rawBody);
      } catch {
        return sendError(response, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
      }
    }
    const httpResponse = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'POST', headers, search: url.search, body },
      context: () => options.context({ request, auth: auth.value, requestId }),
    });
    for (const [key, value] of httpResponse.headers) response.setHeader(key, value);
    response.statusCode = httpResponse.status ?? 200;
    if (httpResponse.body.kind === 'complete') {
      response.end(httpResponse.body.string);
      return;
    }
    for await (const chunk of httpResponse.body.asyncIterator) response.write(chunk);
    response.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    server,
    close: async () => {
      // Drain: requests already accepted finish; anything arriving meanwhile (a new
      // connection, or a keep-alive socket's next request) gets 503 SHUTTING_DOWN rather
      // than a reset. Then the listener and the idle sockets close.
      closing = true;
      const deadline = Date.now() + (options.drainTimeoutMs ?? 10_000);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
