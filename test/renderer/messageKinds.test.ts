import { describe, expect, it, vi } from 'vitest';
import type { ConversationSummary, Message } from '../../shared/model';
import { mergeOffers, withoutMergedParts } from '../../renderer/conversations/overlaps';
import { entriesOf } from '../../renderer/gallery/galleryItems';
import { messageImages } from '../../renderer/messages/images';
import { fitBox, formatSize } from '../../renderer/messages/mediaFormat';
import { formatDuration } from '../../shared/dates';
import { buildRows, visibleMessages } from '../../renderer/messages/rows';
import { zoneLabel, zoneMatches, zoneNames } from '../../renderer/settings/timeZones';

let nextId = 1;
function message(extra: Partial<Message> = {}): Message {
  return {
    id: nextId++,
    conversation: 'exports/telegram/result.json#1',
    day: '2024-03-10',
    time: '08:00:00',
    speaker: 'Owen',
    text: 'x',
    path: 'exports/telegram/result.json',
    line: 1,
    ...extra,
  };
}

function conversation(id: string, unique: number, overlaps: ConversationSummary['overlaps'] = []) {
  return {
    id,
    title: id,
    format: 'markdown',
    messages: unique,
    lines: unique,
    unique,
    events: 0,
    days: 1,
    speakers: 1,
    first: '2018-05-01',
    last: '2018-05-31',
    lastTime: '10:00:00',
    overlaps,
  } satisfies ConversationSummary;
}

describe('events', () => {
  it('are shown among the rows but are not messages to select or count', () => {
    const joined = message({ kind: 'event', text: 'Mia joined', time: '08:00:00' });
    const said = message({ time: '08:01:00' });
    const rows = buildRows([joined, said], { showEchoes: false, multiDay: false });
    expect(rows.filter((row) => row.kind === 'message')).toHaveLength(2);
    expect(visibleMessages(rows).map((shown) => shown.id)).toEqual([said.id]);
  });
});

describe('attachments', () => {
  it('sizes and lengths read as a file manager and a player write them', () => {
    expect(formatSize(804, 'en')).toBe('804 bytes');
    expect(formatSize(804, 'zh-CN')).toBe('804字节');
    expect(formatSize(20_480, 'en')).toBe('20 kB');
    expect(formatSize(3.4 * 1024 * 1024, 'en')).toBe('3.4 MB');
    expect(formatDuration(2)).toBe('0:02');
    expect(formatDuration(185)).toBe('3:05');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('an image keeps its shape within its box, and an unknown size reserves nothing', () => {
    expect(fitBox(640, 320, 240)).toEqual({ width: 240, height: 120 });
    expect(fitBox(160, 120, 240)).toEqual({ width: 160, height: 120 });
    expect(fitBox(undefined, 120, 240)).toBeUndefined();
  });

  it('a message’s images: photos and stickers it holds, web ones marked remote, left-out ones absent', () => {
    // The page's address (its token) goes into archive URLs.
    vi.stubGlobal('window', { location: { search: '' } });
    const images = messageImages(
      message({
        attachments: [
          { kind: 'image', name: 'a.jpg', path: 'x/a.jpg' },
          { kind: 'sticker', name: 's.webp', path: 'x/s.webp' },
          { kind: 'image', name: 'web.png', path: null, url: 'https://files.example.org/web.png' },
          { kind: 'image', name: 'gone.png', path: null },
          { kind: 'voice', name: 'v.opus', path: 'x/v.opus' },
        ],
      }),
    );
    expect(images.map((image) => [image.alt, image.remote])).toEqual([
      ['a.jpg', false],
      ['s.webp', false],
      ['web.png', true],
    ]);
    expect(images[0]!.url).toContain('api/media?path=x%2Fa.jpg');
    vi.unstubAllGlobals();
  });

  it('the gallery lists files held or named and every link once', () => {
    const holder = message({
      text: '路线规划V2.pdf https://example.org/a',
      attachments: [
        { kind: 'file', name: 'plan.pdf', path: null, size: 1024 },
        { kind: 'image', name: 'a.jpg', path: 'x/a.jpg' },
      ],
      links: [{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }],
      styles: [{ kind: 'link', start: 0, end: 2, href: 'https://example.org/c' }],
    });
    expect(entriesOf([holder], 'file').map((entry) => entry.label)).toEqual([
      '路线规划V2.pdf',
      'plan.pdf',
    ]);
    expect(entriesOf([holder], 'link').map((entry) => entry.label)).toEqual([
      'https://example.org/a',
      'https://example.org/b',
      'https://example.org/c',
    ]);
  });
});

describe('overlapping conversations', () => {
  it('are offered to be merged when they share more than half of the smaller one', () => {
    const daily = conversation('daily', 400);
    const merged = conversation('merged', 30_000, [{ with: 'daily', shared: 312 }]);
    const other = conversation('other', 1000, [{ with: 'daily', shared: 200 }]);
    expect(mergeOffers(merged, [daily, merged, other])).toEqual([{ with: 'daily', shared: 312 }]);
    // 200 of the smaller one's 400 is exactly half: not offered.
    expect(mergeOffers(other, [daily, merged, other])).toEqual([]);
    // A conversation no longer in the archive is not offered.
    expect(mergeOffers(merged, [merged])).toEqual([]);
  });

  it('once merged, the part is listed as part of the whole, not on its own', () => {
    const whole = { ...conversation('whole', 30_000), merged: [{ id: 'daily', title: 'daily' }] };
    expect(
      withoutMergedParts([conversation('daily', 400), whole, conversation('other', 5)]).map(
        (each) => each.id,
      ),
    ).toEqual(['whole', 'other']);
  });
});

describe('time zones', () => {
  it('lists the IANA zones, finds them as typed, and labels them with their offset', () => {
    expect(zoneNames()).toContain('Asia/Shanghai');
    expect(zoneMatches('America/New_York', 'new york')).toBe(true);
    expect(zoneMatches('America/New_York', 'shanghai')).toBe(false);
    expect(zoneLabel('Asia/Shanghai')).toBe('Asia/Shanghai (GMT+8)');
    expect(zoneLabel('UTC')).toMatch(/^UTC \(GMT(\+0)?\)$/);
  });
});
