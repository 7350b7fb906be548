/**
 * From parsed files to the archive: messages placed in conversations and days (files of one
 * conversation on one day merge in time order), conversation summaries, speakers and persons.
 */
import type {
  ConversationSummary,
  Day,
  DayActivity,
  Diagnostic,
  FileCounts,
  Message,
  ParsedFile,
  PersonSummary,
  SpeakerSummary,
} from '../model';
import { conversationOf, conversationTitle } from './conversation';
import { splitGroupCard } from './groupCard';
import { compareStrings } from './compare';
import { groupPersons } from './persons';

export interface Archive {
  files: FileCounts;
  /** Every message, ordered by conversation, day, time, then file and line. `id` is the index. */
  messages: Message[];
  conversations: ConversationSummary[];
  diagnostics: Diagnostic[];
  speakers: Map<string, SpeakerSummary[]>;
  persons: Map<string, PersonSummary[]>;
  /** Conversation id -> its days with messages, in order. */
  days: Map<string, DayActivity[]>;
}

export function emptyFileCounts(): FileCounts {
  return { total: 0, chat: 0, timeline: 0, document: 0, skipped: 0 };
}

/**
 * @param skipped files that were not candidates for reading at all (images, HTML, scripts...)
 * @param problems diagnostics that belong to no file read (a folder that could not be opened)
 */
export function buildArchive(
  files: readonly ParsedFile[],
  skipped = 0,
  problems: readonly Diagnostic[] = [],
): Archive {
  const counts = emptyFileCounts();
  counts.total = skipped;
  counts.skipped = skipped;
  const diagnostics: Diagnostic[] = [...problems];
  const placed: Omit<Message, 'id'>[] = [];
  for (const file of files) {
    counts.total++;
    counts[file.kind]++;
    diagnostics.push(...file.diagnostics);
    const conversation = conversationOf(file.path);
    for (const message of file.messages) {
      // A day marker (Scrollback's own multi-day export) places a message; else the file's day.
      const day = message.day ?? file.day;
      if (day === null) continue;
      placed.push({
        conversation,
        day,
        time: message.time,
        speaker: message.speaker,
        text: message.text,
        path: file.path,
        line: message.line,
      });
    }
  }
  placed.sort(compareMessages);
  const messages: Message[] = placed.map((message, id) => ({ id, ...message }));
  diagnostics.sort((a, b) => compareStrings(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));

  const conversations: ConversationSummary[] = [];
  const speakers = new Map<string, SpeakerSummary[]>();
  const persons = new Map<string, PersonSummary[]>();
  const days = new Map<string, DayActivity[]>();
  for (let start = 0; start < messages.length;) {
    const id = messages[start]!.conversation;
    let end = start;
    while (end < messages.length && messages[end]!.conversation === id) end++;
    const slice = messages.slice(start, end);
    const people = summarizeConversation(slice);
    speakers.set(id, people.speakers);
    persons.set(id, people.persons);
    const activity = summarizeDays(slice);
    days.set(id, activity);
    conversations.push({
      id,
      title: conversationTitle(id),
      format: 'markdown',
      messages: slice.length,
      lines: slice.length,
      unique: slice.length,
      events: 0,
      days: activity.length,
      speakers: people.speakers.length,
      first: activity[0]!.day,
      last: activity[activity.length - 1]!.day,
      lastTime: slice[slice.length - 1]!.time,
      overlaps: [],
    });
    start = end;
  }
  return { files: counts, messages, conversations, diagnostics, speakers, persons, days };
}

function summarizeDays(messages: readonly Message[]): DayActivity[] {
  const activity: DayActivity[] = [];
  for (const message of messages) {
    const last = activity[activity.length - 1];
    if (last && last.day === message.day) last.messages++;
    else activity.push({ day: message.day, messages: 1, events: 0 });
  }
  return activity;
}

/**
 * Speakers of some messages of a conversation (a day, say), tied to the persons found over the
 * whole conversation (`known`).
 */
export function summarizeSpeakers(
  messages: readonly Message[],
  known: readonly SpeakerSummary[],
): { speakers: SpeakerSummary[]; persons: PersonSummary[] } {
  const knownByName = new Map(known.map((speaker) => [speaker.name, speaker]));
  const stats = new Map<string, SpeakerSummary>();
  for (const [name, count] of countSpeakers(messages)) {
    const base = knownByName.get(name);
    stats.set(name, {
      name,
      ...count,
      card: base?.card ?? splitGroupCard(name),
      person: base?.person ?? name,
    });
  }
  const speakers = [...stats.values()].sort(
    (a, b) => b.messages - a.messages || compareStrings(a.name, b.name),
  );
  const persons = new Map<string, PersonSummary>();
  for (const speaker of speakers) {
    const person = persons.get(speaker.person);
    if (person) {
      person.names.push(speaker.name);
      person.messages += speaker.messages;
    } else {
      persons.set(speaker.person, {
        id: speaker.person,
        names: [speaker.name],
        messages: speaker.messages,
        evidence: 0,
      });
    }
  }
  return {
    speakers,
    persons: [...persons.values()].sort(
      (a, b) => b.messages - a.messages || compareStrings(a.id, b.id),
    ),
  };
}

/** Each speaker's message count and first and last day, in the order they first speak. */
function countSpeakers(
  messages: readonly Message[],
): Map<string, { messages: number; first: Day; last: Day }> {
  const stats = new Map<string, { messages: number; first: Day; last: Day }>();
  for (const message of messages) {
    if (message.speaker === '') continue;
    const entry = stats.get(message.speaker);
    if (entry) {
      entry.messages++;
      entry.last = message.day;
    } else {
      stats.set(message.speaker, { messages: 1, first: message.day, last: message.day });
    }
  }
  return stats;
}

/** Speakers of one conversation's messages (ordered by day and time), with echo marks set. */
function summarizeConversation(messages: readonly Message[]): {
  speakers: SpeakerSummary[];
  persons: PersonSummary[];
} {
  const stats = countSpeakers(messages);
  const counts = new Map([...stats].map(([name, entry]) => [name, entry.messages]));
  const candidates = messages
    .filter((message) => message.speaker !== '')
    .map((message) => ({
      index: message.id,
      speaker: message.speaker,
      slot: `${message.day} ${message.time}`,
      text: message.text,
    }));
  const grouping = groupPersons(candidates, counts);
  const byId = new Map(messages.map((message) => [message.id, message]));
  for (const [echo, original] of grouping.echoOf) byId.get(echo)!.echoOf = original;

  const speakers: SpeakerSummary[] = [...stats].map(([name, entry]) => ({
    name,
    messages: entry.messages,
    first: entry.first,
    last: entry.last,
    card: splitGroupCard(name),
    person: grouping.personOf.get(name)!,
  }));
  speakers.sort((a, b) => b.messages - a.messages || compareStrings(a.name, b.name));
  const persons: PersonSummary[] = [...grouping.persons].map(([id, person]) => ({
    id,
    names: person.names,
    messages: person.names.reduce((sum, name) => sum + (counts.get(name) ?? 0), 0),
    evidence: person.evidence,
  }));
  persons.sort((a, b) => b.messages - a.messages || compareStrings(a.id, b.id));
  return { speakers, persons };
}

function compareMessages(a: Omit<Message, 'id'>, b: Omit<Message, 'id'>): number {
  return (
    compareStrings(a.conversation, b.conversation) ||
    compareStrings(a.day, b.day) ||
    compareStrings(a.time, b.time) ||
    compareStrings(a.path, b.path) ||
    a.line - b.line
  );
}
