/**
 * Search over the bundled sample, whose exports carry replies, reactions, attachments, styled
 * links and titles apart from ids: the index agrees with a naive scan of what the reader shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../../electron/service/store/store';
import type { SearchResult } from '../../../shared/api';
import { BUNDLED_SAMPLE } from '../../fixtures/archive';
import { openSynced, searchableMessages } from '../../fixtures/store';
import { searchMessages, type NaiveCorpus } from '../../reference/naiveSearch';

function visible(result: SearchResult) {
  const { took: _took, ...rest } = result;
  return rest;
}

describe('search over other apps’ exports', () => {
  let cacheDir: string;
  let store: ArchiveStore;
  let corpus: NaiveCorpus;
  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-formats-search-'));
    store = await openSynced(BUNDLED_SAMPLE, { cacheDir });
    corpus = {
      messages: searchableMessages(store),
      persons: new Map(store.conversations().map((c) => [c.id, store.speakers(c.id).persons])),
      titles: new Map(store.conversations().map((c) => [c.id, c.title])),
    };
  });
  afterAll(() => {
    store?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('finds replies, reactions, attachments and links as a scan of the messages does', () => {
    for (const query of [
      'has:reply',
      'has:reaction',
      'has:image',
      'has:file',
      'has:link',
      'has:image has:reaction',
    ]) {
      const options = { limit: 50, order: 'newest' as const };
      const found = store.search(query, options);
      expect(found.total, query).toBeGreaterThan(0);
      expect(visible(found), query).toEqual(visible(searchMessages(corpus, query, options)));
    }
  });

  it('finds a conversation by its title as well as by its id', () => {
    const telegram = store
      .conversations()
      .find((c) => c.format === 'telegram' && c.title.includes('山野社'))!;
    expect(telegram.id).not.toContain('山野社');
    const found = store.search('in:山野社', { limit: 50, order: 'oldest' });
    // Its messages and its events (joins, pins): search covers what the day shows.
    expect(telegram.events).toBeGreaterThan(0);
    expect(found.total).toBe(telegram.messages + telegram.events);
    expect(new Set(found.hits.map((hit) => hit.conversation))).toEqual(new Set([telegram.id]));
    expect(visible(found)).toEqual(
      visible(searchMessages(corpus, 'in:山野社', { limit: 50, order: 'oldest' })),
    );
  });
});
