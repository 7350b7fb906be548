import { describe, expect, it } from 'vitest';
import { BUNDLED_SAMPLE, SAMPLE_ARCHIVE, sampleMissing } from '../../fixtures/archive';
import { statsOf } from '../../../electron/commands/stats';
import { runCli } from '../../fixtures/cli';

describe('scrollback stats', () => {
  it.skipIf(sampleMissing())('prints the README counts of the real sample as JSON', () => {
    const run = runCli(['stats', SAMPLE_ARCHIVE, '--json']);
    expect(run.status).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats.files).toEqual({ total: 46, chat: 41, timeline: 2, document: 3, skipped: 0 });
    // Every message line read; the sample holds no copies and no events.
    expect(stats).toMatchObject({ messages: 4081, unique: 4081, copies: 0, events: 0 });
    expect(
      stats.conversations.map((c: { id: string; title: string; messages: number }) => [
        c.id,
        c.title,
        c.messages,
      ]),
    ).toEqual([
      ['source/devarch', 'devarch', 169],
      ['source/prodarch', 'prodarch', 919],
      ['source/proddev', 'proddev', 2682],
      ['wechat', 'wechat', 311],
    ]);
    expect(stats.conversations[2]).toMatchObject({
      days: 28,
      first: '2018-05-02',
      last: '2018-05-31',
    });
    expect(stats.diagnostics).toEqual([]);
  });

  it.skipIf(sampleMissing())('gives identical JSON in every time zone', () => {
    const outputs = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'].map(
      (TZ) => runCli(['stats', SAMPLE_ARCHIVE, '--json'], { TZ }).stdout,
    );
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('"first": "2017-05-05"');
  });

  it('prints a readable summary by default', () => {
    const run = runCli(['stats', BUNDLED_SAMPLE]);
    expect(run.status).toBe(0);
    // Besides its Markdown logs the sample holds an export of each other format (exports/).
    expect(run.stdout).toMatch(/24 files: 15 chat logs, 1 speakerless log, 2 documents, 6 skipped/);
    // Seven echo pairs (one message under two names) are shown once in the reader.
    expect(run.stdout).toMatch(
      /231 message lines, 224 shown \(echo pairs once\) in 10 conversations, and 18 events/,
    );
    expect(run.stdout).toMatch(/groups\/trailclub\s+94 messages\s+4 days/);
    const json = JSON.parse(runCli(['stats', BUNDLED_SAMPLE, '--json']).stdout);
    expect(json).toMatchObject({ messages: 231, unique: 231, shown: 224, copies: 0, events: 18 });
    const trailclub = json.conversations.find((c: { id: string }) => c.id === 'groups/trailclub');
    expect(trailclub).toMatchObject({ messages: 94, shown: 87, days: 4 });
  });

  it('fails with one clear sentence when the folder is missing', () => {
    const run = runCli(['stats', '/no/such/archive']);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      'scrollback: Cannot open the archive folder "/no/such/archive": it does not exist.',
    );
    expect(run.stdout).toBe('');
  });

  it('explains its usage when the folder is not given', () => {
    const run = runCli(['stats']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Usage: scrollback stats <folder>/);
  });
});

describe('scrollback stats on a folder large enough to be read on two cores', () => {
  it('counts exactly what reading in one thread counts', async () => {
    const { tempArchive, chatLog } = await import('../../fixtures/archive');
    const { openSynced } = await import('../../fixtures/store');
    const archive = tempArchive();
    try {
      // 120 files: the built CLI reads them on two threads, which take runs of files from one
      // list (how many each gets depends on when the worker starts).
      for (let i = 0; i < 120; i++) {
        const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`;
        archive.write(
          `group${i % 3}/_posts/${day}-chat.md`,
          chatLog(day, [
            { time: '09:00:00', speaker: `Ana${i % 5}`, text: `message ${i} 支付` },
            { time: '09:00:00', speaker: `Ana${i % 5}`, text: `message ${i} 支付` },
            { time: '10:30:00', speaker: 'Ben', text: `reply ${i}` },
          ]),
        );
      }
      const run = runCli(['stats', archive.root, '--json'], { SCROLLBACK_TRACE: '1' });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('reading 120 files here and in a worker');
      const ends = [...run.stderr.matchAll(/ended \((\d+) files\)/g)].map((match) =>
        Number(match[1]),
      );
      expect(ends).toHaveLength(2);
      expect(ends[0]! + ends[1]!).toBe(120);
      const stats = JSON.parse(run.stdout);
      const store = await openSynced(archive.root);
      try {
        expect(stats.messages).toBe(360);
        expect(stats).toEqual(statsOf(store));
      } finally {
        store.close();
      }
      const search = runCli(['search', archive.root, '支付', '--json']);
      expect(JSON.parse(search.stdout).total).toBe(240);
    } finally {
      archive.remove();
    }
  });
});
