/** What has: finds, from a message's text and from what richer formats carry. */
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../shared/model';
import { featureBit, featuresOf } from '../../../electron/service/index/features';

const message = (text: string, extra: Partial<ParsedMessage> = {}): ParsedMessage => ({
  time: '09:00:00',
  speaker: 'Ana',
  text,
  line: 1,
  ...extra,
});

const has = (m: ParsedMessage, feature: Parameters<typeof featureBit>[0]) =>
  (featuresOf(m) & featureBit(feature)) !== 0;

describe('has: features', () => {
  it('finds a link written out, a link card, and a link under other words', () => {
    expect(has(message('see https://example.org/trail'), 'link')).toBe(true);
    expect(has(message('no address here'), 'link')).toBe(false);
    expect(
      has(
        message('the map', {
          styles: [{ kind: 'link', start: 4, end: 7, href: 'https://example.org' }],
        }),
        'link',
      ),
    ).toBe(true);
    expect(
      has(message('bold words', { styles: [{ kind: 'bold', start: 0, end: 4 }] }), 'link'),
    ).toBe(false);
  });

  it('counts an attached photo as an image and a document as a file', () => {
    const photo = message('', { attachments: [{ kind: 'image', name: 'a.jpg', path: 'a.jpg' }] });
    const document = message('', { attachments: [{ kind: 'file', name: 'a.pdf', path: null }] });
    expect([has(photo, 'image'), has(photo, 'file')]).toEqual([true, false]);
    expect([has(document, 'image'), has(document, 'file')]).toEqual([false, true]);
  });
});
