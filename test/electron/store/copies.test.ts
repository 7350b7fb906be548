/**
 * Overlapping exports shown once: a message another file of the conversation also holds is one
 * bubble, one search hit, one exported line, and knows the files it came from.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../electron/service/store/store';
import {
  VARIANTS_ARCHIVE,
  chatLog,
  tempArchive,
  variantsMissing,
  type TempArchive,
} from '../../fixtures/archive';
import { openSynced, shownMessages } from '../../fixtures/store';
import { compareStrings } from '../../../shared/archive/compare';

let archive: TempArchive | null = null;
const stores: ArchiveStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((store) => store.close());
  archive?.remove();
  archive = null;
});

async function open(root: string, merges?: Map<string, string>) {
  const store = await openSynced(root, merges ? { merges } : {});
  stores.push(store);
  return store;
}

const line = (time: string, speaker: string, text: string) => ({ time, speaker, text });

describe('copies in overlapping files of a conversation', () => {
  it('shows a message held by two files once, and says where it came from', async () => {
    archive = tempArchive();
    const shared = [line('09:00:00', 'Ana', 'hello'), line('09:01:00', 'Ben', 'hi there')];
    archive.write('group/_posts/2024-01-02-chat.md', chatLog('2024-01-02', shared));
    archive.write(
      'group/_posts/2024-01-02-again.md',
      chatLog('2024-01-02', [...shared, line('09:02:00', 'Ana', 'new')]),
    );
    const store = await open(archive.root);
    const day = store.dayMessages('group', '2024-01-02').messages;
    expect(day.map((m) => m.text)).toEqual(['hello', 'hi there', 'new']);
    expect(store.conversations()[0]).toMatchObject({ lines: 5, unique: 3, messages: 3 });
    expect(store.search('hello', { limit: 10, order: 'newest' }).total).toBe(1);
    const hello = day[0]!;
    expect(hello.copies).toBe(1);
    expect(
      store
        .messageSources(hello.id)
        .map((source) => source.path)
        .sort(),
    ).toEqual(['group/_posts/2024-01-02-again.md', 'group/_posts/2024-01-02-chat.md']);
  });

  it('keeps two equal messages of one file, and folds only what another file repeats', async () => {
    archive = tempArchive();
    archive.write(
      'g/_posts/2024-01-02-a.md',
      chatLog('2024-01-02', [line('09:00:00', 'Ana', 'ok'), line('09:00:00', 'Ana', 'ok')]),
    );
    archive.write(
      'g/_posts/2024-01-02-b.md',
      chatLog('2024-01-02', [line('09:00:00', 'Ana', 'ok')]),
    );
    const store = await open(archive.root);
    expect(store.dayMessages('g', '2024-01-02').messages.map((m) => m.text)).toEqual(['ok', 'ok']);
  });

  it('shows the copy again when the file holding the shown one goes away', async () => {
    archive = tempArchive();
    const messages = [line('09:00:00', 'Ana', 'hello')];
    const first = archive.write('g/_posts/2024-01-02-a.md', chatLog('2024-01-02', messages));
    archive.write('g/_posts/2024-01-02-b.md', chatLog('2024-01-02', messages));
    const store = await open(archive.root);
    const before = store.dayMessages('g', '2024-01-02').messages;
    expect(before.map((m) => m.path)).toEqual(['g/_posts/2024-01-02-a.md']);
    (await import('node:fs')).rmSync(first);
    await store.sync();
    const after = store.dayMessages('g', '2024-01-02').messages;
    expect(after.map((m) => [m.path, m.text])).toEqual([['g/_posts/2024-01-02-b.md', 'hello']]);
    expect(after[0]!.copies).toBeUndefined();
    expect(store.locate(before[0]!.id)).toBeNull();
  });

  it('merges two exports of one chat into one conversation, counted once, and separates them again', async () => {
    archive = tempArchive();
    const shared = [line('09:00:00', 'Ana', 'hello'), line('09:01:00', 'Ben', 'hi there')];
    archive.write('first/_posts/2024-01-02-chat.md', chatLog('2024-01-02', shared));
    archive.write(
      'second/_posts/2024-01-02-chat.md',
      chatLog('2024-01-02', [...shared, line('09:02:00', 'Ana', 'new')]),
    );
    const store = await open(archive.root);
    const listed = () =>
      store
        .conversations()
        .map(
          (c) =>
            `${c.id}: ${c.unique}${c.merged ? ` merged from ${c.merged.map((p) => `${p.id} (${p.title})`).join(', ')}` : ''}`,
        );
    expect(listed()).toEqual(['first: 2', 'second: 3']);
    expect(store.messageCount).toBe(5);

    store.setMerges(new Map([['first', 'second']]));
    await store.sync();
    // The part is gone from the list (the whole names it, with its own title), and the archive's
    // count holds each message once.
    expect(listed()).toEqual(['second: 3 merged from first (first)']);
    expect(store.messageCount).toBe(3);
    expect(store.dayMessages('second', '2024-01-02').messages.map((m) => m.text)).toEqual([
      'hello',
      'hi there',
      'new',
    ]);

    store.setMerges(new Map());
    await store.sync();
    expect(listed()).toEqual(['first: 2', 'second: 3']);
    expect(store.messageCount).toBe(5);
    expect(store.dayMessages('first', '2024-01-02').messages.map((m) => m.text)).toEqual([
      'hello',
      'hi there',
    ]);
  });

  it('keeps the title an untouched file declares when a merged conversation gets a new day', async () => {
    archive = tempArchive();
    // The Telegram export declares its chat's name; the Markdown day files declare none.
    archive.write(
      'export/result.json',
      JSON.stringify({
        name: 'Trail Crew',
        type: 'private_group',
        id: 7,
        messages: [
          {
            id: 1,
            type: 'message',
            date: '2024-01-01T08:30:00',
            date_unixtime: '1704097800',
            from: 'Mira Holt',
            from_id: 'user1',
            text: 'first',
          },
        ],
      }),
    );
    archive.write(
      'days/_posts/2024-01-02-chat.md',
      chatLog('2024-01-02', [line('09:00:00', 'Ana', 'hello')]),
    );
    let store = await open(archive.root);
    const exported = store.conversations().find((c) => c.format === 'telegram')!;
    expect(exported.title).toBe('Trail Crew');
    store.close();
    store = await open(archive.root, new Map([['days', exported.id]]));
    const titles = () => store.conversations().map((c) => [c.id, c.title, c.unique]);
    expect(titles()).toEqual([[exported.id, 'Trail Crew', 2]]);
    // Only the new file is read; the title still comes from the export.
    archive.write(
      'days/_posts/2024-01-03-chat.md',
      chatLog('2024-01-03', [line('09:00:00', 'Ana', 'again')]),
    );
    await store.sync();
    expect(titles()).toEqual([[exported.id, 'Trail Crew', 3]]);
  });

  it('reads any chat log split into overlapping files, in any order, back to the same messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            time: fc.constantFrom('08:00:00', '09:30:00', '12:00:00', '18:45:10'),
            speaker: fc.constantFrom('Ana', 'Ben', '李雄峰'),
            text: fc.stringMatching(/^[a-z支付 ]{1,12}$/).map((text) => text.trim() || 'x'),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        async (messages, cuts, order) => {
          const log = [...messages].sort((a, b) => compareStrings(a.time, b.time));
          const parts = cuts.map(([a, b]) => {
            const start = a % log.length;
            const end = start + 1 + (b % (log.length - start));
            return log.slice(start, end);
          });
          // Every message is in some part: the whole log is the last part, and the parts overlap.
          parts.push(log);
          const names = parts.map(
            (_, index) => `2024-03-0${1 + (order[index % order.length]! % 3)}`,
          );
          const local = tempArchive();
          try {
            parts.forEach((part, index) =>
              local.write(
                `g/_posts/2024-03-05-part${String(index).padStart(2, '0')}-${names[index]}.md`,
                chatLog('2024-03-05', part),
              ),
            );
            const store = await openSynced(local.root);
            try {
              const shown = shownMessages(store).map(
                (m) => `${m.day} ${m.time} ${m.speaker}: ${m.text}`,
              );
              const expected = log.map((m) => `2024-03-05 ${m.time} ${m.speaker}: ${m.text}`);
              expect(shown.sort()).toEqual(expected.sort());
            } finally {
              store.close();
            }
          } finally {
            local.remove();
          }
        },
      ),
      { numRuns: process.env.CI ? 100 : 40 },
    );
  });
});

describe.skipIf(variantsMissing())('the real layouts of ../shared/archive-variants', () => {
  it('reads the tab-separated speakerless log: 609 messages on 2017-05-10', async () => {
    const store = await open(VARIANTS_ARCHIVE);
    expect(store.days('logs')).toEqual([{ day: '2017-05-10', messages: 609, events: 0 }]);
    expect(store.dayMessages('logs', '2017-05-10').messages[0]).toMatchObject({
      time: '09:18:08',
      speaker: '',
    });
  });

  it('places the dated snapshot on its headers’ days and reports it overlapping the daily logs', async () => {
    const store = await open(VARIANTS_ARCHIVE);
    const snapshots = store.conversations().find((c) => c.id === 'snapshots')!;
    expect(store.days('snapshots').map((d) => d.day)).toEqual(['2017-05-05', '2017-05-06']);
    expect(snapshots.lines).toBe(612);
    expect(snapshots.overlaps[0]).toMatchObject({ with: 'daily' });
    expect(snapshots.overlaps[0]!.shared).toBeGreaterThan(300);
  });

  it('after merging, daily logs and both snapshots are one chat of about 314 messages on 2 days', async () => {
    const store = await open(VARIANTS_ARCHIVE, new Map([['snapshots', 'daily']]));
    const daily = store.conversations().find((c) => c.id === 'daily')!;
    expect(store.conversations().map((c) => c.id)).toEqual(['daily', 'logs']);
    expect(daily.unique).toBeGreaterThanOrEqual(312);
    expect(daily.unique).toBeLessThanOrEqual(316);
    expect(store.days('daily').map((d) => d.day)).toEqual(['2017-05-05', '2017-05-06']);
    expect(store.dayMessages('daily', '2017-07-06').messages).toEqual([]);
    const facets = store.search('支付', { limit: 1, order: 'newest' }).facets.conversations;
    expect(facets.map((facet) => facet.id).sort()).toEqual(['daily', 'logs']);
  });
});

describe('what Scrollback cannot read is never dropped silently', () => {
  it('says so when a document holds many lines that look like messages in an unknown layout', async () => {
    archive = tempArchive();
    // An IRC log: neither a Markdown log nor an export Scrollback reads.
    const lines = Array.from(
      { length: 25 },
      (_, i) => `[10:${String(i).padStart(2, '0')}] <Ana> line ${i}`,
    );
    archive.write('notes/chat-export.md', `${lines.join('\n')}\n`);
    const store = await open(archive.root);
    const diagnostic = store.diagnostics().find((d) => d.path === 'notes/chat-export.md');
    expect(diagnostic?.line).toBe(1);
    expect(diagnostic?.message).toMatch(
      /25 of its lines look like messages.*\[10:00\] <Ana> line 0/,
    );
  });
});
