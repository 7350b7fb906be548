/**
 * Segments written on the second core (store/writer.ts) while one large file is read hold exactly
 * what segments written by the reading thread hold: every message with its day, text and rich
 * parts, and the echo pairs noticed while reading, under the ids of the rows they name.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Segment } from '../../../electron/service/index/segment';
import { SegmentBuilder } from '../../../electron/service/index/segmentBuild';
import { Ingest } from '../../../electron/service/store/ingest';
import { segmentPath } from '../../../electron/service/store/location';
import { rowOf } from '../../../electron/service/store/messageRow';
import { SegmentWriter } from '../../../electron/service/store/writer';
import type { ParsedMessage } from '../../../shared/model';
import { bundleAsBuilt } from '../../fixtures/bundle';

const MESSAGES = 2_000;

/** A Telegram-like chat: replies, reactions, an echo pair now and then, some long texts. */
function chat(): ParsedMessage[] {
  const speakers = ['Ana Lima', '陈一舟', 'Eli Novak', '李青禾'];
  const messages: ParsedMessage[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const day = `2024-0${1 + Math.floor(i / 500)}-1${Math.floor(i / 100) % 10}`;
    const time = `10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const message: ParsedMessage = {
      day,
      time,
      speaker: speakers[i % speakers.length]!,
      text: i % 7 === 0 ? `周六爬山 ${i} `.repeat(40) : `message ${i} 支付宝`,
      line: i * 10 + 2,
      sourceId: String(i + 1),
    };
    if (i % 3 === 0) message.replyTo = String(i);
    if (i % 5 === 0) message.reactions = [{ emoji: '👍', count: 2 }];
    messages.push(message);
    // The same words in the same second under another name: an echo pair.
    if (i % 97 === 0)
      messages.push({ ...message, speaker: `${message.speaker} (bot)`, line: message.line + 1 });
  }
  return messages;
}

interface Read {
  segments: number;
  rows: { day: string; text: string; extras: string | undefined }[];
  echoes: string[][];
}

/** Reads the chat into a fresh ingest (with `writer`, handing over every 300 rows or more). */
async function read(folder: string, writer: SegmentWriter | null): Promise<Read> {
  mkdirSync(folder);
  let next = 1;
  const ingest = new Ingest({
    folder,
    allocate: (count) => (next += count) - count,
    merges: new Map(),
    handOverRows: 300,
  });
  if (writer) ingest.writeInBackground(writer);
  const source = ingest.file(1, 'result.json').source('result.json');
  source.setKind('chat');
  const conversation = source.conversation({
    id: 'result.json',
    title: 'Trail club',
    format: 'telegram',
    day: null,
  });
  const messages = chat();
  messages.forEach((message, index) => {
    source.message(conversation, message);
    if (index % 50 === 0) source.progress(index, messages.length);
  });
  source.finish();
  ingest.flush();
  await ingest.settle();
  ingest.stopWriting();
  const byId = new Map<number, string>();
  const rows: Read['rows'] = [];
  for (const { base } of [...ingest.segments].sort((a, b) => a.base - b.base)) {
    const segment = new Segment(segmentPath(folder, base));
    const texts = segment.texts(0, segment.count);
    const extras = segment.extras(0, segment.count);
    texts.forEach((text, position) => {
      byId.set(base + position, text);
      rows.push({ day: segment.dayOf(position), text, extras: extras.get(position) });
    });
    segment.close();
  }
  const echoes = ingest.repeats.map((repeat) => [
    byId.get(repeat.first)!,
    byId.get(repeat.second)!,
    repeat.firstSpeaker,
    repeat.secondSpeaker,
  ]);
  return { segments: ingest.segments.length, rows, echoes };
}

describe('segments written on the second core', () => {
  let folder: string;
  let script: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'scrollback-writer-'));
    script = join(folder, 'writeWorker.js');
    await bundleAsBuilt('electron/service/store/writeWorker.ts', script);
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('hold every message, its rich parts and its echo pair, as the reading thread writes them', async () => {
    const here = await read(join(folder, 'here'), null);
    const writer = SegmentWriter.create(script)!;
    const there = await read(join(folder, 'there'), writer);
    // Handed over at 1/2, 3/4, 7/8… of the file: several segments, the last one small.
    expect(here.segments).toBe(1);
    expect(there.segments).toBeGreaterThanOrEqual(3);
    const key = (row: Read['rows'][number]) => `${row.day} ${row.text} ${row.extras ?? ''}`;
    expect(there.rows.map(key).sort()).toEqual(here.rows.map(key).sort());
    expect(here.rows).toHaveLength(chat().length);
    expect(there.rows.filter((row) => row.extras?.includes('👍'))).toHaveLength(
      chat().filter((message) => message.reactions).length,
    );
    // Pairs split by a segment's edge are not noticed (as with any two segments); the others are.
    expect(here.echoes.length).toBe(Math.ceil(MESSAGES / 97));
    for (const echo of there.echoes) expect(here.echoes).toContainEqual(echo);
    expect(there.echoes.length).toBeGreaterThanOrEqual(here.echoes.length - there.segments);
  }, 60_000);

  it('report a segment that cannot be written, and the sync fails rather than losing it', async () => {
    const writer = SegmentWriter.create(script)!;
    const builder = new SegmentBuilder();
    builder.add(
      rowOf(
        'c',
        { day: '2024-01-01', time: '10:00:00', speaker: 'A', text: 'hi', line: 1 },
        '2024-01-01',
        'c.md',
      ),
    );
    await expect(
      writer.write(builder, join(folder, 'missing', 'deeper', 'segment.idx'), 1),
    ).rejects.toThrow();
    writer.close();
  });
});
