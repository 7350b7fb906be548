/**
 * Hashes that let the store find related messages without a table of every message: the content
 * key (copies in other files share it), and references (a sourceId that replies point at, a
 * thread's parent). Hashes only find candidates; what they find is always checked against the
 * messages themselves, so a collision costs a comparison, never a wrong answer.
 */

/** 32-bit FNV-1a over the code units of the parts, each followed by a separator. */
export function hash32(...parts: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      hash ^= part.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0xffff;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The content key of a message: messages with the same day, time, speaker and text share it, so
 * copies of a message in other files (and in other conversations: overlapping exports) are found
 * by joining the segments' sorted keys (store/copies.ts checks every candidate).
 */
export function contentKey(day: string, time: string, speaker: string, text: string): number {
  return hash32(day, time, speaker, text);
}

/** A reference of the refs section: 29 bits of hash, 2 bits of kind (index/segment.ts). */
export function refValue(conversation: string, id: string, kind: number): number {
  return (hash32(conversation, id) & 0x1fffffff) * 4 + kind;
}
