/** The HTTP host's routes below the token: API calls, the event stream, images, the page. */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { ApiEvent, ApiMethod, ScrollbackApi } from '../../shared/api';
import { callApi } from '../service/api';
import type { ArchiveService } from '../service/archiveService';
import { REFUSAL_STATUS, imageHeaders, readArchiveImage } from '../service/imagePath';
import { mediaHeaders, readArchiveMedia } from '../service/media';
import type { SettingsStore } from '../service/settings';
import { contentSecurityPolicy } from '../windowOptions';
import { rendererContentType, rendererFile } from './rendererFiles';
import { TEXT, baseHeaders, readBody, send, sendJson } from './responses';

/** What the routes answer from. */
export interface Routes {
  api: ScrollbackApi;
  service: ArchiveService;
  settings: SettingsStore;
  rendererDir: string;
}

/** Large enough for an export of a million message ids, small enough to refuse a flood. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const EVENT_KEEPALIVE_MS = 20_000;

/** POST api/<method>: JSON argument in, JSON ApiResponse out (200 even for a service error). */
export async function answerCall(
  routes: Routes,
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
        error: { code: 'invalid-argument', message: `${method}: the argument is not valid JSON.` },
      });
    }
  }
  sendJson(response, 200, await callApi(routes.api, method, argument));
}

/** GET api/events: server-sent events, the current status first, then every change. */
export function streamEvents(routes: Routes, response: ServerResponse): void {
  response.writeHead(200, {
    ...baseHeaders(),
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
  });
  const write = (event: ApiEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
  // The current status first, so a page that connects late starts from the truth.
  write({ type: 'status', status: routes.service.status() });
  const unsubscribe = routes.service.onEvent(write);
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), EVENT_KEEPALIVE_MS);
  // The response closes when the page goes away (or the server stops).
  response.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/** GET api/media?path=P: a file a message attaches, from inside the archive only. */
export async function sendMedia(
  routes: Routes,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const root = routes.service.root;
  if (root === null) return send(response, 404, TEXT, 'No archive is open.');
  const media = await readArchiveMedia(root, path);
  if (!media.ok)
    return send(response, REFUSAL_STATUS[media.reason], TEXT, `File refused: ${media.reason}.`);
  for (const [name, value] of Object.entries(mediaHeaders(media.contentType)))
    response.setHeader(name, value);
  send(response, 200, media.contentType, Buffer.from(media.bytes));
}

/** GET api/image?from=F&src=S: an archive image, through the one containment function. */
export async function sendImage(
  routes: Routes,
  response: ServerResponse,
  from: string,
  src: string,
): Promise<void> {
  const root = routes.service.root;
  if (root === null) return send(response, 404, TEXT, 'No archive is open.');
  const image = await readArchiveImage(root, from, src);
  if (!image.ok)
    return send(response, REFUSAL_STATUS[image.reason], TEXT, `Image refused: ${image.reason}.`);
  for (const [name, value] of Object.entries(imageHeaders(image.contentType)))
    response.setHeader(name, value);
  send(response, 200, image.contentType, image.bytes);
}

/** The page and its files; the page with the same Content-Security-Policy as the app's. */
export async function sendStatic(
  routes: Routes,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const file = await rendererFile(routes.rendererDir, path);
  if (file === null) {
    const built = await stat(resolve(routes.rendererDir, 'index.html')).then(
      () => true,
      () => false,
    );
    return built
      ? send(response, 404, TEXT, 'Not found.')
      : send(
          response,
          503,
          TEXT,
          `The renderer is not built (${routes.rendererDir}): run "npm run build:renderer".`,
        );
  }
  const type = rendererContentType(file);
  if (type.startsWith('text/html')) {
    const settings = await routes.settings.get();
    response.setHeader(
      'Content-Security-Policy',
      contentSecurityPolicy({ remoteImages: settings.loadRemoteImages }),
    );
  }
  const bytes = await readFile(file);
  send(response, 200, type, request.method === 'HEAD' ? '' : bytes, bytes.length);
}
