/** `scrollback search`: arguments, readable output and JSON. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseSearchArgs, runSearch } from '../../../electron/commands/search';
import { UsageError } from '../../../electron/commands/usage';
import { SAMPLE_ARCHIVE, sampleMissing } from '../../fixtures/archive';

const cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-cli-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

// A command's output goes to the descriptor itself (terminal.ts printOut): caught here instead.
const printed = vi.hoisted(() => ({ out: '' }));
vi.mock('../../../electron/commands/terminal', async (original) => ({
  ...(await original<typeof import('../../../electron/commands/terminal')>()),
  printOut: (text: string) => {
    printed.out += text;
  },
}));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  printed.out = '';
  let err = '';
  const stderr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await runSearch(args);
    return { code, out: printed.out, err };
  } finally {
    stderr.mockRestore();
  }
}

describe('scrollback search', () => {
  it('keeps -word exclusions in the query rather than reading them as options', () => {
    expect(
      parseSearchArgs(['archive', '支付', '-银行', '--limit', '5', '--oldest', '--json']),
    ).toMatchObject({
      folder: 'archive',
      query: '支付 -银行',
      limit: 5,
      oldest: true,
      json: true,
    });
    expect(parseSearchArgs(['archive', '--', '--flag', 'x'])).toMatchObject({ query: '--flag x' });
    expect(() => parseSearchArgs(['archive'])).toThrow(UsageError);
    expect(() => parseSearchArgs(['archive', 'x', '--limit', '0'])).toThrow(/--limit/);
    expect(() => parseSearchArgs(['archive', 'x', '--colour'])).toThrow(/unknown option/);
  });

  it.skipIf(sampleMissing())('prints total, hits and facets as JSON', async () => {
    const { code, out } = await run([
      SAMPLE_ARCHIVE,
      '支付',
      '-银行',
      '--json',
      '--limit',
      '3',
      '--cache-dir',
      cacheDir,
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      total: number;
      hits: { text: string; day: string; time: string; highlights: [number, number][] }[];
      facets: {
        conversations: { id: string; count: number }[];
        speakers: { name: string; count: number }[];
        months: { month: string; count: number }[];
      };
    };
    // Messages a user sees (the exporter's echoes are not) holding 支付 and not 银行.
    expect(result.total).toBe(415);
    expect(result.hits).toHaveLength(3);
    for (const hit of result.hits) {
      expect(hit.text).toContain('支付');
      expect(hit.text).not.toContain('银行');
      expect(hit.text.slice(hit.highlights[0]![0], hit.highlights[0]![1])).toBe('支付');
    }
    const stamps = result.hits.map((hit) => `${hit.day} ${hit.time}`);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(result.facets.conversations.reduce((sum, c) => sum + c.count, 0)).toBe(415);
    expect(result.facets.months.map((m) => m.month)).toEqual(['2017-05', '2017-12', '2018-05']);
    expect(result.facets.speakers.length).toBeLessThanOrEqual(20);
  });

  it.skipIf(sampleMissing())(
    'prints readable lines, oldest first on request, and what it did not understand',
    async () => {
      const { out, err } = await run([
        SAMPLE_ARCHIVE,
        '支付宝',
        'has:video',
        '--oldest',
        '--limit',
        '2',
        '--cache-dir',
        cacheDir,
      ]);
      const lines = out.split('\n');
      expect(lines[0]).toMatch(/^\d+ messages match “支付宝 has:video” \(oldest first/);
      expect(lines[2]).toMatch(/^2017-05-0\d \d\d:\d\d:\d\d {2}wechat/);
      expect(out).toContain('By conversation:');
      expect(err).toContain('has:video');
    },
  );
});
