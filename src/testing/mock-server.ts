import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buffer } from 'node:stream/consumers';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { computeSignature } from '../auth/sign.js';
import {
  createSchemaCompiler,
  HTTP_METHODS,
  loadSpec,
  resolve,
  type Location,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type ResponseObject,
} from './spec.js';

/** What the mock server keeps of each request. Secrets are redacted before they are stored. */
export interface RecordedRequest {
  method: string;
  /** The path as received, still percent-encoded. */
  path: string;
  /** The `{task_id}` segment, decoded; `undefined` when the path did not match the operation. */
  taskId: string | undefined;
  /** Lower-cased names; `x-auth-token`, `x-security-token` and the signature are `[REDACTED]`. */
  headers: Record<string, string>;
}

/** A scripted answer. Everything is optional: an empty object is 200 `{}`. */
export interface MockResponse {
  /** Default 200. */
  status?: number;
  /** A string is sent as it is; anything else as JSON. Default: `{}` for 200, no body otherwise. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a very long delay is a server that never answers). */
  delayMs?: number;
  /** Destroy the connection instead of answering (after `delayMs`). */
  drop?: boolean;
  /**
   * Send the headers (with the full Content-Length) and half the body, then destroy the connection
   * (`'reset'`) or send nothing more (`'stall'`).
   */
  failBody?: 'reset' | 'stall';
}

/** AK/SK credentials the mock server accepts signatures of. */
export interface MockCredentials {
  accessKey: string;
  secretKey: string;
  /** What `GET /v3/auth/domains` answers for this key, and the `X-Domain-Id` its SMS requests must carry. */
  domainId?: string;
}

export interface MockSmsServerOptions {
  /** The one token accepted; by default any non-empty token is. Another token gets the source's 403. */
  token?: string;
  /**
   * Access keys whose SDK-HMAC-SHA256 signatures are accepted, verified as the gateway does: recomputed
   * from the request received and the headers named in SignedHeaders, `X-Sdk-Date` within 15 minutes.
   * A bad signature gets 401. These keys can also call IAM's `GET /v3/auth/domains` here.
   */
  credentials?: MockCredentials[];
  /**
   * Scripts the answer to a valid, authenticated request; `undefined` keeps the default (200 `{}`).
   * `index` counts requests from 0, invalid ones included.
   */
  respond?: (request: RecordedRequest, index: number) => MockResponse | undefined | Promise<MockResponse | undefined>;
  /** Port on 127.0.0.1 (default 0: a free one). */
  port?: number;
  /**
   * Files served on GET at these paths (e.g. `/index.html`), not recorded: lets a browser test load a
   * page from the server's own origin, so its calls need no CORS.
   */
  files?: Record<string, { contentType: string; body: string | Uint8Array }>;
}

export interface MockSmsServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`: pass it as the client's `endpoint`. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Stops listening, ends open connections and pending answers. */
  close(): Promise<void>;
}

const REDACTED = '[REDACTED]';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const DEFAULT_DOMAIN_ID = 'mock-domain-id';
const DOMAINS_PATH = '/v3/auth/domains';
const SECRET_HEADERS = new Set(['x-auth-token', 'x-security-token']);

interface Route {
  template: string;
  segments: string[];
  methods: Map<string, CompiledOperation>;
}
interface CompiledOperation {
  parameters: { parameter: Parameter; validate: ValidateFunction }[];
}
type Match =
  | { kind: 'operation'; pathParams: Record<string, string> }
  | { kind: 'domains' }
  | { kind: 'error'; status: number; code: string; message: string };

/**
 * Starts a local SMS look-alike on 127.0.0.1, driven by the bundled spec: it checks the method, path,
 * parameters and authentication of each request, answers as the spec says (400/401/403/404/405 in the
 * service's error envelope, the source's 403 example for a wrong token, 200 `{}` otherwise) and records
 * every request. Every answer carries an `X-Request-Id`.
 */
export async function startMockSmsServer(options: MockSmsServerOptions = {}): Promise<MockSmsServer> {
  const { routes, forbiddenBody } = compiledSpec();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        done();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await buffer(req);
    const url = new URL(req.url ?? '/', 'http://mock');
    const file = req.method === 'GET' ? options.files?.[url.pathname] : undefined;
    if (file) {
      res.writeHead(200, { 'Content-Type': file.contentType }).end(file.body);
      return;
    }
    const match: Match =
      req.method === 'GET' && url.pathname === DOMAINS_PATH
        ? { kind: 'domains' }
        : matchRoute(routes, req.method ?? 'GET', url.pathname, req.headers);
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      taskId: match.kind === 'operation' ? match.pathParams.task_id : undefined,
      headers: redactHeaders(req.headers),
    };
    const index = requests.push(record) - 1;

    if (match.kind === 'error') return send(res, { status: match.status, body: envelope(match.code, match.message) });
    const auth = await authenticate(req, body, match.kind === 'domains');
    if ('denied' in auth) return send(res, auth.denied);
    if (match.kind === 'domains') {
      return send(res, { body: { domains: [{ id: auth.credentials?.domainId ?? DEFAULT_DOMAIN_ID, name: 'mock' }] } });
    }

    const scripted = (await options.respond?.(record, index)) ?? {};
    if (scripted.delayMs) await wait(scripted.delayMs);
    if (scripted.drop) {
      req.socket.destroy();
      return;
    }
    const { status = 200 } = scripted;
    send(res, { body: status === 200 ? {} : undefined, ...scripted, status });
  }

  /** Token or signature checks: the credentials that signed, or the answer refusing the request. */
  async function authenticate(
    req: IncomingMessage,
    body: Uint8Array,
    isDomainLookup: boolean,
  ): Promise<{ credentials?: MockCredentials } | { denied: MockResponse }> {
    const refuse = (message: string) => ({ denied: { status: 401, body: envelope('MOCK.Unauthenticated', message) } });
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string' && token !== '') {
      return options.token === undefined || token === options.token ? {} : { denied: { status: 403, body: forbiddenBody } };
    }
    const authorization = req.headers.authorization;
    if (!authorization) return refuse('No X-Auth-Token or Authorization header.');
    const parsed = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/.exec(authorization);
    if (!parsed) return refuse('Authorization is not an SDK-HMAC-SHA256 signature.');
    const [, accessKey, signedHeaders, signature] = parsed as unknown as [string, string, string, string];
    const credentials = options.credentials?.find((entry) => entry.accessKey === accessKey);
    if (!credentials) return refuse('Unknown access key.');
    const names = signedHeaders.split(';');
    if (!names.includes('host') || !names.includes('x-sdk-date')) return refuse('host and x-sdk-date must be signed.');
    const headers = new Headers();
    for (const name of names.filter((name) => name !== 'host')) {
      const value = req.headers[name];
      if (value === undefined) return refuse(`Signed header ${name} is missing.`);
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const date = parseSdkDate(headers.get('x-sdk-date') ?? '');
    if (date === undefined || Math.abs(Date.now() - date) > MAX_CLOCK_SKEW_MS) {
      return refuse('X-Sdk-Date is missing, malformed or more than 15 minutes off.');
    }
    const expected = await computeSignature(
      { method: req.method ?? 'GET', url: `http://${req.headers.host}${req.url}`, headers, body },
      credentials,
    );
    if (expected.signature !== signature) return refuse('The signature does not match.');
    if (!isDomainLookup) {
      const domainId = headers.get('x-domain-id');
      if (domainId === null) return refuse('Global credentials must send a signed X-Domain-Id.');
      if (domainId !== (credentials.domainId ?? DEFAULT_DOMAIN_ID)) return refuse('X-Domain-Id is not the domain of the access key.');
    }
    return { credentials };
  }

  // Node's default 16 KiB header limit would refuse the longest token the spec allows (16384 characters).
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: envelope('MOCK.InternalError', String(error)) });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function send(res: ServerResponse, { status = 200, body, headers = {}, failBody }: MockResponse): void {
  if (res.destroyed) return;
  const bytes = Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
  const isJson = body !== undefined && typeof body !== 'string';
  res.writeHead(status, {
    'X-Request-Id': randomUUID().replaceAll('-', ''),
    'Content-Length': bytes.length,
    ...(isJson && { 'Content-Type': 'application/json' }),
    ...headers,
  });
  if (!failBody) {
    res.end(bytes);
    return;
  }
  res.write(bytes.subarray(0, bytes.length >> 1));
  if (failBody === 'reset') res.destroy();
}

/** `YYYYMMDDTHHMMSSZ` → epoch ms. */
function parseSdkDate(value: string): number | undefined {
  const parts = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!parts) return undefined;
  const [, year, month, day, hour, minute, second] = parts.map(Number) as [number, ...number[]];
  return Date.UTC(year!, month! - 1, day, hour, minute, second);
}

function envelope(code: string, message: string) {
  return { error_code: code, error_msg: message };
}

function redactHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    if (SECRET_HEADERS.has(name)) out[name] = REDACTED;
    else if (name === 'authorization') out[name] = text.replace(/Signature=[^,\s]*/g, `Signature=${REDACTED}`);
    else out[name] = text;
  }
  return out;
}

/** The spec's routes and the source's 403 body: read and compiled once, shared by every server. */
let compiled: { routes: Route[]; forbiddenBody: unknown } | undefined;
function compiledSpec() {
  if (!compiled) {
    const spec = loadSpec();
    compiled = { routes: compileRoutes(spec), forbiddenBody: exampleOf(spec, '/v3/tasks/{task_id}/unlock', 'post', '403') };
  }
  return compiled;
}

function compileRoutes(spec: OpenApiDocument): Route[] {
  const compile = createSchemaCompiler(spec);
  return Object.entries(spec.paths).map(([template, pathItem]) => {
    const methods = new Map<string, CompiledOperation>();
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Operation | undefined;
      if (!operation) continue;
      const at: Location = ['paths', template];
      const declared = [
        ...(pathItem.parameters ?? []).map((node, i) => resolve(spec, node, [...at, 'parameters', String(i)])),
        ...(operation.parameters ?? []).map((node, i) => resolve(spec, node, [...at, method, 'parameters', String(i)])),
      ];
      methods.set(method.toUpperCase(), {
        parameters: declared.map(({ value, at: where }) => ({
          parameter: value,
          validate: compile([...where, 'schema']),
        })),
      });
    }
    return { template, segments: template.split('/'), methods };
  });
}

function matchRoute(routes: Route[], method: string, path: string, headers: IncomingMessage['headers']): Match {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const pathParams: Record<string, string> = {};
    const matches = route.segments.every((expected, i) => {
      const actual = segments[i] ?? '';
      const name = /^\{(.+)\}$/.exec(expected)?.[1];
      if (name === undefined) return expected === actual;
      try {
        pathParams[name] = decodeURIComponent(actual);
        return true;
      } catch {
        return false;
      }
    });
    if (!matches) continue;
    const operation = route.methods.get(method);
    if (!operation) return { kind: 'error', status: 405, code: 'MOCK.MethodNotAllowed', message: `${method} is not allowed on ${route.template}.` };
    for (const { parameter, validate } of operation.parameters) {
      const value = parameter.in === 'path' ? pathParams[parameter.name] : headerValue(headers, parameter);
      if (value === undefined) {
        if (parameter.required) return invalid(`Missing ${parameter.in} parameter ${parameter.name}.`);
        continue;
      }
      if (!validate(value)) return invalid(`Invalid ${parameter.in} parameter ${parameter.name}: ${validate.errors?.[0]?.message ?? 'invalid'}.`);
    }
    return { kind: 'operation', pathParams };
  }
  return { kind: 'error', status: 404, code: 'MOCK.NotFound', message: `No operation at ${path}.` };
}

function headerValue(headers: IncomingMessage['headers'], parameter: Parameter): string | undefined {
  if (parameter.in !== 'header') return undefined;
  const value = headers[parameter.name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function invalid(message: string): Match {
  return { kind: 'error', status: 400, code: 'MOCK.InvalidRequest', message };
}

function exampleOf(spec: OpenApiDocument, path: string, method: string, status: string): unknown {
  const operation = spec.paths[path]?.[method] as Operation;
  const { value } = resolve<ResponseObject>(spec, operation.responses[status]!, []);
  return value.content?.['application/json']?.example;
}
