/**
 * The store on the real archive sample: reopened, it reads no file and answers as it did; every
 * view of it (days, a day's messages and speakers, a person's pages, messages by id) agrees with
 * every other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../electron/service/store/store';
import { compareMessages, type Message } from '../../../shared/model';
import { SAMPLE_ARCHIVE, sampleMissing } from '../../fixtures/archive';
import { dayByDayMessages, openSynced, shownMessages } from '../../fixtures/store';

const shown = (message: Message) => message.echoOf === undefined && message.kind !== 'event';

describe.skipIf(sampleMissing())('the store on the archive sample', () => {
  let cacheDir: string;
  let first: ArchiveStore;
  let store: ArchiveStore;
  let filesReadOnReopen: number | undefined;
  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-sample-'));
    first = await openSynced(SAMPLE_ARCHIVE, { cacheDir });
    // Opened again, as a user opening the archive a second time: from the store on disk.
    store = ArchiveStore.open(SAMPLE_ARCHIVE, { cacheDir, timeZone: 'UTC' });
    filesReadOnReopen = (await store.sync())?.read;
  });
  afterAll(() => {
    first?.close();
    store?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reads no file when reopened, and lists the same files, conversations, days and speakers', () => {
    expect(store.persistent).toBe(true);
    expect(filesReadOnReopen).toBe(0);
    expect(store.files).toEqual(first.files);
    expect(store.messageCount).toBe(first.messageCount);
    expect(store.conversations()).toEqual(first.conversations());
    expect(store.diagnostics()).toEqual(first.diagnostics());
    for (const conversation of first.conversations()) {
      expect(store.days(conversation.id)).toEqual(first.days(conversation.id));
      expect(store.speakers(conversation.id)).toEqual(first.speakers(conversation.id));
    }
    expect(dayByDayMessages(store)).toEqual(dayByDayMessages(first));
  });

  it('shows every day in time order with the counts of the day list, its own speakers, and each message located there', () => {
    let echoes = 0;
    for (const conversation of store.conversations()) {
      const days = store.days(conversation.id);
      expect(days).toHaveLength(conversation.days);
      expect(days.reduce((sum, day) => sum + day.messages, 0)).toBe(conversation.messages);
      for (const { day, messages: count } of days) {
        const { messages, total } = store.dayMessages(conversation.id, day);
        expect(total).toBe(messages.length);
        expect(messages.filter(shown)).toHaveLength(count);
        echoes += messages.filter((message) => message.echoOf !== undefined).length;
        const times = messages.map((message) => message.time);
        expect(times, `${conversation.id} ${day}`).toEqual([...times].sort());
        const spoken = messages.filter((message) => shown(message) && message.speaker !== '');
        expect(
          store
            .speakers(conversation.id, day)
            .speakers.reduce((sum, speaker) => sum + speaker.messages, 0),
        ).toBe(spoken.length);
        for (const message of messages)
          expect(store.locate(message.id)).toEqual({
            id: message.id,
            conversation: conversation.id,
            day,
          });
      }
    }
    expect(echoes).toBeGreaterThan(0);
  });

  it('counts each conversation’s speakers over the messages it shows', () => {
    const messages = shownMessages(store);
    for (const conversation of store.conversations()) {
      const own = messages.filter((m) => m.conversation === conversation.id && m.speaker !== '');
      const { speakers, persons } = store.speakers(conversation.id);
      expect(speakers).toHaveLength(conversation.speakers);
      expect(new Set(speakers.map((s) => s.name))).toEqual(new Set(own.map((m) => m.speaker)));
      for (const speaker of speakers) {
        const said = own.filter((m) => m.speaker === speaker.name);
        expect([speaker.messages, speaker.first, speaker.last], speaker.name).toEqual([
          said.length,
          said[0]!.day,
          said[said.length - 1]!.day,
        ]);
      }
      expect(persons.reduce((sum, person) => sum + person.messages, 0)).toBe(own.length);
    }
  });

  // BUG (electron/service/store/summaries.ts, write()): names whose every line is an echo are
  // dropped from their person; in source/prodarch 17 of the 21 names seen on echoes are lost, and
  // 17 persons show one name with evidence > 0. See conversations.test.ts for the small case.
  it('keeps every name seen on an echo among its person’s names', () => {
    for (const conversation of store.conversations()) {
      const { persons } = store.speakers(conversation.id);
      const names = new Set(persons.flatMap((person) => person.names));
      const echoNames = dayByDayMessages(store)
        .filter((m) => m.conversation === conversation.id && m.echoOf !== undefined)
        .map((m) => m.speaker);
      expect(echoNames.filter((name) => !names.has(name))).toEqual([]);
      expect(persons.filter((p) => p.names.length === 1 && p.evidence > 0)).toEqual([]);
    }
  });

  it('pages through a person’s messages, oldest first, across days', () => {
    const conversation = 'source/proddev';
    const { persons } = store.speakers(conversation);
    const person = persons.find((p) => p.names.length > 1) ?? persons[0]!;
    const all = shownMessages(store).filter(
      (m) => m.conversation === conversation && person.names.includes(m.speaker),
    );
    expect(all.length).toBeGreaterThan(7);
    const page = store.speakerMessages(conversation, person.names, { cursor: '2', limit: 5 });
    expect(page.total).toBe(all.length);
    expect(page.nextCursor).toBe('7');
    expect(page.messages).toEqual(all.slice(2, 7));
    const last = store.speakerMessages(conversation, person.names, {
      cursor: String(all.length - 2),
      limit: 5,
    });
    expect(last.messages).toEqual(all.slice(-2));
    expect(last.nextCursor).toBeUndefined();
  });

  it('gives a day in slices, the first screenful then the rest', () => {
    const conversation = 'source/proddev';
    const { day } = store
      .days(conversation)
      .reduce((most, next) => (next.messages > most.messages ? next : most));
    const whole = store.dayMessages(conversation, day).messages;
    expect(whole.length).toBeGreaterThan(200);
    const first200 = store.dayMessages(conversation, day, { limit: 200 });
    expect(first200.nextCursor).toBe('200');
    const rest = store.dayMessages(conversation, day, { cursor: first200.nextCursor });
    expect(first200.messages).toHaveLength(200);
    expect(first200.total).toBe(whole.length);
    expect([...first200.messages, ...rest.messages]).toEqual(whole);
    expect(store.dayMessages(conversation, day, { cursor: '10', limit: 5 }).messages).toEqual(
      whole.slice(10, 15),
    );
    expect(store.dayMessages(conversation, day, { cursor: String(whole.length) }).messages).toEqual(
      [],
    );
    expect(store.dayMessages(conversation, 'not a day')).toEqual({ messages: [], total: 0 });
    expect(store.dayMessages('no such conversation', day)).toEqual({ messages: [], total: 0 });
  });

  it('returns messages by id in the one order of messages and ignores unknown ids', () => {
    const messages = dayByDayMessages(store);
    const ids = [
      messages.at(-1)!.id,
      messages[0]!.id,
      messages[5]!.id,
      messages[0]!.id,
      10_000_000,
    ];
    const found = store.messagesByIds(ids);
    expect(found).toHaveLength(3);
    expect([...found].sort(compareMessages)).toEqual(found);
    expect(found.map((m) => m.id).sort()).toEqual(
      [messages.at(-1)!.id, messages[0]!.id, messages[5]!.id].sort(),
    );
    expect(store.locate(-1)).toBeNull();
    expect(store.locate(0.5)).toBeNull();
    expect(store.locate(10_000_000)).toBeNull();
  });
});
