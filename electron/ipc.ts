/**
 * The IPC transport of the one contract (shared/api.ts), both ends, without importing Electron:
 * main.ts passes in ipcMain and callApi, preload.ts passes in ipcRenderer's invoke and on/off.
 * The channel of a method is IPC_PREFIX + its name, for every method in API_METHODS and nothing
 * else, so the preload and the handlers are generated from the same list and cannot drift.
 *
 * The preload bundles this file, so its only runtime imports are dependency-free modules
 * (shared/apiMethods.ts, windowOptions.ts): no zod, no service code.
 */
import type { ApiEvent, ApiRequest, ApiResponse, ApiResults } from '../shared/api';
import { API_METHODS, IPC_PREFIX, type ApiMethod } from '../shared/apiMethods';
import { APP_ORIGIN } from './windowOptions';

type IpcMain = import('electron').IpcMain;
type IpcMainInvokeEvent = import('electron').IpcMainInvokeEvent;

/**
 * What the preload puts on `window.scrollback`: one function per API method, answering with an
 * ApiResponse (errors are data: an Error thrown across contextBridge loses its code), and a
 * subscription to ApiEvents that returns its unsubscribe function. Nothing else.
 */
export type ApiBridge = {
  [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<ApiResults[M]>>;
} & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

export function channelOf(method: ApiMethod): string {
  return `${IPC_PREFIX}${method}`;
}

/** The bridge, built mechanically from API_METHODS over the given invoke and subscription. */
export function createBridge(
  invoke: (channel: string, request: unknown) => Promise<unknown>,
  subscribe: (listener: (event: ApiEvent) => void) => () => void,
): ApiBridge {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [method, (request: unknown) => invoke(channelOf(method), request)]),
  );
  return { ...(methods as Omit<ApiBridge, 'onEvent'>), onEvent: (listener) => subscribe(listener) };
}

/** Whether a frame's URL is the app's own page (scrollback://app/...), not something it navigated to. */
export function isAppPage(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Registers one handler on a channel that must carry our prefix; each call is answered only
 * when `trusted` says the sender is our window's main frame (not a subframe, not another page).
 */
export function handleValidated(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  trusted: (event: IpcMainInvokeEvent) => boolean,
  handler: (argument: unknown) => Promise<unknown>,
): void {
  if (!channel.startsWith(IPC_PREFIX))
    throw new Error(`IPC channel "${channel}" lacks the prefix "${IPC_PREFIX}".`);
  ipcMain.handle(channel, async (event, argument: unknown) => {
    if (!trusted(event))
      throw new Error(`Refused ${channel}: the call did not come from the Scrollback window.`);
    return handler(argument);
  });
}

/**
 * One handler per API method. `call` is callApi over the app's API (electron/service/api.ts):
 * the argument is parsed by the method's schema there, and failures come back as data.
 */
export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  call: (method: ApiMethod, argument: unknown) => Promise<ApiResponse<unknown>>,
  trusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of API_METHODS)
    handleValidated(ipcMain, channelOf(method), trusted, (argument) => call(method, argument));
}
