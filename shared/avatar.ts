/**
 * Avatars, the same in the app and in the HTML export: a coloured square with the first
 * character of the speaker's name. The colour comes from a hash of the person (not the name), so
 * one person's aliases share a colour, and it is the same on every run and every machine.
 */
import { splitGroupCard } from './archive/groupCard';

/** Calm colours on which the white initial reads at 4.5:1 or more (WCAG AA). */
export const AVATAR_COLORS = [
  '#3F6FD8',
  '#3C7D35',
  '#B85A1E',
  '#7E4FC0',
  '#B83B5E',
  '#237878',
  '#8A6A12',
  '#5063B8',
  '#9A4F33',
  '#2F76A3',
  '#5F6B1F',
  '#A0437D',
] as const;

/** FNV-1a over UTF-16 code units: small, fast and stable. */
export function stableHash(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The index in AVATAR_COLORS of a person's colour. */
export function avatarColorIndex(person: string): number {
  return stableHash(person) % AVATAR_COLORS.length;
}

export function avatarColor(person: string): string {
  return AVATAR_COLORS[avatarColorIndex(person)]!;
}

/** The first character a person would recognise: the group card's name part, one code point. */
export function avatarInitial(name: string): string {
  const base = splitGroupCard(name.trim()).name.trim() || name.trim();
  const first = Array.from(base)[0] ?? '?';
  return first.toUpperCase();
}
