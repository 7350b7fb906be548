/**
 * One avatar for a person, in the app and in the HTML export: the same colour from the same
 * palette, the same initial, and white initials that stay readable on every colour.
 */
import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, avatarColor, avatarInitial, stableHash } from '../../shared/avatar';
import { plainContext } from '../../shared/export/context';
import { formatHtml } from '../../shared/export/html';
import { EXPORT_STYLE } from '../../shared/export/htmlStyle';
import type { Message } from '../../shared/model';

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

describe('avatars', () => {
  it('keeps a colour across versions and machines (pinned hash)', () => {
    expect(stableHash('')).toBe(0x811c9dc5);
    expect(stableHash('a')).toBe(0xe40c292c);
    // A person keeps the colour readers know them by.
    expect(avatarColor('龚晓冬')).toBe('#B85A1E');
  });

  it('spreads people over the whole palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColor(`person-${i}`)));
    expect(used.size).toBe(AVATAR_COLORS.length);
  });

  it('writes the white initial at 4.5:1 or more on every colour', () => {
    for (const color of AVATAR_COLORS)
      expect(contrast('#ffffff', color), color).toBeGreaterThanOrEqual(4.5);
  });

  it('shows the first character of the name part of a group card', () => {
    expect(avatarInitial('彭奕遴-银联商务-厦门')).toBe('彭');
    expect(avatarInitial('范双_奇付通_开发_北京')).toBe('范');
    expect(avatarInitial('owen')).toBe('O');
    expect(avatarInitial('😀smile')).toBe('😀');
    expect(avatarInitial('')).toBe('?');
    expect(avatarInitial('-leading')).toBe('-');
  });

  it('gives a person the same colour and initial in the HTML export as in the app', () => {
    const message: Message = {
      id: 1,
      conversation: 'c',
      day: '2018-05-15',
      time: '09:00:00',
      speaker: '彭奕遴-银联商务-厦门',
      text: 'hi',
      path: 'c/_posts/2018-05-15-chat.markdown',
      line: 1,
    };
    const html = formatHtml([message], plainContext('2026-01-01 00:00:00 UTC+00:00'));
    const avatar = /<div class="avatar color-(\d+)" aria-hidden="true">([^<]*)<\/div>/.exec(html);
    expect(avatar?.[2]).toBe(avatarInitial(message.speaker));
    const rule = new RegExp(`\\.color-${avatar?.[1]} \\{ background: (#[0-9A-Fa-f]{6}); \\}`).exec(
      EXPORT_STYLE,
    );
    expect(rule?.[1]).toBe(avatarColor(message.speaker));
  });
});
