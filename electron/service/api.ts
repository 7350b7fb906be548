/**
 * The API object both transports serve: each method of shared/api.ts mapped onto the service,
 * plus the few calls that need the host (a folder dialog, the system browser, a save dialog).
 * `callApi` is the one entry point: it parses the argument with the method's schema and turns
 * failures into data.
 */
import type { ApiMethod, ApiResponse, ApiResults, ScrollbackApi } from '../../shared/api';
import { ServiceError, parseRequest } from '../../shared/api';
import type { ArchiveService } from './archiveService';
import type { SettingsStore } from './settings';
import { errorMessage } from '../../shared/errors';
import { MAX_ANSWER_CHARACTERS, jsonLongerThan } from './answerSize';

/** What only the host (Electron's main process, or the HTTP host) can do. */
export interface Host {
  chooseFolder(): Promise<string | null>;
  openExternal(url: string): Promise<boolean>;
  exportMessages: ScrollbackApi['exportMessages'];
  resolveExportPath: ScrollbackApi['resolveExportPath'];
  /** Refuses a folder this host may not open (under `serve`, one outside the served folder). */
  checkFolder?(path: string): Promise<void>;
}

export function createApi(
  service: ArchiveService,
  settings: SettingsStore,
  host: Host,
): ScrollbackApi {
  return {
    openArchive: async ({ path }) => {
      await host.checkFolder?.(path);
      return service.open(path);
    },
    openSample: async () => service.openSample(),
    chooseFolder: async () => ({ path: await host.chooseFolder() }),
    getStatus: async () => service.status(),
    getDays: async ({ conversation }) => service.days(conversation),
    getDayMessages: async ({ conversation, day, cursor, limit }) =>
      service.dayMessages(conversation, day, { cursor, limit }),
    getPersonMessages: async ({ conversation, person, cursor, limit }) =>
      service.personMessages(conversation, person, { cursor, limit: limit ?? 500 }),
    getSpeakers: async ({ conversation, day }) => service.speakers(conversation, day),
    locateMessage: async ({ id }) => service.locate(id),
    getMessageSources: async ({ id }) => ({ sources: service.messageSources(id) }),
    getThread: async ({ id }) => ({ messages: service.thread(id) }),
    search: async ({ query, limit, cursor, order, conversation }) =>
      service.search(query, { limit, cursor, order, conversation }),
    mergeConversations: async ({ ids }) => service.mergeConversations(ids),
    separateConversation: async ({ conversation }) => service.separateConversation(conversation),
    getDiagnostics: async () => service.diagnostics(),
    exportMessages: (request) => host.exportMessages(request),
    resolveExportPath: (request) => host.resolveExportPath(request),
    getSettings: async () => settings.get(),
    setSettings: async (patch) => {
      const before = await settings.get();
      const after = await settings.update(patch);
      if (after.timeZone !== before.timeZone) await service.settingsChanged(after);
      return after;
    },
    openExternal: async ({ url }) => {
      // Only web links leave the app, and only when the user clicked one.
      if (!/^https?:\/\//i.test(url))
        throw new ServiceError('invalid-argument', 'Only http and https links can be opened.');
      return { opened: await host.openExternal(url) };
    },
  };
}

/**
 * Calls one method with an untrusted argument; never throws. An answer too large for one
 * message of either transport comes back as an error that says so.
 */
export async function callApi<M extends ApiMethod>(
  api: ScrollbackApi,
  method: M,
  argument: unknown,
): Promise<ApiResponse<ApiResults[M]>> {
  try {
    const request = parseRequest(method, argument);
    const call = api[method] as (request: unknown) => Promise<ApiResults[M]>;
    const value = await call(request);
    if (jsonLongerThan(value, MAX_ANSWER_CHARACTERS))
      throw new ServiceError(
        'unsupported',
        `${method}: the answer is larger than the ${MAX_ANSWER_CHARACTERS / 1024 / 1024} MB one answer may be (an archive message may be very long); ask for less, for example a smaller page of results.`,
      );
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ServiceError)
      return { ok: false, error: { code: error.code, message: error.message } };
    return {
      ok: false,
      error: { code: 'internal', message: errorMessage(error) },
    };
  }
}
