/**
 * The only code in the renderer that knows how calls travel. In the desktop app the preload
 * script exposes the API as `window.scrollback` (Electron IPC); under `scrollback serve` there is
 * no preload, so calls go as JSON over loopback HTTP to the page's own origin, carrying the token
 * the page was opened with. Everything else imports `api`, `onApiEvent` and `archiveImageUrl`.
 */
import type {
  ApiError,
  ApiEvent,
  ApiMethod,
  ApiRequest,
  ApiResponse,
  ApiResults,
  ScrollbackApi,
} from '../shared/api';
import { errorMessage } from '../shared/errors';

/** A failed call: the service's error as data (a code for the UI's sentence, a detail message). */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/**
 * What electron/preload.ts puts on window (electron/ipc.ts, ApiBridge): one function per API
 * method answering with an ApiResponse, and onEvent. Typed loosely here so that the renderer does
 * not import electron/ code; `unwrap` checks the answers' shape.
 */
interface PreloadBridge {
  onEvent?: (listener: (event: ApiEvent) => void) => () => void;
  [method: string]: unknown;
}

declare global {
  interface Window {
    scrollback?: PreloadBridge;
  }
}

const bridge: PreloadBridge | undefined =
  typeof window !== 'undefined' ? window.scrollback : undefined;

/** How this page talks to the service: 'ipc' in the desktop app (a save dialog asks where to
 *  export), 'http' under `scrollback serve` (the page asks for a path itself). */
export const transport: 'ipc' | 'http' = bridge ? 'ipc' : 'http';

/**
 * Under `scrollback serve` the page lives at /t/TOKEN/, so relative URLs (`api/search`) carry the
 * token in their path. A page opened another way may carry it as `?token=`; pass that along.
 */
function tokenQuery(prefix: '?' | '&'): string {
  const token = new URLSearchParams(window.location.search).get('token');
  return token ? `${prefix}token=${encodeURIComponent(token)}` : '';
}

function isResponse(value: unknown): value is ApiResponse<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof (value as { ok: unknown }).ok === 'boolean'
  );
}

/** Turns whatever came back into the value, or throws ApiCallError. */
function unwrap<T>(value: unknown): T {
  if (isResponse(value)) {
    if (value.ok) return value.value as T;
    throw new ApiCallError(value.error);
  }
  return value as T;
}

async function callIpc(method: ApiMethod, request: unknown): Promise<unknown> {
  const target = bridge!;
  const direct = target[method];
  try {
    if (typeof direct === 'function')
      return unwrap(await (direct as (request: unknown) => Promise<unknown>)(request));
  } catch (error) {
    if (error instanceof ApiCallError) throw error;
    throw new ApiCallError({
      code: 'internal',
      message: errorMessage(error),
    });
  }
  throw new ApiCallError({ code: 'unsupported', message: `The app does not offer ${method}.` });
}

async function callHttp(method: ApiMethod, request: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`api/${method}${tokenQuery('?')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request ?? {}),
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiCallError({
      code: 'internal',
      message: `The Scrollback server did not answer (${errorMessage(error)}).`,
    });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiCallError({
      code: 'internal',
      message: `The Scrollback server answered ${response.status} without data.`,
    });
  }
  if (isResponse(body)) return unwrap(body);
  if (!response.ok)
    throw new ApiCallError({
      code: 'internal',
      message: `The Scrollback server answered ${response.status}.`,
    });
  return body;
}

function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResults[M]> {
  const result = bridge ? callIpc(method, request) : callHttp(method, request);
  return result as Promise<ApiResults[M]>;
}

/** The API, typed by the contract in shared/api.ts. */
export const api: ScrollbackApi = new Proxy({} as ScrollbackApi, {
  get: (_target, method: string) => (request: unknown) =>
    call(method as ApiMethod, (request ?? {}) as never),
});

const listeners = new Set<(event: ApiEvent) => void>();
let unsubscribeTransport: (() => void) | null = null;

function dispatch(event: ApiEvent): void {
  for (const listener of [...listeners]) listener(event);
}

/** One connection for every subscriber: the preload's event channel, or an EventSource. */
function connect(): () => void {
  if (bridge) return bridge.onEvent ? bridge.onEvent(dispatch) : () => {};
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(`api/events${tokenQuery('?')}`);
  source.onmessage = (message: MessageEvent<string>) => {
    let event: ApiEvent;
    try {
      event = JSON.parse(message.data) as ApiEvent;
    } catch {
      // A malformed event is dropped; status polling still keeps the UI right.
      return;
    }
    dispatch(event);
  };
  return () => source.close();
}

/** Subscribes to the service's events (progress, changes, menu commands); returns the unsubscribe. */
export function onApiEvent(listener: (event: ApiEvent) => void): () => void {
  listeners.add(listener);
  unsubscribeTransport ??= connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribeTransport) {
      unsubscribeTransport();
      unsubscribeTransport = null;
    }
  };
}

/**
 * The URL of an image stored in the archive: `src` as the Markdown wrote it, resolved by the host
 * against `from`, the Markdown file's archive-relative path. The host serves only image files
 * inside the open archive.
 */
/**
 * The address of a file a message attaches (a photo, a voice note, a document), by its
 * archive-relative path (`folder/export.zip!/IMG-0001.jpg` inside a zip). The host serves only
 * files inside the archive; a missing one answers 404 (shown as "not in this export").
 */
export function archiveMediaUrl(path: string): string {
  return `api/media?${new URLSearchParams({ path }).toString()}${tokenQuery('&')}`;
}

export function archiveImageUrl(from: string, src: string): string {
  // Relative to the page: /t/TOKEN/api/image under serve, scrollback://app/api/image in the app.
  return `api/image?${new URLSearchParams({ from, src }).toString()}${tokenQuery('&')}`;
}
