/**
 * The persistent store: what reopening reads, how changes reach it, and what happens when the
 * database on disk is damaged, from another schema version or in use.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storePaths } from '../../../electron/service/store/location';
import { openStore } from '../../../electron/service/store/openStore';
import { SCHEMA_VERSION } from '../../../electron/service/store/schema';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';

let archive: TempArchive;
let cacheDir: string;

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
  archive.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

async function open() {
  return openStore(archive.root, { cacheDir });
}

async function texts(query: string): Promise<string[]> {
  const { data } = await open();
  try {
    return data.search(query, { limit: 50, order: 'oldest' }).hits.map((hit) => hit.text);
  } finally {
    data.close();
  }
}

/** Rows of the messages table, read from the database file once the store is closed. */
function storedRows(): { id: number; text: string }[] {
  const db = new DatabaseSync(storePaths(cacheDir, archive.root).database, { readOnly: true });
  try {
    return (
      db.prepare('SELECT id, text FROM messages ORDER BY id').all() as {
        id: number;
        text: string;
      }[]
    ).map((row) => ({ id: row.id, text: row.text }));
  } finally {
    db.close();
  }
}

describe('the store', () => {
  it('keeps the archive in a database and an index file in the cache folder, never in the archive', async () => {
    const before = readdirSync(archive.root, { recursive: true }).sort();
    const { data, report } = await open();
    expect(report).toMatchObject({ persistent: true, read: 3, changed: 3, indexLoaded: false });
    expect(data.messageCount).toBe(4);
    expect(data.conversations().map((c) => c.id)).toEqual(['devarch', 'proddev']);
    data.close();
    expect(readdirSync(archive.root, { recursive: true }).sort()).toEqual(before);
    const paths = storePaths(cacheDir, archive.root);
    expect(statSync(paths.database).size).toBeGreaterThan(0);
    expect(statSync(paths.index).size).toBeGreaterThan(0);
  });

  it('reads no file again when reopening an unchanged archive', async () => {
    const path = join(archive.root, 'proddev/_posts/2018-05-16-chat.markdown');
    const time = new Date('2024-01-02T03:04:05Z');
    utimesSync(path, time, time);
    (await open()).data.close();
    // Other words of the same size, with the old modification time put back: a reopen that read
    // the file again would find the new words.
    const size = statSync(path).size;
    writeFileSync(path, readFileSync(path, 'utf8').replace('担保支付吧', '担保收款吧'));
    utimesSync(path, time, time);
    expect(statSync(path).size).toBe(size);
    const { data, report } = await open();
    expect(report).toMatchObject({ read: 0, changed: 0, indexLoaded: true });
    expect(data.search('担保支付', { limit: 5, order: 'newest' }).total).toBe(1);
    expect(data.search('收款', { limit: 5, order: 'newest' }).total).toBe(0);
    expect(data.dayMessages('proddev', '2018-05-16').map((message) => message.text)).toEqual([
      '担保支付吧',
    ]);
    data.close();
  });

  it('updates only the rows of a changed file', async () => {
    (await open()).data.close();
    const before = storedRows();
    archive.write(
      'proddev/_posts/2018-05-16-chat.markdown',
      chatLog('2018-05-16', [
        { time: '10:00:00', speaker: '风者', text: '担保交易' },
        { time: '10:01:00', speaker: '风者', text: '分账接口V1.3.pdf' },
      ]),
    );
    const { data, report } = await open();
    expect(report).toMatchObject({ read: 1, changed: 1, indexLoaded: false, indexUpdated: true });
    expect(data.search('担保', { limit: 5, order: 'newest' }).hits.map((hit) => hit.text)).toEqual([
      '担保交易',
    ]);
    expect(data.search('has:file', { limit: 5, order: 'newest' }).total).toBe(1);
    expect(data.days('proddev')).toEqual([
      { day: '2018-05-15', messages: 2 },
      { day: '2018-05-16', messages: 2 },
    ]);
    data.close();
    const after = storedRows();
    const untouched = before.filter((row) => row.text !== '担保支付吧');
    // Every other message keeps its row as it was; only the changed file's rows are new.
    expect(after.filter((row) => untouched.some((old) => old.id === row.id))).toEqual(untouched);
    expect(
      after.filter((row) => !untouched.some((old) => old.id === row.id)).map((row) => row.text),
    ).toEqual(['担保交易', '分账接口V1.3.pdf']);
  });

  it('patches the saved index after changes, finding what an index built afresh finds', async () => {
    (await open()).data.close();
    archive.write(
      'proddev/_posts/2018-05-15-chat.markdown',
      chatLog('2018-05-15', [{ time: '09:03:00', speaker: 'Bison', text: '支付 via Apple Pay' }]),
    );
    archive.write(
      'devarch/_posts/2018-05-14-chat.markdown',
      chatLog('2018-05-14', [{ time: '23:00:00', speaker: '李雄峰', text: '清分 支付' }]),
    );
    rmSync(join(archive.root, 'devarch/_posts/2018-05-16-chat.markdown'));
    const updated = await open();
    expect(updated.report).toMatchObject({ read: 2, changed: 3, indexUpdated: true });
    const freshCache = mkdtempSync(join(tmpdir(), 'scrollback-cache-'));
    const fresh = await openStore(archive.root, { cacheDir: freshCache });
    try {
      for (const query of ['支付', 'pay', '担保', 'from:bison', 'on:2018-05-14', '扫码']) {
        const options = { limit: 10, order: 'newest' as const };
        const { took: _a, ...got } = updated.data.search(query, options);
        const { took: _b, ...expected } = fresh.data.search(query, options);
        expect(got, query).toEqual(expected);
      }
      expect(
        updated.data.search('支付', { limit: 10, order: 'oldest' }).hits.map((hit) => hit.text),
      ).toEqual(['清分 支付', '支付 via Apple Pay', '担保支付吧']);
    } finally {
      updated.data.close();
      fresh.data.close();
      rmSync(freshCache, { recursive: true, force: true });
    }
    expect((await open()).report).toMatchObject({ read: 0, indexLoaded: true });
  });

  it('adds new files and forgets removed ones', async () => {
    (await open()).data.close();
    archive.write(
      'devarch/_posts/2018-05-17-chat.markdown',
      chatLog('2018-05-17', [{ time: '08:00:00', speaker: '橄榄', text: '新的支付方式' }]),
    );
    rmSync(join(archive.root, 'proddev/_posts/2018-05-16-chat.markdown'));
    const { data, report } = await open();
    expect(report).toMatchObject({ read: 1, changed: 2 });
    expect(data.search('支付', { limit: 10, order: 'oldest' }).hits.map((hit) => hit.text)).toEqual(
      ['近期分享安排：支付清算', '扫码支付', '新的支付方式'],
    );
    expect(data.conversations().find((c) => c.id === 'proddev')).toMatchObject({
      messages: 2,
      days: 1,
      last: '2018-05-15',
    });
    expect(data.files.chat).toBe(3);
    data.close();
  });

  it('does not read a file again when only its time changed', async () => {
    (await open()).data.close();
    const path = join(archive.root, 'devarch/_posts/2018-05-16-chat.markdown');
    utimesSync(path, new Date(2020, 1, 1), new Date(2020, 1, 1));
    const { data, report } = await open();
    // Read once to compare its content hash, which is unchanged: no row changes, index kept.
    expect(report).toMatchObject({ read: 1, changed: 0, indexLoaded: true });
    data.close();
    expect((await open()).report.read).toBe(0);
  });

  it('rebuilds a database file that is not a database', async () => {
    (await open()).data.close();
    writeFileSync(
      storePaths(cacheDir, archive.root).database,
      'this is not a database, it was damaged',
    );
    const { data, report } = await open();
    expect(report.persistent).toBe(true);
    expect(report.note).toMatch(/unreadable/);
    expect(report.read).toBe(3);
    expect(data.search('支付', { limit: 10, order: 'newest' }).total).toBe(3);
    data.close();
  });

  it('rebuilds a database truncated in the middle', async () => {
    (await open()).data.close();
    const path = storePaths(cacheDir, archive.root).database;
    const bytes = readFileSync(path);
    writeFileSync(
      path,
      Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0x55)]),
    );
    expect(await texts('支付')).toEqual(['近期分享安排：支付清算', '担保支付吧', '扫码支付']);
  });

  it(`rebuilds a database of another schema version than ${SCHEMA_VERSION}`, async () => {
    (await open()).data.close();
    const db = new DatabaseSync(storePaths(cacheDir, archive.root).database);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const { data, report } = await open();
    expect(report.note).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(report).toMatchObject({ persistent: true, read: 3 });
    expect(data.messageCount).toBe(4);
    data.close();
    expect((await open()).report).toMatchObject({ read: 0, indexLoaded: true });
  });

  it('rebuilds a database from before schema versions (user_version 0 with tables)', async () => {
    const db = new DatabaseSync(storePaths(cacheDir, archive.root).database);
    db.exec('CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const { data, report } = await open();
    expect(report.note).toContain('schema version 0');
    expect(data.messageCount).toBe(4);
    data.close();
  });

  it('works in memory when another Scrollback holds the store', async () => {
    const first = await open();
    const second = await open();
    expect(second.report.persistent).toBe(false);
    expect(second.report.note).toMatch(/in use/);
    expect(second.data.search('支付', { limit: 10, order: 'newest' }).total).toBe(3);
    second.data.close();
    first.data.close();
    expect((await open()).report).toMatchObject({ persistent: true, read: 0 });
  });

  it('works in memory when the cache folder cannot be made, and makes no store for a missing folder', async () => {
    const blocked = join(cacheDir, 'a-file');
    writeFileSync(blocked, '');
    const { data, report } = await openStore(archive.root, { cacheDir: join(blocked, 'cache') });
    expect(report.persistent).toBe(false);
    expect(data.search('支付', { limit: 10, order: 'newest' }).total).toBe(3);
    data.close();
    await expect(openStore(join(archive.root, 'missing'), { cacheDir })).rejects.toThrow(
      /does not exist/,
    );
    expect(readdirSync(cacheDir)).toEqual(['a-file']);
  });

  it('builds the index again when its file is missing or damaged', async () => {
    (await open()).data.close();
    const { index } = storePaths(cacheDir, archive.root);
    writeFileSync(index, Buffer.alloc(64, 1));
    const { data, report } = await open();
    expect(report).toMatchObject({ read: 0, indexLoaded: false });
    expect(data.search('pay', { limit: 10, order: 'newest' }).hits.map((hit) => hit.text)).toEqual([
      'Apple Pay 上线了',
    ]);
    data.close();
    expect((await open()).report.indexLoaded).toBe(true);
  });
});
