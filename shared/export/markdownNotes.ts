/**
 * What the archive's Markdown has no place for. A log holds a day, a time, a speaker and plain
 * text; anything more written into a message would come back as part of its text. So what else
 * a message carries (that it is an event, the message it answers, its files, reactions, links,
 * forwards, edits, pins, threads) is written as notes: each on a day marker line of the message's
 * own day, `<!-- day: 2024-03-10 · ↪ reply to Ana: … -->`, just before its header. The reader
 * takes the line for a day marker (the day it already had) and skips the note, as it skips every
 * note after a marker's day; Markdown viewers hide the comment. Text styles are left out, and the
 * front matter says so in a comment.
 */
import type { Message } from '../model';
import { describeMessage } from './describe';

/** The note that marks an event (a system line), written before its header. */
export const EVENT_NOTE = 'event';

/** The notes to write before a message's header, in reading order; [] for a plain message. */
export function messageNotes(message: Message): string[] {
  const notes = describeMessage(message);
  return message.kind === 'event' ? [EVENT_NOTE, ...notes] : notes;
}

/** A day marker line carrying a note for people reading the file. */
export function noteLine(day: string, note: string): string {
  return `<!-- day: ${day} · ${commentSafe(note)} -->`;
}

/**
 * Text as an HTML comment on one line can hold it: no line break (the marker is one line), no
 * `--` (which could end the comment early).
 */
export function commentSafe(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replaceAll('--', '-\u2011');
}

interface Tally {
  noted: number;
  styled: number;
  files: number;
}

/**
 * YAML comment lines for the front matter, saying what the notes hold and what was left out and
 * why; [] when every message is plain (the file is then exactly the archive's own format).
 */
export function leftOutComment(messages: readonly Message[]): string[] {
  const tally: Tally = { noted: 0, styled: 0, files: 0 };
  for (const message of messages) {
    if (messageNotes(message).length > 0) tally.noted++;
    if (message.styles?.some((style) => style.kind !== 'link')) tally.styled++;
    tally.files += message.attachments?.filter((file) => file.path !== null).length ?? 0;
  }
  if (tally.noted + tally.styled === 0) return [];
  const lines = [
    '# A Markdown chat log holds a day, a time, a speaker and plain text for each message.',
  ];
  if (tally.noted > 0) {
    lines.push(
      `# What else ${carry(tally.noted)} is written in notes, on lines`,
      '# "<!-- day: YYYY-MM-DD · note -->" just before the message: the note "event" marks a',
      '# system line; the others give the message answered, files, links, reactions, forwards,',
      '# edits, pins and threads. Markdown viewers hide these lines; Scrollback skips the notes.',
    );
  }
  if (tally.styled > 0) {
    lines.push(
      `# Left out: bold, italic, code and other text styles on ${count(tally.styled, 'message')},`,
      '# because Markdown marks would become part of the text when the file is read back.',
    );
  }
  if (tally.files > 0) {
    lines.push(
      `# Left out: the ${count(tally.files, 'attached file')} themselves; the notes give the`,
      '# name, size and place in the archive of each.',
    );
  }
  return lines;
}

function carry(messages: number): string {
  return messages === 1 ? '1 message carries' : `${messages} messages carry`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
