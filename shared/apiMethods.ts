/**
 * The API's method names and IPC channel names as plain data with no imports: the sandboxed
 * preload bundles this file alone (shared/api.ts would bring zod, ~450 kB, to learn 17 names).
 * shared/api.ts declares one schema per name, and the compiler checks the two lists agree.
 */
export const API_METHODS = [
  'openArchive',
  'openSample',
  'chooseFolder',
  'getStatus',
  'getDays',
  'getDayMessages',
  'getPersonMessages',
  'getSpeakers',
  'locateMessage',
  'getMessageSources',
  'getThread',
  'search',
  'mergeConversations',
  'separateConversation',
  'getDiagnostics',
  'exportMessages',
  'resolveExportPath',
  'getSettings',
  'setSettings',
  'openExternal',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** The prefix of every IPC channel; the channel of a method is prefix + method name. */
export const IPC_PREFIX = 'scrollback:';
export const IPC_EVENT_CHANNEL = 'scrollback-event';
