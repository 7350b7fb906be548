/** The store shows the real archive sample exactly as reading it into memory does. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryArchiveData } from '../../../electron/service/memoryData';
import { readArchive } from '../../../electron/service/readArchive';
import { openStore } from '../../../electron/service/store/openStore';
import type { Message } from '../../../shared/model';
import { SAMPLE_ARCHIVE } from '../../fixtures/archive';

/** Messages without ids (the store numbers them in time order), with their echo marks resolved. */
function shown(messages: Message[], all: (ids: number[]) => Message[]) {
  const originals = new Map(
    all(messages.flatMap((m) => (m.echoOf === undefined ? [] : [m.echoOf]))).map((m) => [m.id, m]),
  );
  return messages.map(({ id: _id, echoOf, ...message }) => ({
    ...message,
    echoOf:
      echoOf === undefined
        ? null
        : `${originals.get(echoOf)?.time} ${originals.get(echoOf)?.speaker}`,
  }));
}

describe('the store on the archive sample', async () => {
  const memory = new MemoryArchiveData(await readArchive(SAMPLE_ARCHIVE));
  const cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-sample-'));
  (await openStore(SAMPLE_ARCHIVE, { cacheDir })).data.close();
  const { data } = await openStore(SAMPLE_ARCHIVE, { cacheDir });
  afterAll(() => {
    data.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('lists the same files, conversations, days, speakers and diagnostics', () => {
    expect(data.files).toEqual(memory.files);
    expect(data.messageCount).toBe(memory.messageCount);
    expect(data.conversations()).toEqual(memory.conversations());
    expect(data.diagnostics()).toEqual(memory.diagnostics());
    for (const conversation of memory.conversations()) {
      expect(data.days(conversation.id)).toEqual(memory.days(conversation.id));
      expect(data.speakers(conversation.id)).toEqual(memory.speakers(conversation.id));
    }
  });

  it('shows every day with the same messages, echo marks and day speakers', () => {
    let echoes = 0;
    for (const conversation of memory.conversations()) {
      for (const { day } of memory.days(conversation.id)) {
        const stored = data.dayMessages(conversation.id, day);
        echoes += stored.filter((message) => message.echoOf !== undefined).length;
        expect(shown(stored, (ids) => data.messagesByIds(ids))).toEqual(
          shown(memory.dayMessages(conversation.id, day), (ids) => memory.messagesByIds(ids)),
        );
        expect(data.speakers(conversation.id, day)).toEqual(memory.speakers(conversation.id, day));
        for (const message of stored)
          expect(data.locate(message.id)).toEqual({
            id: message.id,
            conversation: conversation.id,
            day,
          });
      }
    }
    expect(echoes).toBeGreaterThan(0);
  });

  it('pages through a person’s messages like the memory does', () => {
    const conversation = 'source/proddev';
    const person =
      memory.speakers(conversation).persons.find((p) => p.names.length > 1) ??
      memory.speakers(conversation).persons[0]!;
    const stored = data.speakerMessages(conversation, person.names, 2, 5);
    const expected = memory.speakerMessages(conversation, person.names, 2, 5);
    expect(stored.total).toBe(expected.total);
    expect(stored.nextCursor).toBe(expected.nextCursor);
    expect(stored.messages.map((m) => [m.day, m.time, m.speaker, m.text])).toEqual(
      expected.messages.map((m) => [m.day, m.time, m.speaker, m.text]),
    );
  });

  it('gives a day in slices, the first screenful then the rest, like the memory does', () => {
    const conversation = 'source/proddev';
    const { day } = memory
      .days(conversation)
      .reduce((most, next) => (next.messages > most.messages ? next : most));
    const whole = data.dayMessages(conversation, day);
    expect(whole.length).toBeGreaterThan(200);
    const first = data.dayMessages(conversation, day, { limit: 200 });
    const rest = data.dayMessages(conversation, day, { offset: 200 });
    expect(first).toHaveLength(200);
    expect([...first, ...rest]).toEqual(whole);
    expect(data.dayMessages(conversation, day, { offset: 10, limit: 5 })).toEqual(
      whole.slice(10, 15),
    );
    expect(data.dayMessages(conversation, day, { offset: whole.length })).toEqual([]);
    const text = (messages: Message[]) => messages.map((m) => `${m.time} ${m.speaker} ${m.text}`);
    expect(text(first)).toEqual(text(memory.dayMessages(conversation, day, { limit: 200 })));
    expect(text(rest)).toEqual(text(memory.dayMessages(conversation, day, { offset: 200 })));
  });

  it('returns messages by id in archive order and ignores unknown ids', () => {
    const ids = [data.messageCount - 1, 0, 5, 0, 10_000_000];
    const messages = data.messagesByIds(ids);
    expect(messages).toHaveLength(3);
    const order = messages.map((m) => `${m.conversation} ${m.day} ${m.time}`);
    expect([...order].sort()).toEqual(order);
    expect(data.locate(-1)).toBeNull();
    expect(data.locate(data.messageCount)).toBeNull();
  });
});
