/** The exports in the bundled sample archive read cleanly, with the counts its README gives. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWhole } from '../../../../shared/readers/collect';
import { chooseReader } from '../../../../shared/readers/registry';
import { HEAD_BYTES } from '../../../../shared/readers/reader';
import { context } from './helpers';

const SAMPLE = resolve(__dirname, '../../../../assets/sample-archive');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(SAMPLE, path)));

const SLACK_COMPANIONS = ['users.json', 'channels.json', 'groups.json', 'dms.json', 'mpims.json'];

function readSample(path: string) {
  const bytes = bytesOf(path);
  const reader = chooseReader(path, bytes.subarray(0, HEAD_BYTES));
  const companions: Record<string, Uint8Array> = {};
  for (const companion of reader?.companions?.(path) ?? []) {
    const name = companion.slice(companion.lastIndexOf('/') + 1);
    if (SLACK_COMPANIONS.includes(name) && ['users.json', 'channels.json'].includes(name))
      companions[companion] = bytesOf(companion);
  }
  return { format: reader?.format, result: readWhole(reader!, path, bytes, context(companions)) };
}

describe('the sample archive exports', () => {
  it('reads the Telegram export: two chats, a photo and a sticker included, a file left out', () => {
    const { format, result } = readSample('exports/telegram/DataExport_2024-03-12/result.json');
    expect(format).toBe('telegram');
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations.map((c) => [c.title, c.messages.length])).toEqual([
      ['山野社 · 周末徒步', 16],
      ['Mia', 6],
    ]);
    const attachments = result.conversations[0]!.messages.flatMap((m) => m.attachments ?? []);
    expect(attachments.map((a) => [a.kind, a.path])).toEqual([
      ['file', null],
      [
        'image',
        'exports/telegram/DataExport_2024-03-12/chats/chat_001/photos/photo_1@10-03-2024_08-31-05.jpg',
      ],
      ['sticker', 'exports/telegram/DataExport_2024-03-12/chats/chat_001/stickers/sticker.webp'],
    ]);
    for (const attachment of attachments)
      if (attachment.path) expect(bytesOf(attachment.path).length).toBeGreaterThan(0);
  });

  it('reads the Discord export: one channel with an image, a reaction and replies', () => {
    const path = 'exports/discord/TrailNote - Text Channels - dev [1160000000000000001].json';
    const { format, result } = readSample(path);
    expect(format).toBe('discord');
    expect(result.diagnostics).toEqual([]);
    const messages = result.conversations[0]!.messages;
    expect([result.conversations[0]!.title, messages.length]).toEqual(['TrailNote › #dev', 11]);
    const image = messages.flatMap((m) => m.attachments ?? [])[0]!;
    expect(bytesOf(image.path!).length).toBeGreaterThan(0);
    expect(messages.filter((m) => m.replyTo).length).toBe(3);
    expect(messages.filter((m) => m.reactions).length).toBe(1);
  });

  it('reads the Slack export: two channels, a thread over two days', () => {
    const days = ['general/2024-03-12.json', 'general/2024-03-13.json', 'gear/2024-03-12.json'];
    const results = days.map((day) => readSample(`exports/slack/${day}`));
    expect(results.map((r) => r.format)).toEqual(['slack', 'slack', 'slack']);
    expect(results.flatMap((r) => r.result.diagnostics)).toEqual([]);
    expect(
      results.map((r) => [
        r.result.conversations[0]!.title,
        r.result.conversations[0]!.messages.length,
      ]),
    ).toEqual([
      ['#general', 7],
      ['#general', 2],
      ['#gear', 5],
    ]);
    const replies = results
      .flatMap((r) => r.result.conversations[0]!.messages)
      .filter((m) => m.threadOf);
    expect(replies).toHaveLength(3);
  });
});
