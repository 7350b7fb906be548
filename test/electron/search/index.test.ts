/** Search through the store on the real archive sample, against the naive scan. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchOptions } from '../../../electron/service/archiveData';
import { readArchive } from '../../../electron/service/readArchive';
import { searchMessages } from '../../../electron/service/search/naive';
import { openStore } from '../../../electron/service/store/openStore';
import type { SearchResult } from '../../../shared/api';
import { SAMPLE_ARCHIVE } from '../../fixtures/archive';

/** What a user sees of a result, without ids (the index numbers messages in time order). */
function visible(result: SearchResult) {
  return {
    total: result.total,
    hits: result.hits.map(({ id: _id, ...hit }) => hit),
    facets: result.facets,
    problems: result.problems,
  };
}

describe('search on the real archive sample', async () => {
  const archive = await readArchive(SAMPLE_ARCHIVE);
  const cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-search-'));
  // Opened twice: the second time the index comes from its file, as it does for a user.
  (await openStore(SAMPLE_ARCHIVE, { cacheDir })).data.close();
  const { data, report } = await openStore(SAMPLE_ARCHIVE, { cacheDir });
  const search = (query: string, options: SearchOptions) => data.search(query, options);
  afterAll(() => {
    data.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('searches the index saved by the first open', () => {
    expect(report.indexLoaded).toBe(true);
    expect(data.messageCount).toBe(archive.messages.length);
  });
  const naive = (query: string, order: 'newest' | 'oldest' = 'newest') =>
    searchMessages(archive, query, { limit: 20, order });

  it('finds exactly what a naive scan finds for sampled substrings of length 1 to 4', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const queries = new Set<string>();
    while (queries.size < 300) {
      const message = archive.messages[Math.floor(random() * archive.messages.length)]!;
      const chars = [...message.text];
      if (chars.length === 0) continue;
      const length = 1 + Math.floor(random() * 4);
      const start = Math.floor(random() * Math.max(1, chars.length - length));
      const query = chars
        .slice(start, start + length)
        .join('')
        .trim();
      if (query !== '' && !query.includes('"'))
        queries.add(query.includes(' ') ? `"${query}"` : query);
    }
    let found = 0;
    for (const query of queries) {
      found += search(query, { limit: 1, order: 'newest' }).total > 0 ? 1 : 0;
      for (const order of ['newest', 'oldest'] as const) {
        expect(visible(search(query, { limit: 20, order })), query).toEqual(
          visible(naive(query, order)),
        );
      }
    }
    // Substrings of messages: every one is found somewhere.
    expect(found).toBe(queries.size);
  });

  it('agrees with the naive scan on operators, exclusions and paging', () => {
    const queries = [
      '支付 -银行',
      'from:李雄峰',
      'in:prodarch 支付',
      'during:2018-05 has:image',
      'after:2018-05-20 before:2018-05-25 的',
      'has:link',
      'has:mention 分享',
      'on:2017-05-05',
      '"支付 "',
      'PAY',
    ];
    for (const query of queries) {
      expect(search(query, { limit: 1, order: 'newest' }).total, query).toBeGreaterThan(0);
      expect(visible(search(query, { limit: 50, order: 'newest' })), query).toEqual(
        visible(searchMessages(archive, query, { limit: 50, order: 'newest' })),
      );
      expect(visible(search(query, { limit: 7, cursor: '14', order: 'oldest' })), query).toEqual(
        visible(searchMessages(archive, query, { limit: 7, cursor: '14', order: 'oldest' })),
      );
    }
  });
});
