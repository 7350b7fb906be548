/** Posting lists hold exactly the messages that contain each character and character pair. */
import { describe, expect, it } from 'vitest';
import { CorpusBuilder } from '../../../electron/service/search/corpus';
import {
  bigramKey,
  bigramList,
  buildPostings,
  unigramList,
} from '../../../electron/service/search/postings';

describe('buildPostings', () => {
  it('lists every message holding a pair, with far more distinct pairs than the table starts with', () => {
    // 3,000 CJK characters in random pairs: about 150,000 distinct bigrams, so the table grows.
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++)
        text += String.fromCharCode(0x4e00 + Math.floor(random() * 3000));
      texts.push(text);
    }
    const builder = new CorpusBuilder();
    texts.forEach((text, row) =>
      builder.add({
        row,
        conversation: 'c',
        day: '2018-05-15',
        time: '09:00:00',
        speaker: 's',
        path: 'p',
        line: row + 1,
        features: 0,
        text,
      }),
    );
    const corpus = builder.finish();
    const postings = buildPostings(corpus);
    expect(postings.bigramKeys.length).toBeGreaterThan(65_536);
    const textOf = (id: number) => texts[corpus.row[id]!]!;
    for (let probe = 0; probe < 300; probe++) {
      const text = texts[Math.floor(random() * texts.length)]!;
      const at = Math.floor(random() * text.length);
      const pair = text.slice(at, at + 2);
      const expected = [...Array(corpus.count).keys()].filter((id) => textOf(id).includes(pair));
      const list =
        pair.length === 2
          ? bigramList(postings, bigramKey(pair.charCodeAt(0), pair.charCodeAt(1)))
          : unigramList(postings, pair.charCodeAt(0));
      expect(Array.from(list), pair).toEqual(expected);
    }
  });
});
