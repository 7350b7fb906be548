/**
 * The persistent store: what reopening reads, how changes reach it, and what happens when its
 * database or index segments on disk are damaged, from another schema version or cannot be made.
 */
import {
  realpathSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../electron/service/archiveService';
import { nothingChanged } from '../../../electron/service/store/known';
import { databasePath, storeFolder } from '../../../electron/service/store/location';
import { SCHEMA_VERSION } from '../../../electron/service/store/schema';
import { openSqlite } from '../../../electron/service/store/sqlite';
import { ArchiveStore } from '../../../electron/service/store/store';
import type { SyncReport } from '../../../electron/service/store/sync';
import type { SearchResult } from '../../../shared/api';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { dayByDayMessages, withTemporaryFolder } from '../../fixtures/store';

let archive: TempArchive;
let cacheDir: string;
const opened: ArchiveStore[] = [];

beforeEach(() => {
  archive = tempArchive();
  cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-cache-'));
  archive.write(
    'proddev/_posts/2018-05-15-chat.markdown',
    chatLog('2018-05-15', [
      { time: '09:02:16', speaker: '李雄峰', text: '近期分享安排：支付清算' },
      { time: '09:05:00', speaker: 'Bison', text: 'Apple Pay 上线了' },
    ]),
  );
  archive.write(
    'proddev/_posts/2018-05-16-chat.markdown',
    chatLog('2018-05-16', [{ time: '10:00:00', speaker: '风者', text: '担保支付吧' }]),
  );
  archive.write(
    'devarch/_posts/2018-05-16-chat.markdown',
    chatLog('2018-05-16', [{ time: '11:00:00', speaker: '橄榄', text: '扫码支付' }]),
  );
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  archive.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Opens the archive's store as the app does, and brings it up to date. */
async function open(
  cache: string = cacheDir,
): Promise<{ store: ArchiveStore; report: SyncReport }> {
  const store = ArchiveStore.open(archive.root, { cacheDir: cache, timeZone: 'UTC' });
  opened.push(store);
  const report = await store.sync();
  // The first sync of an opened store always reports, even when nothing changed.
  if (!report) throw new Error('the first sync of a store gave no report');
  return { store, report };
}

/** Opens, syncs and closes: the store on disk is then up to date. */
async function build(): Promise<void> {
  (await open()).store.close();
}

const folder = () => storeFolder(cacheDir, archive.root);
const segmentFiles = () => readdirSync(folder()).filter((name) => /^segment-\d+\.idx$/.test(name));

function texts(store: ArchiveStore, query: string): string[] {
  return store.search(query, { limit: 50, order: 'oldest' }).hits.map((hit) => hit.text);
}

/** A result as a user sees it, without ids (a store built afresh numbers messages its own way). */
function visible(result: SearchResult) {
  return {
    total: result.total,
    hits: result.hits.map(({ id: _id, ...hit }) => hit),
    nextCursor: result.nextCursor,
    facets: result.facets,
    problems: result.problems,
  };
}

describe('the store', () => {
  it('keeps the archive in a database and index segments in the cache folder, never in the archive', async () => {
    const before = readdirSync(archive.root, { recursive: true }).sort();
    const { store, report } = await open();
    expect(store.persistent).toBe(true);
    expect(report).toMatchObject({ read: 3, changed: 3, conversations: ['devarch', 'proddev'] });
    expect(store.messageCount).toBe(4);
    expect(store.conversations().map((c) => c.id)).toEqual(['devarch', 'proddev']);
    store.close();
    expect(readdirSync(archive.root, { recursive: true }).sort()).toEqual(before);
    expect(statSync(databasePath(folder())).size).toBeGreaterThan(0);
    expect(segmentFiles().length).toBeGreaterThan(0);
  });

  it('names every archive’s store as it always did (the SHA-256 of its path), so no store is lost', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (root) => {
        const expected = createHash('sha256').update(root).digest('hex').slice(0, 24);
        expect(storeFolder('/cache', root)).toBe(join('/cache', expected));
      }),
    );
    expect(storeFolder('/cache', '/home/ana/聊天记录')).toBe(
      join('/cache', createHash('sha256').update('/home/ana/聊天记录').digest('hex').slice(0, 24)),
    );
  });

  it('reads no file again when reopening an unchanged archive', async () => {
    const path = join(archive.root, 'proddev/_posts/2018-05-16-chat.markdown');
    const time = new Date('2024-01-02T03:04:05Z');
    utimesSync(path, time, time);
    await build();
    // Other words of the same size, with the old modification time put back: a reopen that read
    // the file again would find the new words.
    const size = statSync(path).size;
    writeFileSync(path, readFileSync(path, 'utf8').replace('担保支付吧', '担保收款吧'));
    utimesSync(path, time, time);
    expect(statSync(path).size).toBe(size);
    const { store, report } = await open();
    expect(report).toMatchObject({ read: 0, changed: 0, conversations: [] });
    expect(store.search('担保支付', { limit: 5, order: 'newest' }).total).toBe(1);
    expect(store.search('收款', { limit: 5, order: 'newest' }).total).toBe(0);
    expect(store.dayMessages('proddev', '2018-05-16').messages.map((m) => m.text)).toEqual([
      '担保支付吧',
    ]);
  });

  it('notices a change to any one file, by its size alone, in the quick check of an unchanged folder', async () => {
    const files = [
      'proddev/_posts/2018-05-15-chat.markdown',
      'proddev/_posts/2018-05-16-chat.markdown',
      'devarch/_posts/2018-05-16-chat.markdown',
    ];
    const root = realpathSync(archive.root);
    // From the known table the syncs write, or (a store from before it) from the files table.
    const unchanged = (fromFilesTable = false) => {
      const db = openSqlite(databasePath(folder()), { readOnly: !fromFilesTable });
      if (fromFilesTable) db.exec('BEGIN; DELETE FROM known;');
      try {
        const options = { root, folder: folder(), timeZone: () => 'UTC', merges: new Map() };
        return nothingChanged(db, root, options);
      } finally {
        if (fromFilesTable) db.exec('ROLLBACK');
        db.close();
      }
    };
    for (const file of files) {
      await build();
      expect(unchanged()).toBe(true);
      expect(unchanged(true)).toBe(true);
      const path = join(archive.root, file);
      const time = statSync(path).mtime;
      // Rewritten in place with one more line and the old time put back: only the size says so.
      writeFileSync(path, `${readFileSync(path, 'utf8')}\n`);
      utimesSync(path, time, time);
      expect(unchanged(), file).toBe(false);
      expect(unchanged(true), file).toBe(false);
    }
  });

  it('replaces only the rows of a changed file: other messages keep their ids, its own get new ones', async () => {
    const first = await open();
    const before = dayByDayMessages(first.store);
    const gone = before.find((message) => message.text === '担保支付吧')!;
    archive.write(
      'proddev/_posts/2018-05-16-chat.markdown',
      chatLog('2018-05-16', [
        { time: '10:00:00', speaker: '风者', text: '担保交易' },
        { time: '10:01:00', speaker: '风者', text: '分账接口V1.3.pdf' },
      ]),
    );
    const report = await first.store.sync();
    expect(report).toMatchObject({ read: 1, changed: 1, conversations: ['proddev'] });
    const { store } = first;
    expect(texts(store, '担保')).toEqual(['担保交易']);
    expect(store.search('has:file', { limit: 5, order: 'newest' }).total).toBe(1);
    expect(store.days('proddev')).toEqual([
      { day: '2018-05-15', messages: 2, events: 0 },
      { day: '2018-05-16', messages: 2, events: 0 },
    ]);
    const after = dayByDayMessages(store);
    const untouched = before.filter((message) => message !== gone);
    // Every other message is as it was, under the same id; the changed file's rows are new.
    expect(after.filter((m) => untouched.some((old) => old.id === m.id))).toEqual(untouched);
    const fresh = after.filter((m) => !untouched.some((old) => old.id === m.id));
    expect(fresh.map((m) => m.text)).toEqual(['担保交易', '分账接口V1.3.pdf']);
    // A message id never names another message: the old row's id names nothing now.
    const known = new Set(before.map((m) => m.id));
    expect(fresh.every((m) => !known.has(m.id))).toBe(true);
    expect(store.locate(gone.id)).toBeNull();
    expect(store.messagesByIds([gone.id])).toEqual([]);
    // The same when the store is opened again from disk.
    const reopened = await open();
    expect(reopened.report.read).toBe(0);
    expect(dayByDayMessages(reopened.store)).toEqual(after);
  });

  it('finds after changes what a store built afresh finds', async () => {
    const { store } = await open();
    archive.write(
      'proddev/_posts/2018-05-15-chat.markdown',
      chatLog('2018-05-15', [{ time: '09:03:00', speaker: 'Bison', text: '支付 via Apple Pay' }]),
    );
    archive.write(
      'devarch/_posts/2018-05-14-chat.markdown',
      chatLog('2018-05-14', [{ time: '23:00:00', speaker: '李雄峰', text: '清分 支付' }]),
    );
    rmSync(join(archive.root, 'devarch/_posts/2018-05-16-chat.markdown'));
    expect(await store.sync()).toMatchObject({ read: 2, changed: 3 });
    const freshCache = mkdtempSync(join(tmpdir(), 'scrollback-cache-'));
    try {
      const fresh = await open(freshCache);
      for (const query of ['支付', 'pay', '担保', 'from:bison', 'on:2018-05-14', '扫码', 'ap']) {
        for (const order of ['newest', 'oldest'] as const) {
          const options = { limit: 2, order };
          expect(visible(store.search(query, options)), query).toEqual(
            visible(fresh.store.search(query, options)),
          );
        }
      }
      expect(texts(store, '支付')).toEqual(['清分 支付', '支付 via Apple Pay', '担保支付吧']);
      expect(store.conversations()).toEqual(fresh.store.conversations());
      fresh.store.close();
    } finally {
      rmSync(freshCache, { recursive: true, force: true });
    }
    store.close();
    expect((await open()).report.read).toBe(0);
  });

  it('adds new files and forgets removed ones', async () => {
    await build();
    archive.write(
      'devarch/_posts/2018-05-17-chat.markdown',
      chatLog('2018-05-17', [{ time: '08:00:00', speaker: '橄榄', text: '新的支付方式' }]),
    );
    rmSync(join(archive.root, 'proddev/_posts/2018-05-16-chat.markdown'));
    const { store, report } = await open();
    expect(report).toMatchObject({ read: 1, changed: 2, conversations: ['devarch', 'proddev'] });
    expect(texts(store, '支付')).toEqual(['近期分享安排：支付清算', '扫码支付', '新的支付方式']);
    expect(store.conversations().find((c) => c.id === 'proddev')).toMatchObject({
      messages: 2,
      days: 1,
      last: '2018-05-15',
    });
    expect(store.files.chat).toBe(3);
  });

  it('keeps the list the quick check reads equal to the files table through every kind of change', async () => {
    // What the quick check compares (the known table) against the files table it stands for.
    const lists = () => {
      const db = openSqlite(databasePath(folder()), { readOnly: true });
      try {
        const row = db.prepare('SELECT paths, sizes, mtimes FROM known').get() as {
          paths: Uint8Array;
          sizes: Uint8Array;
          mtimes: Uint8Array;
        };
        const numbers = (bytes: Uint8Array) =>
          new Float64Array(
            bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
          );
        const [sizes, mtimes] = [numbers(row.sizes), numbers(row.mtimes)];
        const known = new TextDecoder()
          .decode(row.paths)
          .split('\0')
          .map((path, i) => `${path} ${sizes[i]} ${mtimes[i]}`);
        const files = (
          db.prepare('SELECT path, size, mtime FROM files').all() as unknown as {
            path: string;
            size: number;
            mtime: number;
          }[]
        ).map((file) => `${file.path} ${file.size} ${file.mtime}`);
        return { known: known.sort(), files: files.sort() };
      } finally {
        db.close();
      }
    };
    const { store } = await open();
    const day = (date: string, text: string) =>
      chatLog(date, [{ time: '08:00:00', speaker: '橄榄', text }]);
    const steps = [
      () => archive.write('devarch/_posts/2018-05-17-chat.markdown', day('2018-05-17', '新的')),
      () => archive.write('devarch/_posts/2018-05-17-chat.markdown', day('2018-05-17', '改过的')),
      () => {
        const path = join(archive.root, 'proddev/_posts/2018-05-15-chat.markdown');
        utimesSync(path, new Date(Date.UTC(2021, 0, 1)), new Date(Date.UTC(2021, 0, 1)));
      },
      () => rmSync(join(archive.root, 'proddev/_posts/2018-05-16-chat.markdown')),
      () => archive.write('notes/readme.txt', 'not a chat'),
    ];
    for (const step of steps) {
      step();
      await store.sync();
      const { known, files } = lists();
      expect(known).toEqual(files);
    }
    expect(lists().files.some((file) => file.startsWith('devarch/_posts/2018-05-17'))).toBe(true);
  });

  it('forgets a conversation whose last file was removed', async () => {
    await build();
    rmSync(join(archive.root, 'devarch/_posts/2018-05-16-chat.markdown'));
    const { store, report } = await open();
    expect(report.conversations).toEqual(['devarch']);
    expect(store.conversations().map((c) => c.id)).toEqual(['proddev']);
    expect(store.days('devarch')).toEqual([]);
    expect(texts(store, '扫码')).toEqual([]);
  });

  it('shows the same messages after a file’s time alone changed, and reads nothing the time after', async () => {
    const first = await open();
    const before = dayByDayMessages(first.store);
    const path = join(archive.root, 'devarch/_posts/2018-05-16-chat.markdown');
    utimesSync(path, new Date(Date.UTC(2020, 1, 1)), new Date(Date.UTC(2020, 1, 1)));
    await first.store.sync();
    const strip = (messages: typeof before) => messages.map(({ id: _id, ...rest }) => rest);
    expect(strip(dayByDayMessages(first.store))).toEqual(strip(before));
    expect(await first.store.sync()).toBeNull();
    first.store.close();
    expect((await open()).report.read).toBe(0);
  });

  // A regression from the store before this one, which compared the content hash of a file
  // whose time changed and kept its rows: electron/service/store/sync.ts changedFiles() stores
  // each file's sha1 (files.hash) but never compares it, so a `touch`, a checkout or a backup tool
  // makes the file's rows new. Its messages get new ids (a selection or a message in the address
  // names nothing any more) and the service sends a `changed` event for nothing.
  it('keeps the ids of a file whose time alone changed', async () => {
    const { store } = await open();
    const before = dayByDayMessages(store).map((m) => m.id);
    const path = join(archive.root, 'devarch/_posts/2018-05-16-chat.markdown');
    utimesSync(path, new Date(Date.UTC(2020, 1, 1)), new Date(Date.UTC(2020, 1, 1)));
    const report = await store.sync();
    expect(report?.changed ?? 0).toBe(0);
    expect(dayByDayMessages(store).map((m) => m.id)).toEqual(before);
  });

  it('rebuilds a database file that is not a database', async () => {
    await build();
    writeFileSync(databasePath(folder()), 'this is not a database, it was damaged');
    const { store, report } = await open();
    expect(store.persistent).toBe(true);
    expect(store.note).toMatch(/unreadable/);
    expect(report.read).toBe(3);
    expect(store.search('支付', { limit: 10, order: 'newest' }).total).toBe(3);
  });

  it('rebuilds a database truncated in the middle', async () => {
    await build();
    const path = databasePath(folder());
    const bytes = readFileSync(path);
    writeFileSync(
      path,
      Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0x55)]),
    );
    const { store } = await open();
    expect(texts(store, '支付')).toEqual(['近期分享安排：支付清算', '担保支付吧', '扫码支付']);
  });

  it(`rebuilds a database of another schema version than ${SCHEMA_VERSION}`, async () => {
    await build();
    const db = openSqlite(databasePath(folder()));
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const { store, report } = await open();
    expect(store.note).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(store.persistent).toBe(true);
    expect(report.read).toBe(3);
    expect(store.messageCount).toBe(4);
    store.close();
    expect((await open()).report.read).toBe(0);
  });

  it('rebuilds a database from before schema versions (user_version 0 with tables)', async () => {
    mkdirSync(folder(), { recursive: true });
    const db = openSqlite(databasePath(folder()));
    db.exec('CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const { store } = await open();
    expect(store.note).toContain('schema version 0');
    expect(store.messageCount).toBe(4);
  });

  it('rebuilds a store that belonged to another folder', async () => {
    await build();
    const db = openSqlite(databasePath(folder()));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'root'").run('/some/other/archive');
    db.close();
    const { store, report } = await open();
    expect(store.note).toMatch(/another folder/);
    expect(report.read).toBe(3);
    expect(store.messageCount).toBe(4);
  });

  it.each([
    ['missing', (path: string) => rmSync(path)],
    ['not a segment', (path: string) => writeFileSync(path, Buffer.alloc(64, 1))],
    ['cut short', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 200))],
  ])('builds the index again when a segment file is %s', async (_name, damage) => {
    await build();
    const [segment] = segmentFiles();
    damage(join(folder(), segment!));
    const { store, report } = await open();
    expect(store.note).toMatch(/damaged/);
    expect(store.persistent).toBe(true);
    expect(report.read).toBe(3);
    expect(texts(store, 'pay')).toEqual(['Apple Pay 上线了']);
    expect(store.messageCount).toBe(4);
    store.close();
    expect((await open()).report.read).toBe(0);
  });

  it('answers from a second store opened on the same cache while the first is open', async () => {
    const first = await open();
    const second = await open();
    expect(second.store.persistent).toBe(true);
    expect(second.report.read).toBe(0);
    expect(texts(second.store, '支付')).toEqual(texts(first.store, '支付'));
    second.store.close();
    first.store.close();
    expect((await open()).report.read).toBe(0);
  });

  it('shows what another process added to the shared store, though the folder then looks unchanged to it', async () => {
    const app = await open();
    const cli = await open();
    archive.write(
      'proddev/_posts/2018-05-17-chat.markdown',
      chatLog('2018-05-17', [{ time: '11:00:00', speaker: '风者', text: '支付宝收款码' }]),
    );
    // The CLI reads the new file first; the app, told of it later, finds nothing left to read.
    expect((await cli.store.sync())?.read).toBe(1);
    const report = await app.store.sync();
    expect(report).toMatchObject({ read: 0, reloaded: true });
    expect(texts(app.store, '收款码')).toEqual(['支付宝收款码']);
    expect(app.store.days('proddev').map((day) => day.day)).toContain('2018-05-17');
    cli.store.close();
    app.store.close();
  });

  it('works in a temporary folder when the cache folder cannot be made, and removes it on close', async () => {
    const blocked = join(cacheDir, 'a-file');
    writeFileSync(blocked, '');
    // A temporary folder of this test's own, to see the store's come and go.
    const temporary = join(cacheDir, 'tmp');
    mkdirSync(temporary);
    const { store } = await withTemporaryFolder(temporary, () => open(join(blocked, 'cache')));
    expect(store.persistent).toBe(false);
    expect(store.note).toMatch(/could not be made/);
    expect(store.search('支付', { limit: 10, order: 'newest' }).total).toBe(3);
    expect(readdirSync(temporary)).toHaveLength(1);
    store.close();
    expect(readdirSync(temporary)).toEqual([]);
    expect(readdirSync(cacheDir).sort()).toEqual(['a-file', 'tmp']);
  });

  it('makes no store for a folder that cannot be opened', async () => {
    const service = new ArchiveService({ cacheDir, watch: false });
    await expect(service.open(join(archive.root, 'missing'))).rejects.toMatchObject({
      code: 'folder-unreadable',
      message: expect.stringMatching(/does not exist\.$/),
    });
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
