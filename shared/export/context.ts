/**
 * What the formatters need beside the messages: conversation titles, who each speaker is, the
 * export time, and for HTML the archive images the Node side could read. Formatters are pure: the
 * caller gathers all of this first (electron/service/export/), so they run anywhere, even in the
 * renderer for copying a selection as text.
 */
import type { Day, Message } from '../model';
import { compareStrings } from '../archive/compare';

/** How an archive image appears in an HTML export. */
export type ExportImage =
  /** Read from the archive and small enough: embedded, so the file stands alone. */
  | { kind: 'embedded'; dataUri: string }
  /** Too large to embed: a link relative to the exported file (opened by the user, never fetched). */
  | { kind: 'linked'; href: string };

export interface ExportContext {
  /** Conversation id -> title, for headings. Unknown ids show as themselves. */
  conversationTitles: ReadonlyMap<string, string>;
  /** The person a speaker name belongs to in a conversation (PersonSummary.id); the name itself when unknown. */
  personOf(conversation: string, speaker: string): string;
  /** When the export was made, already formatted with its zone (see formatExportTime). */
  exportedAt: string;
  /**
   * Archive images: those written in message text by imageKey(message path, src), attached ones
   * (a photo, a sticker) by attachmentKey(attachment path); an image absent here shows as a
   * placeholder. A linked entry for another attachment (a video, a document) makes its card a
   * link to the file.
   */
  images?: ReadonlyMap<string, ExportImage>;
  /** "This is me" (a speaker name): those bubbles stand on the right, in green, as in WeChat. */
  me?: string | null;
}

/** The key of an image reference: relative sources resolve against their Markdown file. */
export function imageKey(path: string, src: string): string {
  return `${path}\u0000${src}`;
}

/**
 * The key of an attachment by its archive path (Attachment.path). It starts with a NUL, which no
 * message path does, so it never meets an imageKey.
 */
export function attachmentKey(path: string): string {
  return `\u0000${path}`;
}

/** A context with nothing known beyond the messages (tests, copying text). */
export function plainContext(exportedAt: string): ExportContext {
  return {
    conversationTitles: new Map(),
    personOf: (_conversation, speaker) => speaker,
    exportedAt,
  };
}

export function conversationTitle(context: ExportContext, conversation: string): string {
  return context.conversationTitles.get(conversation) ?? conversation;
}

/** The first and last day of some messages, in any order. */
export function dayRange(messages: readonly Message[]): { first: Day; last: Day } | null {
  if (messages.length === 0) return null;
  let first = messages[0]!.day;
  let last = first;
  for (const message of messages) {
    if (message.day < first) first = message.day;
    if (message.day > last) last = message.day;
  }
  return { first, last };
}

/** The days an export covers, for titles: `2018-05-15`, `2018-05-15 – 2018-05-31`, or ''. */
export function dayRangeLabel(messages: readonly Message[]): string {
  const range = dayRange(messages);
  if (range === null) return '';
  return range.first === range.last ? range.first : `${range.first} – ${range.last}`;
}

/** Distinct conversations in the order they first appear. */
export function conversationsOf(messages: readonly Message[]): string[] {
  return [...new Set(messages.map((message) => message.conversation))];
}

export interface PersonCount {
  person: string;
  /** The names this person spoke under in the export, most used first. */
  names: string[];
  messages: number;
}

/** Who speaks in the export, most messages first; speakerless messages and events are not counted. */
export function countPeople(messages: readonly Message[], context: ExportContext): PersonCount[] {
  const byPerson = new Map<string, { messages: number; names: Map<string, number> }>();
  for (const message of messages) {
    if (message.speaker === '' || message.kind === 'event') continue;
    const person = context.personOf(message.conversation, message.speaker);
    let entry = byPerson.get(person);
    if (!entry) byPerson.set(person, (entry = { messages: 0, names: new Map() }));
    entry.messages++;
    entry.names.set(message.speaker, (entry.names.get(message.speaker) ?? 0) + 1);
  }
  return [...byPerson]
    .map(([person, entry]) => ({
      person,
      names: [...entry.names]
        .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
        .map(([name]) => name),
      messages: entry.messages,
    }))
    .sort((a, b) => b.messages - a.messages || compareStrings(a.person, b.person));
}

/**
 * An instant as the local wall clock with its offset said, `2026-11-24 18:30:12 UTC+01:00`. Only
 * the export time goes through Date: archive days and times never do.
 */
export function formatExportTime(instant: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const offset = -instant.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return (
    `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())} ` +
    `${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())} ${zone}`
  );
}
