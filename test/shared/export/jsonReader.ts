/** Reading the JSON export back in tests: does the file hold every field of every message? */
import { expect } from 'vitest';
import type { JsonExport } from '../../../shared/export/json';
import type { Message } from '../../../shared/model';

/**
 * The file holds `messages` in order, each with every field it carries; a reply or a thread
 * names the other message by id only when the file holds it.
 */
export function expectJsonHolds(json: string, messages: readonly Message[]): JsonExport {
  const document = JSON.parse(json) as JsonExport;
  expect(document.version).toBe(2);
  expect(document.count).toBe(messages.length);
  const held = new Set(messages.map((message) => message.id));
  const inFile = (id: number | null) => (id !== null && held.has(id) ? id : null);
  expect(document.messages.map((entry) => entry.id)).toEqual(messages.map(({ id }) => id));
  messages.forEach((message, index) => {
    const entry = document.messages[index]!;
    expect(entry).toMatchObject({ day: message.day, time: message.time, text: message.text });
    expect(entry.speaker).toBe(message.speaker);
    expect(entry.kind).toBe(message.kind);
    expect(entry.attachments).toEqual(message.attachments);
    expect(entry.reactions).toEqual(message.reactions);
    expect(entry.styles).toEqual(message.styles);
    expect(entry.links).toEqual(message.links);
    expect(entry.edited).toEqual(message.edited);
    expect(entry.forwardedFrom).toEqual(message.forwardedFrom);
    expect(entry.pinned).toEqual(message.pinned);
    expect(entry.thread).toEqual(message.thread);
    expect(entry.copies).toEqual(message.copies);
    expect(entry.threadOf).toEqual(
      message.threadOf === undefined ? undefined : inFile(message.threadOf),
    );
    if (message.reply) {
      expect(entry.reply).toMatchObject({
        id: inFile(message.reply.id),
        speaker: message.reply.speaker,
        text: message.reply.text,
      });
    } else expect(entry.reply).toBeUndefined();
  });
  return document;
}
