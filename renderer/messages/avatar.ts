/**
 * Avatars: a coloured circle with the first character of the speaker's name. The colour comes
 * from a hash of the person (not the name), so one person's aliases share a colour, and it is the
 * same on every run and every machine.
 */

/** Calm, mid-saturation colours that keep white text readable in light and dark themes. */
export const AVATAR_COLORS = [
  '#5B8FF9',
  '#61A05A',
  '#E8864A',
  '#9B6FD6',
  '#D9577A',
  '#3BA3A3',
  '#C79A2E',
  '#6D7FCC',
  '#B0664B',
  '#4E9BC7',
  '#8A9A3B',
  '#C2649E',
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

export function avatarColor(person: string): string {
  return AVATAR_COLORS[stableHash(person) % AVATAR_COLORS.length]!;
}

/** The first character a person would recognise: the group card's name part, one code point. */
export function avatarInitial(name: string): string {
  const base = name.split(/[-_]/)[0]?.trim() || name.trim();
  const first = Array.from(base)[0] ?? '?';
  return first.toUpperCase();
}
