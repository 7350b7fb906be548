/**
 * The one small interface every archive format is read through. A reader is pure: bytes in,
 * conversations and messages out, no file system, no clock, no network. The Node side
 * (electron/service/) finds files, unzips in memory, picks the reader whose `sniff` is surest,
 * pushes the file's bytes into a session and stores what the sink receives; everything after
 * the reader (folding copies, speakers, store, index, view, export) is the same for every format.
 *
 * Adding a format is one file here that exports a FileReader, one line in `./registry.ts`, and
 * its tests in test/shared/readers/.
 */
import type { Day, Diagnostic, FileKind, FormatId, ParsedMessage } from '../model';

export interface FileReader {
  readonly format: FormatId;
  /**
   * How sure the reader is that this file is its format, from its name and its first bytes
   * (at most HEAD_BYTES): 0 = not mine ... 1 = certain. Never by extension alone: a `.json`
   * that is no Telegram export must score 0. Must not throw.
   */
  sniff(path: string, head: Uint8Array): number;
  /**
   * Other files this one cannot be read without (Slack's `users.json` and `channels.json` beside
   * a channel's day files), as archive-relative paths. The Node side reads them and hands them
   * over through `ReaderContext.companion`; when one changes, this file is read again.
   */
  companions?(path: string): string[];
  /**
   * Larger files are not read (a diagnostic says so). Absent: the cap of readers that hold a
   * file whole (shared/readers/whole.ts). Streaming readers of huge exports set their own.
   */
  readonly maxBytes?: number;
  /** Starts reading one file. The caller pushes its bytes in order, then calls `end`. */
  begin(path: string, context: ReaderContext, sink: ReadSink): ReadSession;
}

/** How many bytes at the start of a file `sniff` sees. */
export const HEAD_BYTES = 64 * 1024;

export interface ReadSession {
  /** The next bytes of the file. A reader that needs the whole file keeps them until `end`. */
  push(chunk: Uint8Array): void;
  /** No more bytes: finish, and say what the file turned out to be. */
  end(): FileKind;
}

export interface ReaderContext {
  /**
   * The IANA time zone for formats that store only instants (Slack `ts`, Telegram
   * `date_unixtime` when `date` is missing): one zone per archive, chosen explicitly. Formats
   * that store wall-clock times ignore it.
   */
  timeZone: string;
  /** Parses a Markdown front matter block (YAML only; the Node side supplies gray-matter). */
  readFrontMatter: FrontMatterReader;
  /** The bytes of a companion file (see FileReader.companions), or null when there is none. */
  companion(path: string): Uint8Array | null;
}

/** What the front matter reader returns: the parsed data, or why it could not be parsed. */
export type FrontMatterResult =
  { ok: true; data: Record<string, unknown> } | { ok: false; error: string };
export type FrontMatterReader = (block: string, language: string) => FrontMatterResult;

/** A conversation as a reader declares it, before its messages arrive. */
export interface ConversationHeader {
  /**
   * The conversation's id. Folder-based logs (Markdown daily logs, Slack channel folders) use the
   * folder (`conversationOfFolder`); a file export uses the file, and the chat within it for
   * multi-chat exports (`conversationOfFile`). Files that give the same id are one conversation.
   */
  id: string;
  /** The chat's own name, or null to use the folder's or file's name. */
  title: string | null;
  format: FormatId;
  /** The day of messages that carry none (a daily log's day), or null. */
  day: Day | null;
}

/**
 * Where a reader puts what it finds. Messages may arrive in any number of calls, so a reader of a
 * huge export never holds all of them; a conversation is declared before its messages.
 */
export interface ReadSink {
  /** Declares a conversation; the number it returns is passed with its messages. */
  conversation(header: ConversationHeader): number;
  message(conversation: number, message: ParsedMessage): void;
  /** A problem with this file: the line when known, and a sentence that says what to do. */
  diagnostic(diagnostic: Omit<Diagnostic, 'path'> & { path?: string }): void;
}
