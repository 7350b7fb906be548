import { describe, expect, it } from 'vitest';
import { splitGroupCard } from '../../../shared/archive/groupCard';
import { resolveMention } from '../../../shared/archive/mentions';
import type { SpeakerSummary } from '../../../shared/model';

/** Speakers of a conversation as the store lists them. */
const speakers: SpeakerSummary[] = [
  '范双-奇付通-开发-北京',
  '李玉福@农信互联',
  '张三',
  '张三丰',
].map((name) => ({
  name,
  messages: 1,
  first: '2018-05-15',
  last: '2018-05-15',
  card: splitGroupCard(name),
  person: name,
}));

describe('resolveMention', () => {
  it('resolves a mention by whole name, card name, or unique prefix', () => {
    expect(resolveMention('李玉福@农信互联', speakers)?.name).toBe('李玉福@农信互联');
    expect(resolveMention('范双', speakers)?.name).toBe('范双-奇付通-开发-北京');
    expect(resolveMention('李玉福', speakers)?.name).toBe('李玉福@农信互联');
    expect(resolveMention('张三', speakers)?.name).toBe('张三');
  });

  it('does not guess when several or no names fit', () => {
    expect(resolveMention('张', speakers)).toBeNull();
    expect(resolveMention('nobody', speakers)).toBeNull();
  });
});
