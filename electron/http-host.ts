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
 *   GET  /t/TOKEN/api/media?path=P          a file a message attaches, by its archive path
 *                                   F (Message.path); only image files inside the archive
 *
 * The renderer can therefore use relative URLs (`api/search`, `api/image?...`) from its page. A
 * request may instead carry the token in an `X-Scrollback-Token` header or a `token` query
 * parameter (EventSource cannot send headers) at `/api/...`. Without the token: 403. The server
 * binds 127.0.0.1 only, checks the Host header (a DNS-rebinding page names its own host),
 * refuses foreign Origins and sends no CORS headers (http/access.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { ApiMethod } from '../shared/api';
import { API_METHODS } from '../shared/api';
import { errorMessage } from '../shared/errors';
import {
  LOOPBACK,
  authorizedPath,
  hostAllowed,
  newToken,
  originAllowed,
  sameSecret,
} from './http/access';
import { browserHost, type BrowserHostOptions } from './http/browserHost';
import { TEXT, methodNotAllowed, send, sendJson } from './http/responses';
import {
  answerCall,
  sendImage,
  sendMedia,
  sendStatic,
  streamEvents,
  type Routes,
} from './http/routes';
import { createApi } from './service/api';
import type { ArchiveService } from './service/archiveService';
import type { SettingsStore } from './service/settings';

export interface HttpHostOptions extends BrowserHostOptions {
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

const API_NAMES = new Set<string>(API_METHODS);

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? newToken();
  const routes: Routes = {
    api: createApi(
      options.service,
      options.settings,
      browserHost(options.service, options.settings, options),
    ),
    service: options.service,
    settings: options.settings,
    rendererDir: resolve(options.rendererDir),
  };
  let port = 0;
  const server = createServer((request, response) => {
    handle(routes, token, port, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, TEXT, 'Internal error.');
      else response.destroy();
      process.stderr.write(`scrollback serve: ${errorMessage(error)}\n`);
    });
  });
  port = await listen(server, options.port ?? 0);
  return {
    url: `http://${LOOPBACK}:${port}/t/${token}/`,
    port,
    token,
    close: () => closeServer(server),
  };
}

/** Checks who asks, then sends the request to its route. */
async function handle(
  routes: Routes,
  token: string,
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!hostAllowed(request.headers.host, port))
    return send(response, 403, TEXT, 'Host not allowed.');
  if (!originAllowed(request, port))
    return send(response, 403, TEXT, 'Cross-origin requests are refused.');
  const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
  // `/t/TOKEN` without its slash would break the page's relative URLs.
  if (/^\/t\/[^/]+$/.test(url.pathname) && sameSecret(url.pathname.slice(3), token)) {
    response.setHeader('Location', `${url.pathname}/`);
    return send(response, 308, TEXT, 'Moved.');
  }
  const path = authorizedPath(url, request.headers['x-scrollback-token'], token);
  if (path === null)
    return send(response, 403, TEXT, 'This address needs the token printed by "scrollback serve".');

  if (!path.startsWith('api/')) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return methodNotAllowed(response, 'GET, HEAD');
    return sendStatic(routes, request, response, path === '' ? 'index.html' : path);
  }
  const method = path.slice('api/'.length);
  if (method === 'image') {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return methodNotAllowed(response, 'GET, HEAD');
    return sendImage(
      routes,
      response,
      url.searchParams.get('from') ?? '',
      url.searchParams.get('src') ?? '',
    );
  }
  if (method === 'media') {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return methodNotAllowed(response, 'GET, HEAD');
    return sendMedia(routes, response, url.searchParams.get('path') ?? '');
  }
  if (method === 'events') {
    if (request.method !== 'GET') return methodNotAllowed(response, 'GET');
    return streamEvents(routes, response);
  }
  if (!API_NAMES.has(method))
    return sendJson(response, 404, {
      ok: false,
      error: { code: 'not-found', message: `There is no API method "${method}".` },
    });
  if (request.method !== 'POST') return methodNotAllowed(response, 'POST');
  return answerCall(routes, request, response, method as ApiMethod);
}

/** Listens on loopback only; resolves with the port. */
async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The HTTP host has no port.');
  return address.port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    // Event streams stay open forever; end them so that close() finishes.
    server.closeAllConnections();
  });
}
