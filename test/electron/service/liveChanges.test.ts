/**
 * Live changes: files added, changed, removed or caught half-written while an archive is open
 * reach the service's answers within 2 s, with a 'changed' event naming the conversation, and
 * never as a day or message shown twice. Once with a store on disk, once in memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { ArchiveService } from '../../../electron/service/archiveService';
import { openStore } from '../../../electron/service/store/openStore';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';

const LIMIT_MS = 2000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Milliseconds until `check` holds; fails the test after `limit`. */
async function within(limit: number, check: () => boolean, what: string): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > limit) throw new Error(`Not within ${limit} ms: ${what}`);
    await sleep(20);
  }
  return performance.now() - started;
}

const message = (time: string, speaker: string, text: string) => ({ time, speaker, text });

describe.each([
  ['a store on disk', true],
  ['a store in memory', false],
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
    // Changes made before the watcher starts listening are not what these tests are about.
    await sleep(100);
    events = [];
  }

  const changedEvents = () => events.filter((event) => event.type === 'changed');
  const days = (conversation: string) => service.days(conversation).map((day) => day.day);
  const texts = (conversation: string, day: string) =>
    service.dayMessages(conversation, day).map((m) => m.text);

  afterEach(async () => {
    await service?.settled();
    service?.close();
    archive?.remove();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });

  it('shows a day file written while the archive is open, within 2 s, with a changed event', async () => {
    await openArchive({
      'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
        message('09:00:00', 'alice', 'first day'),
      ]),
    });
    archive.write(
      'g/_posts/2018-05-16-chat.md',
      chatLog('2018-05-16', [
        message('10:00:00', 'bob', 'a zebra arrives'),
        message('10:01:00', 'alice', 'welcome'),
      ]),
    );
    const ms = await within(LIMIT_MS, () => days('g').includes('2018-05-16'), 'the new day listed');
    console.log(`new day listed after ${Math.round(ms)} ms (${persistent ? 'disk' : 'memory'})`);
    expect(days('g')).toEqual(['2018-05-15', '2018-05-16']);
    expect(texts('g', '2018-05-16')).toEqual(['a zebra arrives', 'welcome']);
    // A day added after the others renumbers none of their messages (a selection stays valid).
    expect(changedEvents()).toContainEqual({
      type: 'changed',
      conversations: ['g'],
      renumberedFrom: null,
    });
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
    // Search finds it too: the index was patched, not left behind.
    expect(service.search('zebra').hits.map((hit) => hit.text)).toEqual(['a zebra arrives']);

    // A store on disk kept the change and its index: a later open reads no file again.
    await service.settled();
    service.close();
    const { data, report } = await openStore(archive.root, { cacheDir });
    try {
      expect(report.read).toBe(persistent ? 0 : 2);
      expect(report.indexLoaded).toBe(persistent);
      expect(data.days('g').map((day) => day.day)).toEqual(['2018-05-15', '2018-05-16']);
      expect(data.search('zebra', { limit: 10, order: 'newest' }).total).toBe(1);
    } finally {
      data.close();
    }
  });

  it('says from which message on ids name other messages when an earlier day is added', async () => {
    await openArchive({
      'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [message('09:00:00', 'alice', 'a')]),
      'g/_posts/2018-05-17-chat.md': chatLog('2018-05-17', [message('09:00:00', 'alice', 'c')]),
    });
    const before = service.dayMessages('g', '2018-05-17')[0]!.id;
    archive.write(
      'g/_posts/2018-05-16-chat.md',
      chatLog('2018-05-16', [message('09:00:00', 'bob', 'b')]),
    );
    await within(LIMIT_MS, () => changedEvents().length > 0, 'the changed event');
    expect(changedEvents()[0]).toEqual({
      type: 'changed',
      conversations: ['g'],
      renumberedFrom: before,
    });
    expect(service.dayMessages('g', '2018-05-17')[0]!.id).not.toBe(before);
  });

  it('replaces the messages of a changed file rather than adding them again', async () => {
    const path = 'g/_posts/2018-05-15-chat.md';
    await openArchive({
      [path]: chatLog('2018-05-15', [message('09:00:00', 'alice', 'old text')]),
    });
    archive.write(
      path,
      chatLog('2018-05-15', [
        message('09:00:00', 'alice', 'new text'),
        message('09:05:00', 'bob', 'more'),
      ]),
    );
    await within(LIMIT_MS, () => texts('g', '2018-05-15').includes('new text'), 'the new text');
    expect(texts('g', '2018-05-15')).toEqual(['new text', 'more']);
    expect(days('g')).toEqual(['2018-05-15']);
    expect(service.search('old').total).toBe(0);
    expect(service.search('new').total).toBe(1);
  });

  it('drops a removed file, and the conversation with its last file', async () => {
    await openArchive({
      'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [message('09:00:00', 'alice', 'stays')]),
      'g/_posts/2018-05-16-chat.md': chatLog('2018-05-16', [message('09:00:00', 'alice', 'goes')]),
      'h/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [
        message('09:00:00', 'carol', 'only file'),
      ]),
    });
    rmSync(join(archive.root, 'g/_posts/2018-05-16-chat.md'));
    await within(LIMIT_MS, () => days('g').length === 1, 'the removed day gone');
    // Its message had the last id: that id now names nothing, and a selection must let it go.
    expect(changedEvents()[0]).toMatchObject({ conversations: ['g'], renumberedFrom: 2 });
    expect(texts('g', '2018-05-16')).toEqual([]);
    expect(service.search('goes').total).toBe(0);

    rmSync(join(archive.root, 'h/_posts/2018-05-15-chat.md'));
    await within(
      LIMIT_MS,
      () => !service.conversations().some((c) => c.id === 'h'),
      'conversation h gone',
    );
    expect(service.conversations().map((c) => c.id)).toEqual(['g']);
    expect(changedEvents()).toContainEqual(expect.objectContaining({ conversations: ['h'] }));
    const status = service.status();
    expect(status.state === 'ready' && status.archive.conversations.map((c) => c.id)).toEqual([
      'g',
    ]);
  });

  it('reads a half-written file without failing, and its completed version once', async () => {
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
    // Front matter only, then a header without its text, each left long enough to be read.
    writeFileSync(path, complete.slice(0, complete.indexOf('> 10:00:00')));
    await within(LIMIT_MS, () => changedEvents().length >= 1, 'the front matter read');
    expect(service.status().state).toBe('ready');
    writeFileSync(path, complete.slice(0, complete.indexOf('hello')));
    await within(LIMIT_MS, () => days('g').includes('2018-05-16'), 'the header read');
    expect(service.dayMessages('g', '2018-05-16').map((m) => [m.speaker, m.text])).toEqual([
      ['bob', ''],
    ]);

    writeFileSync(path, complete);
    await within(LIMIT_MS, () => texts('g', '2018-05-16').length === 2, 'the completed file read');
    expect(texts('g', '2018-05-16')).toEqual(['hello there', 'hi']);
    expect(days('g')).toEqual(['2018-05-15', '2018-05-16']);
  });

  it('never shows a day twice while a file is written many times in quick succession', async () => {
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
    await within(
      LIMIT_MS + 1500,
      () => texts('g', '2018-05-16').length === 30,
      'the last version read',
    );
    await service.settled();
    for (const list of seen) expect(new Set(list).size).toBe(list.length);
    expect(days('g')).toEqual(['2018-05-15', '2018-05-16']);
    expect(texts('g', '2018-05-16')).toEqual(written.map((m) => m.text));
    expect(service.status().state === 'ready' && service.status()).toMatchObject({
      archive: { messages: 31 },
    });
  });

  it('stops watching when the archive is closed or another is opened', async () => {
    await openArchive({
      'g/_posts/2018-05-15-chat.md': chatLog('2018-05-15', [message('09:00:00', 'alice', 'first')]),
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
      await sleep(LIMIT_MS);
      expect(service.conversations().map((c) => c.id)).toEqual(['k']);
      expect(
        changedEvents().flatMap((event) => (event.type === 'changed' ? event.conversations : [])),
      ).not.toContain('g');
      const status = service.status();
      expect(status.state === 'ready' && status.archive.root).toBe(other.root);

      // The second archive is watched now.
      other.write(
        'k/_posts/2018-06-02-chat.md',
        chatLog('2018-06-02', [message('08:00:00', 'dan', 'next')]),
      );
      await within(LIMIT_MS, () => days('k').length === 2, 'the second archive changed');

      service.close();
      events = [];
      other.write(
        'k/_posts/2018-06-03-chat.md',
        chatLog('2018-06-03', [message('08:00:00', 'dan', 'unseen')]),
      );
      await sleep(1000);
      expect(events).toEqual([]);
    } finally {
      other.remove();
    }
  });
});
