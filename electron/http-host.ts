/**
 * The HTTP host: the built renderer and the API (shared/api.ts) on loopback, for `scrollback
 * serve` and the e2e tests. It is the second transport of the one contract; every call goes
 * through callApi like the app's IPC handlers do.
 *
 * Everything sits under a secret path, so that no other local process or web page can read the
 * archive:
 *
 *   GET  /t/TOKEN/                  the renderer (index.html), and its files beside it
 *   POST /t/TOKEN/api/<method>      JSON argument in, JSON ApiResponse out (200 even for an
 *                                   error the service reports: errors are data)
 *   GET  /t/TOKEN/api/events        server-sent events, one ApiEvent as JSON per `data:` line
 *   GET  /t/TOKEN/api/image?from=F&src=S   an archive image: S as written in the Markdown file
 *                                   F (Message.path); only image files inside the archive
 *
 * The renderer can therefore use relative URLs (`api/search`, `api/image?...`) from its page. A
 * request may instead carry the token in an `X-Scrollback-Token` header or a `token` query
 * parameter (EventSource cannot send headers) at `/api/...`. Without the token: 403. The server binds 127.0.0.1 only, checks the Host header (a DNS-rebinding page
 * names its own host), refuses foreign Origins and sends no CORS headers.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve } from 'node:path';
import type { ApiEvent, ApiMethod } from '../shared/api';
import { API_METHODS } from '../shared/api';
import { callApi, createApi, type Host } from './service/api';
import type { ArchiveService } from './service/archiveService';
import { exportToFile } from './service/export';
import { chromiumPrinter } from './service/export/pdf';
import { REFUSAL_STATUS, imageHeaders, isInside, readArchiveImage } from './service/imagePath';
import { mediaHeaders, readArchiveMedia } from './service/media';
import type { SettingsStore } from './service/settings';
import { contentSecurityPolicy } from './windowOptions';
import { errorMessage } from '../shared/errors';

export interface HttpHostOptions {
  service: ArchiveService;
  settings: SettingsStore;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Given by tests; otherwise random. */
  token?: string;
}

export interface HttpHost {
  /** The URL to open: http://127.0.0.1:PORT/t/TOKEN/ */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The loopback address the host binds, and the only one. */
const LOOPBACK = '127.0.0.1';
/** Large enough for an export of a million message ids, small enough to refuse a flood. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const EVENT_KEEPALIVE_MS = 20_000;

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * What the browser cannot do for the service: no folder dialog, no system browser. Export writes
 * the file the page names (`request.path`); PDF is printed by a headless Chromium, when one is
 * installed.
 */
export function browserHost(service: ArchiveService, settings: SettingsStore): Host {
  return {
    chooseFolder: async () => null,
    // The renderer opens the link itself (target=_blank rel="noopener noreferrer").
    openExternal: async () => false,
    exportMessages: async (request) =>
      exportToFile(service, request, chromiumPrinter(), { me: (await settings.get()).me }),
  };
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const api = createApi(
    options.service,
    options.settings,
    browserHost(options.service, options.settings),
  );
  const methods = new Set<string>(API_METHODS);
  const rendererDir = resolve(options.rendererDir);
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, 'text/plain; charset=utf-8', 'Internal error.');
      else response.destroy();
      process.stderr.write(`scrollback serve: ${errorMessage(error)}\n`);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host, port))
      return send(response, 403, 'text/plain; charset=utf-8', 'Host not allowed.');
    if (!originAllowed(request, port))
      return send(response, 403, 'text/plain; charset=utf-8', 'Cross-origin requests are refused.');
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    // `/t/TOKEN` without its slash would break the page's relative URLs.
    if (/^\/t\/[^/]+$/.test(url.pathname) && sameSecret(url.pathname.slice(3), token)) {
      response.setHeader('Location', `${url.pathname}/`);
      return send(response, 308, 'text/plain; charset=utf-8', 'Moved.');
    }
    const path = authorizedPath(url, request.headers['x-scrollback-token'], token);
    if (path === null)
      return send(
        response,
        403,
        'text/plain; charset=utf-8',
        'This address needs the token printed by "scrollback serve".',
      );

    if (path.startsWith('api/')) {
      const method = path.slice('api/'.length);
      if (method === 'image') {
        if (request.method !== 'GET' && request.method !== 'HEAD')
          return methodNotAllowed(response, 'GET, HEAD');
        return sendImage(
          response,
          url.searchParams.get('from') ?? '',
          url.searchParams.get('src') ?? '',
        );
      }
      if (method === 'media') {
        if (request.method !== 'GET' && request.method !== 'HEAD')
          return methodNotAllowed(response, 'GET, HEAD');
        return sendMedia(response, url.searchParams.get('path') ?? '');
      }
      if (method === 'events') {
        if (request.method !== 'GET') return methodNotAllowed(response, 'GET');
        return streamEvents(request, response);
      }
      if (!methods.has(method))
        return sendJson(response, 404, {
          ok: false,
          error: { code: 'not-found', message: `There is no API method "${method}".` },
        });
      if (request.method !== 'POST') return methodNotAllowed(response, 'POST');
      return answerCall(request, response, method as ApiMethod);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return methodNotAllowed(response, 'GET, HEAD');
    return sendStatic(request, response, path === '' ? 'index.html' : path);
  }

  async function answerCall(
    request: IncomingMessage,
    response: ServerResponse,
    method: ApiMethod,
  ): Promise<void> {
    // JSON only: a plain HTML form cannot send it, so a page cannot post here without a preflight.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return sendJson(response, 415, {
        ok: false,
        error: { code: 'invalid-argument', message: 'Send the argument as application/json.' },
      });
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null) {
      response.setHeader('Connection', 'close');
      return sendJson(response, 413, {
        ok: false,
        error: {
          code: 'invalid-argument',
          message: `The request is larger than ${MAX_BODY_BYTES} bytes.`,
        },
      });
    }
    let argument: unknown = {};
    if (body.length > 0) {
      try {
        argument = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(response, 400, {
          ok: false,
          error: {
            code: 'invalid-argument',
            message: `${method}: the argument is not valid JSON.`,
          },
        });
      }
    }
    sendJson(response, 200, await callApi(api, method, argument));
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    const write = (event: ApiEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
    // The current status first, so a page that connects late starts from the truth.
    write({ type: 'status', status: options.service.status() });
    const unsubscribe = options.service.onEvent(write);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), EVENT_KEEPALIVE_MS);
    // The response closes when the page goes away (or the server stops).
    response.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  async function sendMedia(response: ServerResponse, path: string): Promise<void> {
    const root = options.service.root;
    if (root === null)
      return send(response, 404, 'text/plain; charset=utf-8', 'No archive is open.');
    const media = await readArchiveMedia(root, path);
    if (!media.ok)
      return send(
        response,
        REFUSAL_STATUS[media.reason],
        'text/plain; charset=utf-8',
        `File refused: ${media.reason}.`,
      );
    for (const [name, value] of Object.entries(mediaHeaders(media.contentType)))
      response.setHeader(name, value);
    send(
      response,
      200,
      media.contentType,
      Buffer.from(media.bytes.buffer, media.bytes.byteOffset, media.bytes.byteLength),
    );
  }

  async function sendImage(response: ServerResponse, from: string, src: string): Promise<void> {
    const root = options.service.root;
    if (root === null)
      return send(response, 404, 'text/plain; charset=utf-8', 'No archive is open.');
    const image = await readArchiveImage(root, from, src);
    if (!image.ok)
      return send(
        response,
        REFUSAL_STATUS[image.reason],
        'text/plain; charset=utf-8',
        `Image refused: ${image.reason}.`,
      );
    for (const [name, value] of Object.entries(imageHeaders(image.contentType)))
      response.setHeader(name, value);
    send(response, 200, image.contentType, image.bytes);
  }

  async function sendStatic(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> {
    const file = await rendererFile(rendererDir, path);
    if (file === null) {
      const built = await stat(resolve(rendererDir, 'index.html')).then(
        () => true,
        () => false,
      );
      return built
        ? send(response, 404, 'text/plain; charset=utf-8', 'Not found.')
        : send(
            response,
            503,
            'text/plain; charset=utf-8',
            `The renderer is not built (${rendererDir}): run "npm run build:renderer".`,
          );
    }
    const type = rendererContentType(file);
    if (type.startsWith('text/html')) {
      const settings = await options.settings.get();
      response.setHeader(
        'Content-Security-Policy',
        contentSecurityPolicy({ remoteImages: settings.loadRemoteImages }),
      );
    }
    const bytes = await readFile(file);
    send(response, 200, type, request.method === 'HEAD' ? '' : bytes, bytes.length);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The HTTP host has no port.');
  port = address.port;
  return {
    url: `http://${LOOPBACK}:${port}/t/${token}/`,
    port,
    token,
    close: () => closeServer(server),
  };
}

/**
 * The path after the token ('' for the page itself), or null when the request does not carry
 * the token: in the path (`/t/TOKEN/...`), or at `/...` in the header or the `token` parameter.
 */
function authorizedPath(
  url: URL,
  header: string | string[] | undefined,
  token: string,
): string | null {
  const match = /^\/t\/([^/]*)(?:\/(.*))?$/s.exec(url.pathname);
  if (match) {
    if (!sameSecret(match[1] ?? '', token)) return null;
    return match[2] ?? null;
  }
  const given =
    typeof header === 'string' && header !== '' ? header : url.searchParams.get('token');
  if (given !== null && sameSecret(given, token)) return url.pathname.slice(1);
  return null;
}

/** Only the names this server is reached by on loopback; a rebinding attack sends its own. */
function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-origin requests; ours is the only one accepted. */
function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (
    origin !== undefined &&
    origin !== `http://${LOOPBACK}:${port}` &&
    origin !== `http://localhost:${port}`
  )
    return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A file of the built renderer named by a URL path (percent-encoded, relative), or null; never
 * anything outside rendererDir. The app's protocol (electron/main.ts) serves the page with it too.
 */
export async function rendererFile(rendererDir: string, path: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded) || decoded.split('/').some((part) => part === '..' || part === '.'))
    return null;
  try {
    const [root, file] = await Promise.all([
      realpath(rendererDir),
      realpath(resolve(rendererDir, decoded)),
    ]);
    if (!isInside(root, file) || !(await stat(file)).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}

export function rendererContentType(file: string): string {
  return STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The body, or null once it passes `limit` bytes (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        request.pause();
        resolveBody(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolveBody(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

/** Headers on every answer: no sniffing, no referrer, no framing, no caching, no CORS. */
function baseHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  length?: number,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': type,
    'Content-Length': String(length ?? bytes.length),
  });
  response.end(bytes);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  response.setHeader('Allow', allow);
  send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    // Event streams stay open forever; end them so that close() finishes.
    server.closeAllConnections();
  });
}
