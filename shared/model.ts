/**
 * The data model shared by the service, the CLI and the UI. Everything here is plain,
 * serialisable data: it crosses IPC and HTTP as JSON.
 */
import { compareStrings } from './archive/compare';

/** A floating calendar day, `YYYY-MM-DD`. Never converted through a time zone. */
export type Day = string;
/** A floating wall-clock time, `HH:MM:SS`. */
export type Time = string;

/** What a file in the archive turned out to be. */
export type FileKind = 'chat' | 'timeline' | 'document' | 'skipped';

/** The formats Scrollback reads: one reader each in shared/readers/. */
export type FormatId = 'markdown' | 'whatsapp' | 'telegram' | 'discord' | 'slack';

/** A problem with one file: which file, which line when known, and a sentence for a person. */
export interface Diagnostic {
  path: string;
  line?: number;
  message: string;
}

/** A file that came with a message: a photo, a video, a voice note, a document... */
export interface Attachment {
  kind: 'image' | 'video' | 'audio' | 'voice' | 'sticker' | 'file';
  /** The name to show: the file's name, or what the export calls it. */
  name: string;
  /**
   * Where the file is, relative to the archive root with `/` separators; an entry of a zip is
   * `folder/export.zip!/media/photo.jpg`. Null when the export left the file out ("not included").
   */
  path: string | null;
  /** An address on the web, when the export links to the file rather than holding it. Never
   *  fetched unless the user allows images from the web. */
  url?: string;
  /** Bytes, when the export says. */
  size?: number;
  mime?: string;
  width?: number;
  height?: number;
  /** Seconds, for audio and video. */
  duration?: number;
}

/** An emoji reaction under a message. */
export interface Reaction {
  /** The emoji itself (👍), or a custom emoji's name (`:party_parrot:`). */
  emoji: string;
  count: number;
  /** Who reacted, when the export says. */
  names?: string[];
}

/** A link preview (Discord embeds, Slack unfurls). */
export interface LinkCard {
  url: string;
  title?: string;
  description?: string;
}

/** Formatting of a span of text (Telegram entities, Slack and Discord markup), by UTF-16 offsets. */
export interface TextStyle {
  kind: 'bold' | 'italic' | 'underline' | 'strike' | 'code' | 'pre' | 'spoiler' | 'link' | 'quote';
  start: number;
  end: number;
  /** For links whose text is not the address. */
  href?: string;
}

/** What richer formats carry beside a message's text, as read and as stored alike. */
export interface MessageExtras {
  /** Who the message was forwarded from, as the export names them. */
  forwardedFrom?: string;
  /** Edited: when (`YYYY-MM-DD HH:MM:SS`, same clock as the message), or true when unknown. */
  edited?: string | true;
  pinned?: true;
  attachments?: Attachment[];
  reactions?: Reaction[];
  links?: LinkCard[];
  styles?: TextStyle[];
}

/**
 * One message as a reader found it in a file. Only `time`, `speaker`, `text` and `line` are
 * always there; the rest is what richer formats carry.
 */
export interface ParsedMessage extends MessageExtras {
  /** The message's own day. Absent: the day of its conversation in this file (a daily log's). */
  day?: Day;
  /** Always `HH:MM:SS` (formats without seconds give `:00`). */
  time: Time;
  /** As written, trimmed; empty in speakerless (timeline) logs and for most events. */
  speaker: string;
  /** Plain text: lines joined with `\n`, trailing blanks removed, entities decoded. */
  text: string;
  /** 1-based line of the message in the file (JSON formats: the line where its object starts). */
  line: number;
  /** A system line ("X joined", "group created", a pin): shown centred, counted apart. */
  kind?: 'event';
  /** The message's id in its export (Telegram id, Discord snowflake, Slack ts): replies point
   *  at it, and overlapping exports are folded by it. */
  sourceId?: string;
  /** The sourceId of the message this one answers. */
  replyTo?: string;
  /** Slack: the sourceId of the thread's first message, for replies in a thread. */
  threadOf?: string;
}

/**
 * A message placed in its conversation and day. `id` names it while the archive's store holds
 * it and never names another message. Messages are ordered by `compareMessages` below.
 */
export interface Message extends MessageExtras {
  id: number;
  conversation: string;
  day: Day;
  time: Time;
  speaker: string;
  text: string;
  /** Source file (relative path; `x.zip!/entry` inside a zip) and line, for "show in file". */
  path: string;
  line: number;
  /** When this message repeats another in the same second under another name of the same person
   *  (the exporter's echo), the id of the first one. Echoes are not messages a user sees; the
   *  day view can show them (Settings). */
  echoOf?: number;
  /** A system line ("X joined"), shown centred and counted apart from messages. */
  kind?: 'event';
  /** The message this one answers: its id when the archive holds it, and a snippet. */
  reply?: { id: number | null; speaker: string; text: string };
  /** Slack threads: the id of the thread's first message (for replies), or how many replies it
   *  has (for the first message). */
  threadOf?: number;
  thread?: { replies: number };
  /** Other files hold this message too (overlapping exports): how many copies were folded. */
  copies?: number;
}

/**
 * The one order of messages, wherever messages of several days or conversations are listed
 * (search results oldest first, a selection copied or exported): by day, time, conversation,
 * source file and line. Within a conversation it is the order of its days.
 */
export function compareMessages(
  a: Pick<Message, 'day' | 'time' | 'conversation' | 'path' | 'line'>,
  b: Pick<Message, 'day' | 'time' | 'conversation' | 'path' | 'line'>,
): number {
  return (
    compareStrings(a.day, b.day) ||
    compareStrings(a.time, b.time) ||
    compareStrings(a.conversation, b.conversation) ||
    compareStrings(a.path, b.path) ||
    a.line - b.line
  );
}

/** A piece of message text, for display. Concatenating every token's `text` gives the message. */
export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'emoji'; text: string; name: string }
  | { kind: 'mention'; text: string; name: string }
  | { kind: 'url'; text: string; href: string }
  | { kind: 'image'; text: string; alt: string; src: string }
  | { kind: 'file'; text: string; name: string };

/** A conversation: the folder of its files relative to the archive root, `_posts` dropped. */
export interface ConversationSummary {
  id: string;
  /** The chat's own name, or its folder's or file's. */
  title: string;
  format: FormatId;
  /** Messages a user sees: every message line read, less copies and echoes (events apart). */
  messages: number;
  /** Every message line read from its files (copies in overlapping exports included). */
  lines: number;
  /** Distinct messages: lines less copies. */
  unique: number;
  events: number;
  /** Days with messages or events. */
  days: number;
  /** Distinct speaker names, before alias grouping. */
  speakers: number;
  first: Day;
  last: Day;
  /** Time of the last message of the last day, for ordering by last activity. */
  lastTime: Time;
  /** Other conversations holding many of the same messages (see Overlap). */
  overlaps: Overlap[];
  /** Conversations the user merged into this one, by their own ids and titles. */
  merged?: MergedPart[];
}

/** A conversation merged into another: it keeps its id (to separate it again) and its title. */
export interface MergedPart {
  id: string;
  title: string;
}

/**
 * Another conversation sharing messages with this one (the same chat exported twice, a
 * cumulative export beside the daily logs). Conversations sharing over half of the smaller one's
 * messages are offered to be merged.
 */
export interface Overlap {
  with: string;
  /** Distinct messages both hold. */
  shared: number;
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
  /** Messages a user sees. */
  messages: number;
  events: number;
}

export interface FileCounts {
  total: number;
  chat: number;
  timeline: number;
  document: number;
  skipped: number;
}
