/**
 * Live changes: files added, changed, removed or caught half-written while an archive is open
 * reach the service's answers, with a 'changed' event naming the conversation, and never as a
 * day or message shown twice; no message id ever comes to name another message. Once with a
 * store on disk, once in a temporary one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { ArchiveService } from '../../../electron/service/archiveService';
import { ArchiveStore } from '../../../electron/service/store/store';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { until } from '../../fixtures/until';

const TEST_TIMEOUT_MS = 60_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const message = (time: string, speaker: string, text: string) => ({ time, speaker, text });

describe.each([
  ['a store on disk', true],
  ['a temporary store', false],
])('live changes with %s', (_label, persistent) => {
  let archive: TempArchive;
  let cacheDir: string | null;
  let service: ArchiveService;
  let events: ApiEvent[];

  async function openArchive(files: Record<string, string>): Promise<void> {
    archive = tempArchive('scrollback-live-');
    for (const [path, content] of Object.entries(files)) archive.write(path, content);
    cacheDir = persistent ? mkdtempSync(join(tmpdir(), 'scrollback-live-cache-')) : null;
    service = new ArchiveService({ cacheDir });
    events = [];
    service.onEvent((event) => events.push(event));
    await service.open(archive.root);
    // The check of the folder that follows every open is not what these tests are about.
    await service.settled();
    events = [];
  }

  const changedEvents = () => events.flatMap((event) => (event.type === 'changed' ? [event] : []));
  const days = (conversation: string) => service.days(conversation).map((day) => day.day);
  const texts = (conversation: string, day: string) =>
    service.dayMessages(conversation, day).messages.map((m) => m.text);

  afterEach(async () => {
    await service?.settled();
    service?.close();
    archive?.remove();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });

  it(
    'shows a day file written while the archive is open, with a changed event',
    async () => {
      await openArchive({
        'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
          message('09:00:00', 'alice', 'first day'),
        ]),
      });
      const kept = service.dayMessages('g', '2018-05-15').messages;
      archive.write(
        'g/_posts/2018-05-16-chat.md',
        chatLog('2018-05-16', [
          message('10:00:00', 'bob', 'a zebra arrives'),
          message('10:01:00', 'alice', 'welcome'),
        ]),
      );
      await until(() => days('g').includes('2018-05-16'), 'the new day listed');
      expect(days('g')).toEqual(['2018-05-15', '2018-05-16']);
      expect(texts('g', '2018-05-16')).toEqual(['a zebra arrives', 'welcome']);
      expect(changedEvents()).toContainEqual({
        type: 'changed',
        conversations: ['g'],
      });
      // The messages shown before keep their ids (a selection stays valid).
      expect(service.dayMessages('g', '2018-05-15').messages).toEqual(kept);
      // The conversation list and counts come with a fresh 'ready' status, never 'loading'.
      expect(
        events.some((event) => event.type === 'status' && event.status.state === 'loading'),
      ).toBe(false);
      const status = service.status();
      expect(status.state === 'ready' && status.archive.messages).toBe(3);
      expect(status.state === 'ready' && status.archive.conversations[0]).toMatchObject({
        id: 'g',
        last: '2018-05-16',
        days: 2,
      });
      // Search finds it too.
      expect(service.search('zebra').hits.map((hit) => hit.text)).toEqual(['a zebra arrives']);

      // A store on disk kept the change: a later open reads no file again.
      await service.settled();
      service.close();
      const store = ArchiveStore.open(archive.root, { cacheDir, timeZone: 'UTC' });
      try {
        const report = await store.sync();
        expect(report?.read).toBe(persistent ? 0 : 2);
        expect(store.days('g').map((day) => day.day)).toEqual(['2018-05-15', '2018-05-16']);
        expect(store.search('zebra', { limit: 10, order: 'newest' }).total).toBe(1);
      } finally {
        store.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps every id when an earlier day is added: ids never name another message',
    async () => {
      await openArchive({
        'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [message('09:00:00', 'alice', 'a')]),
        'g/_posts/2018-05-17-chat.md': chatLog('2018-05-17', [message('09:00:00', 'alice', 'c')]),
      });
      const later = service.dayMessages('g', '2018-05-17').messages[0]!;
      archive.write(
        'g/_posts/2018-05-16-chat.md',
        chatLog('2018-05-16', [message('09:00:00', 'bob', 'b')]),
      );
      await until(() => changedEvents().length > 0, 'the changed event');
      expect(changedEvents()[0]).toEqual({
        type: 'changed',
        conversations: ['g'],
      });
      expect(days('g')).toEqual(['2018-05-15', '2018-05-16', '2018-05-17']);
      expect(service.dayMessages('g', '2018-05-17').messages).toEqual([later]);
      expect(service.locate(later.id)).toEqual({
        id: later.id,
        conversation: 'g',
        day: '2018-05-17',
      });
      expect(service.messagesByIds([later.id])).toEqual([later]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'replaces the messages of a changed file rather than adding them again',
    async () => {
      const path = 'g/_posts/2018-05-15-chat.md';
      await openArchive({
        [path]: chatLog('2018-05-15', [message('09:00:00', 'alice', 'old text')]),
      });
      const old = service.dayMessages('g', '2018-05-15').messages[0]!;
      archive.write(
        path,
        chatLog('2018-05-15', [
          message('09:00:00', 'alice', 'new text'),
          message('09:05:00', 'bob', 'more'),
        ]),
      );
      await until(() => texts('g', '2018-05-15').includes('new text'), 'the new text');
      expect(texts('g', '2018-05-15')).toEqual(['new text', 'more']);
      expect(days('g')).toEqual(['2018-05-15']);
      expect(service.search('old').total).toBe(0);
      expect(service.search('new').total).toBe(1);
      // The old message's id names nothing now, rather than the message that replaced it.
      expect(service.messagesByIds([old.id])).toEqual([]);
      expect(() => service.locate(old.id)).toThrow(/no message/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'drops a removed file, and the conversation with its last file',
    async () => {
      await openArchive({
        'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
          message('09:00:00', 'alice', 'stays'),
        ]),
        'g/_posts/2018-05-16-chat.md': chatLog('2018-05-16', [
          message('09:00:00', 'alice', 'goes'),
        ]),
        'h/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
          message('09:00:00', 'carol', 'only file'),
        ]),
      });
      const goes = service.dayMessages('g', '2018-05-16').messages[0]!;
      rmSync(join(archive.root, 'g/_posts/2018-05-16-chat.md'));
      await until(() => days('g').length === 1, 'the removed day gone');
      expect(changedEvents()[0]).toEqual({
        type: 'changed',
        conversations: ['g'],
      });
      expect(texts('g', '2018-05-16')).toEqual([]);
      expect(service.search('goes').total).toBe(0);
      expect(service.messagesByIds([goes.id])).toEqual([]);

      rmSync(join(archive.root, 'h/_posts/2018-05-15-chat.md'));
      await until(() => !service.conversations().some((c) => c.id === 'h'), 'conversation h gone');
      expect(service.conversations().map((c) => c.id)).toEqual(['g']);
      expect(changedEvents()).toContainEqual(expect.objectContaining({ conversations: ['h'] }));
      const status = service.status();
      expect(status.state === 'ready' && status.archive.conversations.map((c) => c.id)).toEqual([
        'g',
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads a half-written file without failing, and its completed version once',
    async () => {
      await openArchive({
        'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
          message('09:00:00', 'alice', 'first day'),
        ]),
      });
      const path = join(archive.root, 'g/_posts/2018-05-16-chat.md');
      const complete = chatLog('2018-05-16', [
        message('10:00:00', 'bob', 'hello there'),
        message('10:01:00', 'alice', 'hi'),
      ]);
      // Front matter only, then a header without its text, each left until it was read.
      writeFileSync(path, complete.slice(0, complete.indexOf('> 10:00:00')));
      await until(() => changedEvents().length >= 1, 'the front matter read');
      expect(service.status().state).toBe('ready');
      writeFileSync(path, complete.slice(0, complete.indexOf('hello')));
      await until(() => days('g').includes('2018-05-16'), 'the header read');
      expect(
        service.dayMessages('g', '2018-05-16').messages.map((m) => [m.speaker, m.text]),
      ).toEqual([['bob', '']]);

      writeFileSync(path, complete);
      await until(() => texts('g', '2018-05-16').length === 2, 'the completed file read');
      expect(texts('g', '2018-05-16')).toEqual(['hello there', 'hi']);
      expect(days('g')).toEqual(['2018-05-15', '2018-05-16']);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'never shows a day twice while a file is written many times in quick succession',
    async () => {
      await openArchive({
        'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
          message('09:00:00', 'alice', 'first day'),
        ]),
      });
      const path = join(archive.root, 'g/_posts/2018-05-16-chat.md');
      const seen: string[][] = [];
      const written: { time: string; speaker: string; text: string }[] = [];
      for (let step = 0; step < 30; step++) {
        written.push(message(`10:${String(step).padStart(2, '0')}:00`, 'bob', `line ${step}`));
        const content = chatLog('2018-05-16', written);
        // Each version lands in two writes, as a tool that streams its output would leave it.
        writeFileSync(path, content.slice(0, content.length - 7));
        writeFileSync(path, content);
        seen.push(days('g'), texts('g', '2018-05-16'));
        await sleep(40);
      }
      await until(() => texts('g', '2018-05-16').length === 30, 'the last version read');
      await service.settled();
      for (const list of seen) expect(new Set(list).size).toBe(list.length);
      expect(days('g')).toEqual(['2018-05-15', '2018-05-16']);
      expect(texts('g', '2018-05-16')).toEqual(written.map((m) => m.text));
      expect(service.status().state === 'ready' && service.status()).toMatchObject({
        archive: { messages: 31 },
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'stops watching when the archive is closed or another is opened',
    async () => {
      await openArchive({
        'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
          message('09:00:00', 'alice', 'first'),
        ]),
      });
      const first = archive;
      const other = tempArchive('scrollback-live-other-');
      try {
        other.write(
          'k/_posts/2018-06-01-chat.md',
          chatLog('2018-06-01', [message('08:00:00', 'dan', 'other archive')]),
        );
        // A change under way in the first archive while the second one opens.
        first.write(
          'g/_posts/2018-05-16-chat.md',
          chatLog('2018-05-16', [message('09:00:00', 'alice', 'late')]),
        );
        await service.open(other.root);
        first.write(
          'g/_posts/2018-05-17-chat.md',
          chatLog('2018-05-17', [message('09:00:00', 'alice', 'later')]),
        );
        // Time enough for the watcher to have reported the first archive's change.
        await sleep(2500);
        await service.settled();
        expect(service.conversations().map((c) => c.id)).toEqual(['k']);
        expect(changedEvents().flatMap((event) => event.conversations)).not.toContain('g');
        const status = service.status();
        expect(status.state === 'ready' && status.archive.root).toBe(other.root);

        // The second archive is watched now.
        other.write(
          'k/_posts/2018-06-02-chat.md',
          chatLog('2018-06-02', [message('08:00:00', 'dan', 'next')]),
        );
        await until(() => days('k').length === 2, 'the second archive changed');

        await service.settled();
        service.close();
        events = [];
        other.write(
          'k/_posts/2018-06-03-chat.md',
          chatLog('2018-06-03', [message('08:00:00', 'dan', 'unseen')]),
        );
        await sleep(2500);
        expect(events).toEqual([]);
      } finally {
        other.remove();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
