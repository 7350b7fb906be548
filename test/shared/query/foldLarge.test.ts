/**
 * Folding long texts: a single message may be hundreds of megabytes (a whole log pasted as one
 * message), and search folds every message it shows. Folding must give the same answer at any
 * length and never hold one JS value per character (a 200 MB message used to abort the process
 * with "invalid table size").
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../shared/query/fold';

const FOLD = resolve(import.meta.dirname, '../../../shared/query/fold.ts');

describe('foldText on long texts', () => {
  it('folds a text longer than its chunks the same as its pieces, surrogate pairs included', () => {
    // Pieces that never split a pair: folding is local to a code point, so the whole text
    // folds to its pieces' foldings side by side, wherever the chunk borders fall.
    const piece = fc.constantFrom('A', 'ß', 'Σ', '\u212a', 'Ａ', '　', '支', '😀', '𐐀', 'x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 8000, maxLength: 20_000 }), (pieces) => {
        expect(foldText(pieces.join(''))).toBe(pieces.map((part) => foldText(part)).join(''));
      }),
      { numRuns: 20 },
    );
  });

  it('folds a 150-million-character message within a 700 MB heap', () => {
    // A child process with a bounded heap: a per-character array takes gigabytes and dies.
    const script = `
      const { foldText } = await import(${JSON.stringify(FOLD)});
      const folded = foldText('Pay '.repeat(37_500_000));
      process.stdout.write(String(folded.length) + ' ' + folded.slice(0, 8));`;
    const run = spawnSync(
      process.execPath,
      [
        '--no-warnings',
        '--experimental-strip-types',
        '--max-old-space-size=700',
        '--input-type=module',
        '-e',
        script,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr.slice(0, 400)).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('150000000 pay pay ');
  }, 130_000);
});
