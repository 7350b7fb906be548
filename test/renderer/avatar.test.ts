import { describe, expect, it } from 'vitest';
import {
  AVATAR_COLORS,
  avatarColor,
  avatarInitial,
  stableHash,
} from '../../renderer/messages/avatar';

describe('avatars', () => {
  it('gives a person the same colour every time', () => {
    expect(avatarColor('龚晓冬')).toBe(avatarColor('龚晓冬'));
    // Pinned values: a colour must not change between versions or machines.
    expect(stableHash('')).toBe(0x811c9dc5);
    expect(stableHash('a')).toBe(0xe40c292c);
  });

  it('spreads people over the palette', () => {
    const names = Array.from({ length: 200 }, (_, i) => `person-${i}`);
    const used = new Set(names.map(avatarColor));
    expect(used.size).toBe(AVATAR_COLORS.length);
  });

  it('shows the first character of the name part of a group card', () => {
    expect(avatarInitial('彭奕遴-银联商务-厦门')).toBe('彭');
    expect(avatarInitial('owen')).toBe('O');
    expect(avatarInitial('😀smile')).toBe('😀');
    expect(avatarInitial('')).toBe('?');
    expect(avatarInitial('-leading')).toBe('-');
  });
});
