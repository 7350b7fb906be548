/**
 * The data model shared by the service, the CLI and the UI. Everything here is plain,
 * serialisable data: it crosses IPC and HTTP as JSON.
 */

/** A floating calendar day, `YYYY-MM-DD`. Never converted through a time zone. */
export type Day = string;
/** A floating wall-clock time, `HH:MM:SS`. */
export type Time = string;

/** What a file in the archive turned out to be. */
export type FileKind = 'chat' | 'timeline' | 'document' | 'skipped';

/** A problem with one file: which file, which line when known, and a sentence for a person. */
export interface Diagnostic {
  path: string;
  line?: number;
  message: string;
}

/** One message as the parser found it in a file. */
export interface ParsedMessage {
  time: Time;
  /** As written in the header, trimmed; empty in speakerless (timeline) logs. */
  speaker: string;
  /** The message's lines joined with `\n`, trailing blanks removed, HTML entities decoded. */
  text: string;
  /** 1-based line of the header in the file. */
  line: number;
  /** Set only under a day marker (`<!-- day: YYYY-MM-DD -->`, written by Scrollback's Markdown
   *  export of several days); otherwise the file's day applies. */
  day?: Day;
}

/** The result of reading one file. */
export interface ParsedFile {
  /** Path relative to the archive root, with `/` separators. */
  path: string;
  kind: FileKind;
  /** The day of the file's messages, or null when neither name nor front matter gives one. */
  day: Day | null;
  title: string | null;
  messages: ParsedMessage[];
  diagnostics: Diagnostic[];
}

/** A message placed in its conversation and day. `id` is stable while an archive is open. */
export interface Message {
  id: number;
  conversation: string;
  day: Day;
  time: Time;
  speaker: string;
  text: string;
  /** Source file (relative path) and line of the header, for diagnostics and "show in file". */
  path: string;
  line: number;
  /** When this message repeats another in the same second under another name of the same person
   *  (the exporter's echo), the id of the first one. The UI folds echoes by default. */
  echoOf?: number;
}

/** A piece of message text, for display. Concatenating every token's `text` gives the message. */
export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'emoji'; text: string; name: string }
  | { kind: 'mention'; text: string; name: string }
  | { kind: 'url'; text: string; href: string }
  | { kind: 'image'; text: string; alt: string; src: string }
  | { kind: 'file'; text: string; name: string };

export type TokenKind = Token['kind'];

/** A conversation: the folder of its files relative to the archive root, `_posts` dropped. */
export interface ConversationSummary {
  id: string;
  title: string;
  messages: number;
  days: number;
  /** Distinct speaker names, before alias grouping. */
  speakers: number;
  first: Day;
  last: Day;
}

/** A group card `name-company-role-city`, split; absent parts are omitted. */
export interface GroupCard {
  name: string;
  company?: string;
  role?: string;
  city?: string;
}

/** One name as it appears in a conversation. */
export interface SpeakerSummary {
  name: string;
  messages: number;
  first: Day;
  last: Day;
  card: GroupCard;
  /** The person this name belongs to (see PersonSummary.id). */
  person: string;
}

/** Names that echo pairs show to be one person. */
export interface PersonSummary {
  /** The id: the name with the most messages among the person's names. */
  id: string;
  names: string[];
  messages: number;
  /** How many echo pairs tie these names together (0 for a person with one name). */
  evidence: number;
}

/** Activity of one day in a conversation (for calendars and day navigation). */
export interface DayActivity {
  day: Day;
  messages: number;
}

export interface FileCounts {
  total: number;
  chat: number;
  timeline: number;
  document: number;
  skipped: number;
}
