/**
 * The one contract between the UI and the archive service. Every call the renderer makes is a
 * method here: async, taking one plain object, returning plain serialisable data. It travels over
 * Electron IPC in the app (electron/preload.ts + electron/ipc.ts) and as JSON over loopback HTTP
 * under `scrollback serve` (electron/http-host.ts); both call the same service. Arguments are
 * parsed by the schemas below on arrival; nothing from the other side is trusted before that.
 */
import { z } from 'zod';
import type { ApiMethod } from './apiMethods';
import type {
  ConversationSummary,
  DayActivity,
  Diagnostic,
  FileCounts,
  Message,
  PersonSummary,
  SpeakerSummary,
} from './model';
import type { QueryProblem } from './query/parse';

// ---------------------------------------------------------------------------------------------
// Argument schemas (one per method), and the types derived from them.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const conversation = z.string().min(1).max(4096);

export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  locale: z.enum(['system', 'en', 'zh-CN']),
  /** "This is me": whose bubbles stand on the right, in green (a speaker name, or null). */
  me: z.string().max(512).nullable(),
  /** Show the exporter's echo duplicates instead of folding them into one bubble. */
  showEchoes: z.boolean(),
  /** Fetch images from the network. Off unless the user turns it on. */
  loadRemoteImages: z.boolean(),
  showSpeakers: z.boolean(),
  /** Speakers of the current day, or of the whole conversation. */
  speakerScope: z.enum(['day', 'conversation']),
  /**
   * The zone in which times stored only as instants (Slack, some Telegram exports) are shown:
   * 'system' for this computer's, or an IANA name such as "Asia/Shanghai".
   */
  timeZone: z.string().min(1).max(64),
  /** Per archive folder: conversations merged into others, as [merged id, into id] pairs. */
  merges: z
    .record(
      z.string().max(4096),
      z.array(z.tuple([z.string().min(1).max(4096), z.string().min(1).max(4096)])).max(10_000),
    )
    .refine((value) => Object.keys(value).length <= 1000),
  /** Conversations pinned to the top of the list, by id, in the order they were pinned. */
  pinned: z.array(conversation).max(1000),
  /** Text size, as a factor of the normal size (the app's zoom is its own menu's). */
  textSize: z.number().min(0.75).max(2),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  locale: 'system',
  me: null,
  showEchoes: false,
  loadRemoteImages: false,
  showSpeakers: true,
  speakerScope: 'day',
  timeZone: 'system',
  merges: {},
  pinned: [],
  textSize: 1,
};

/** Pages of a list: pass `nextCursor` back as `cursor` for the next page; absent on the last. */
const cursor = z.string().max(200);

export const exportFormatSchema = z.enum(['md', 'html', 'pdf', 'json', 'csv', 'txt']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

const apiSchemas = {
  /** Opens a folder as the archive (replacing the open one). */
  openArchive: z.object({ path: z.string().min(1).max(4096) }),
  /** Opens the small sample archive bundled with the app. */
  openSample: z.object({}),
  /** Asks the user for a folder (a native dialog in the app; null where there is none). */
  chooseFolder: z.object({}),
  /** What is open, and how far loading has come. */
  getStatus: z.object({}),
  getDays: z.object({ conversation }),
  /**
   * The messages of one day (events and marked echoes among them), in pages: a day of 10,000
   * messages is fetched as its first screenful and then the rest, so the first screen shows at
   * once. Without a limit, the whole day.
   */
  getDayMessages: z.object({
    conversation,
    day,
    cursor: cursor.optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  }),
  /** Messages of one person (all their names) in a conversation, across days, in pages. */
  getPersonMessages: z.object({
    conversation,
    person: z.string().max(512),
    cursor: cursor.optional(),
    limit: z.number().int().min(1).max(2000).optional(),
  }),
  getSpeakers: z.object({ conversation, day: day.optional() }),
  /** Where a message lives, to open it in its day (search results, routes). */
  locateMessage: z.object({ id: z.number().int().min(0) }),
  /** The files (and lines) a message was read from: its own and its folded copies'. */
  getMessageSources: z.object({ id: z.number().int().min(0) }),
  /** A thread (Slack): its first message and every reply, in time order. */
  getThread: z.object({ id: z.number().int().min(0) }),
  search: z.object({
    query: z.string().max(2000),
    limit: z.number().int().min(1).max(500).optional(),
    cursor: cursor.optional(),
    order: z.enum(['newest', 'oldest']).optional(),
    /** Only this conversation (its exact id), e.g. for its gallery. */
    conversation: conversation.optional(),
  }),
  /**
   * Merges conversations that are one chat (overlapping exports) into the first: their copies
   * fold, and the choice is remembered for this archive folder.
   */
  mergeConversations: z.object({ ids: z.array(conversation).min(2).max(100) }),
  /** Undoes merges into this conversation: its parts are separate again. */
  separateConversation: z.object({ conversation }),
  getDiagnostics: z.object({}),
  exportMessages: z.object({
    ids: z.array(z.number().int().min(0)).max(1_000_000),
    format: exportFormatSchema,
    /** Where to write; omitted in the app to ask the user with a save dialog. */
    path: z.string().min(1).max(4096).optional(),
    overwrite: z.boolean().optional(),
  }),
  /**
   * Where an export to a typed path would go (the browser's export dialog shows it before
   * writing): `~` and relative paths from the home folder, a folder given a file name from the
   * conversation and days of the messages `first` to `last`. Writes nothing.
   */
  resolveExportPath: z.object({
    path: z.string().min(1).max(4096),
    format: exportFormatSchema,
    first: z.number().int().min(0).optional(),
    last: z.number().int().min(0).optional(),
  }),
  getSettings: z.object({}),
  setSettings: settingsSchema.partial(),
  /** Opens an http(s) link in the system browser, after the user clicked it. */
  openExternal: z.object({ url: z.string().max(8192) }),
  // One schema for each name in apiMethods.ts, and no other (satisfies refuses extra keys).
} as const satisfies Record<ApiMethod, z.ZodType>;

export { API_METHODS, IPC_EVENT_CHANNEL, IPC_PREFIX, type ApiMethod } from './apiMethods';
export type ApiRequest<M extends ApiMethod> = z.infer<(typeof apiSchemas)[M]>;

// ---------------------------------------------------------------------------------------------
// Results.

export interface ArchiveInfo {
  root: string;
  /** The folder's own name, for titles. */
  name: string;
  files: FileCounts;
  messages: number;
  conversations: ConversationSummary[];
  diagnostics: number;
  /** Whether this is the bundled sample archive. */
  sample: boolean;
  /**
   * How changes to the folder reach the reader: watched as they happen ('live'), looked for every
   * few seconds ('polling', where the system's watches ran out), not seen for now because a watch
   * failed and is being started again ('restarting'), or not at all ('off').
   */
  watching: 'live' | 'polling' | 'restarting' | 'off';
}

export type ArchiveStatus =
  | { state: 'empty' }
  | {
      state: 'loading';
      root: string;
      phase: 'listing' | 'reading' | 'indexing';
      done: number;
      total: number;
    }
  | { state: 'ready'; archive: ArchiveInfo }
  | { state: 'failed'; root: string; error: ApiError };

export interface SpeakersResult {
  speakers: SpeakerSummary[];
  persons: PersonSummary[];
}

export interface MessagePage {
  messages: Message[];
  /** Pass back as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
  total: number;
}

export interface MessageSource {
  path: string;
  line: number;
}

export interface MessageLocation {
  id: number;
  conversation: string;
  day: string;
}

export interface SearchHit {
  id: number;
  conversation: string;
  day: string;
  time: string;
  speaker: string;
  text: string;
  /** The file it was read from (images in it are relative to this). */
  path: string;
  /** [start, end) UTF-16 offsets into text of each matched term. */
  highlights: [number, number][];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  nextCursor?: string;
  facets: {
    conversations: { id: string; count: number }[];
    speakers: { name: string; count: number }[];
    months: { month: string; count: number }[];
  };
  /** Parts of the query that were not understood, as data (the UI says them in its language). */
  problems: QueryProblem[];
  /** Milliseconds the service spent. */
  took: number;
}

export interface ExportResult {
  /** Where the file was written, or null when the user cancelled the save dialog. */
  path: string | null;
  messages: number;
  bytes: number;
}

export interface ExportTarget {
  /** The full path an export would be written to. */
  path: string;
  /** Whether a file is there already. */
  exists: boolean;
  /** Why the export would be refused (a hidden file of the home folder, a file it may not
   *  replace, a folder that does not exist), or null when it may be written. */
  problem: ApiError | null;
}

export interface ApiResults {
  openArchive: ArchiveInfo;
  openSample: ArchiveInfo;
  chooseFolder: { path: string | null };
  getStatus: ArchiveStatus;
  getDays: DayActivity[];
  getDayMessages: MessagePage;
  getPersonMessages: MessagePage;
  getSpeakers: SpeakersResult;
  locateMessage: MessageLocation;
  getMessageSources: { sources: MessageSource[] };
  getThread: { messages: Message[] };
  mergeConversations: ArchiveInfo;
  separateConversation: ArchiveInfo;
  search: SearchResult;
  getDiagnostics: Diagnostic[];
  exportMessages: ExportResult;
  resolveExportPath: ExportTarget;
  getSettings: Settings;
  setSettings: Settings;
  openExternal: { opened: boolean };
}

/** The API as the renderer sees it. */
export type ScrollbackApi = {
  [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResults[M]>;
};

// ---------------------------------------------------------------------------------------------
// Errors cross the boundary as data: a code the renderer turns into a sentence in the user's
// language, and the service's own sentence (which names the file or folder) for details.

export { ServiceError, type ApiError, type ApiErrorCode } from './apiErrors';
import { ServiceError, type ApiError } from './apiErrors';

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Parses a method's argument; a ServiceError('invalid-argument') names what was wrong. */
export function parseRequest<M extends ApiMethod>(method: M, value: unknown): ApiRequest<M> {
  const result = apiSchemas[method].safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ServiceError(
      'invalid-argument',
      `${method}: ${issue ? `${issue.path.join('.') || 'argument'}: ${issue.message}` : 'invalid argument'}`,
    );
  }
  return result.data as ApiRequest<M>;
}

/** What the app's native menu asks the UI to do (only the Electron host sends these). */
export type MenuCommand =
  'find' | 'export' | 'toggle-speakers' | 'toggle-conversations' | 'open-folder';

/** Progress and change events the service pushes to the UI, and the native menu's commands. */
export type ApiEvent =
  | { type: 'status'; status: ArchiveStatus }
  /**
   * Files changed on disk and were read: the conversations they belong to. No message id comes to
   * name another message (shared/model.ts), so what is selected or linked stays valid.
   */
  | { type: 'changed'; conversations: string[] }
  | { type: 'command'; command: MenuCommand }
  /** Settings changed outside the page (the app's View > Theme menu). */
  | { type: 'settings'; settings: Settings };
