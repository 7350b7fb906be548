/** Search through the store on the real archive sample, against a naive scan of what it shows. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchOptions } from '../../../electron/service/index/search';
import { ArchiveStore } from '../../../electron/service/store/store';
import type { SearchResult } from '../../../shared/api';
import type { Message } from '../../../shared/model';
import { SAMPLE_ARCHIVE, sampleMissing } from '../../fixtures/archive';
import { openSynced, searchableMessages } from '../../fixtures/store';
import { searchMessages, type NaiveCorpus } from '../../reference/naiveSearch';

/** What a user sees of a result (the time it took apart). */
function visible(result: SearchResult) {
  const { took: _took, ...rest } = result;
  return rest;
}

describe.skipIf(sampleMissing())('search on the real archive sample', () => {
  let cacheDir: string;
  let store: ArchiveStore;
  let messages: Message[];
  let corpus: NaiveCorpus;
  let filesRead: number | undefined;
  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-search-'));
    // Opened twice: the second time the index comes from its segments, as it does for a user.
    (await openSynced(SAMPLE_ARCHIVE, { cacheDir })).close();
    store = ArchiveStore.open(SAMPLE_ARCHIVE, { cacheDir, timeZone: 'UTC' });
    filesRead = (await store.sync())?.read;
    messages = searchableMessages(store);
    corpus = {
      messages,
      persons: new Map(store.conversations().map((c) => [c.id, store.speakers(c.id).persons])),
      titles: new Map(store.conversations().map((c) => [c.id, c.title])),
    };
  });
  afterAll(() => {
    store?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const search = (query: string, options: SearchOptions) => visible(store.search(query, options));
  const naive = (query: string, options: SearchOptions) =>
    visible(searchMessages(corpus, query, options));

  it('searches the index saved by the first open, over the messages it shows', () => {
    expect(filesRead).toBe(0);
    expect(messages).toHaveLength(store.messageCount);
    expect(messages).toHaveLength(4030);
    // Every shown message that holds 支付, and no echo of one.
    expect(search('支付', { limit: 1, order: 'newest' }).total).toBe(
      messages.filter((message) => message.text.includes('支付')).length,
    );
  });

  it('finds exactly what a naive scan finds for sampled substrings of length 1 to 4', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const queries = new Set<string>();
    while (queries.size < 300) {
      const message = messages[Math.floor(random() * messages.length)]!;
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
      for (const order of ['newest', 'oldest'] as const)
        expect(search(query, { limit: 20, order }), query).toEqual(
          naive(query, { limit: 20, order }),
        );
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
      '[强]',
    ];
    for (const query of queries) {
      expect(search(query, { limit: 1, order: 'newest' }).total, query).toBeGreaterThan(0);
      expect(search(query, { limit: 50, order: 'newest' }), query).toEqual(
        naive(query, { limit: 50, order: 'newest' }),
      );
      expect(search(query, { limit: 7, cursor: '14', order: 'oldest' }), query).toEqual(
        naive(query, { limit: 7, cursor: '14', order: 'oldest' }),
      );
    }
  });
});
