/**
 * Finds the front matter block at the top of a Markdown file. Parsing its YAML happens on the
 * Node side (through gray-matter); this only locates the block, so that a file whose front matter
 * is broken or unterminated still has its messages read.
 */

/** A closing delimiter further down than this is not looked for: front matter is short. */
const MAX_FRONT_MATTER_LINES = 500;

export type FrontMatterBlock =
  | { kind: 'none' }
  /** `language` is what follows the opening `---` (empty for plain YAML). `bodyStart` is the
   *  0-based index of the first line after the closing delimiter. */
  | { kind: 'closed'; language: string; endLine: number; bodyStart: number }
  | { kind: 'unterminated'; language: string };

export function findFrontMatter(lines: readonly string[]): FrontMatterBlock {
  const first = lines[0];
  if (first === undefined) return { kind: 'none' };
  const opening = /^---(?!-)[ \t]*([^\s]*)[ \t]*$/.exec(first.replace(/^\uFEFF/, ''));
  if (!opening) return { kind: 'none' };
  const language = opening[1] ?? '';
  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  for (let i = 1; i < limit; i++) {
    const line = lines[i]!.trimEnd();
    if (line === '---' || line === '...')
      return { kind: 'closed', language, endLine: i, bodyStart: i + 1 };
  }
  return { kind: 'unterminated', language };
}
