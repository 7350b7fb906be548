/** What the tests of the JSON export readers share: a context, fixture bytes, line finders. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { ReadResult } from '../../../../shared/readers/collect';
import type { ReaderContext } from '../../../../shared/readers/reader';

const FIXTURES = resolve(__dirname, '../../../fixtures/exports');

export function fixtureBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, ...parts)));
}

export function context(
  companions: Record<string, Uint8Array> = {},
  timeZone = 'Asia/Shanghai',
): ReaderContext {
  return {
    timeZone,
    readFrontMatter: () => ({ ok: false, error: 'no front matter in JSON' }),
    companion: (path) => companions[path] ?? null,
  };
}

export const encode = (text: string) => new TextEncoder().encode(text);
export const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The 1-based line of the first line at or after line `from` that contains `needle`. */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split('\n');
  for (let index = from - 1; index < lines.length; index++)
    if (lines[index]!.includes(needle)) return index + 1;
  throw new Error(`"${needle}" is not in the text`);
}

/** Reading the bytes in chunks of any size gives what reading them whole gives. */
export function expectSameInAnyChunks(
  read: (chunkSize?: number) => ReadResult,
  maxChunk = 300,
  numRuns = 40,
): void {
  const whole = read();
  fc.assert(
    fc.property(fc.integer({ min: 1, max: maxChunk }), (size) => {
      expect(read(size)).toEqual(whole);
    }),
    { numRuns },
  );
}

/** Reading copies of `bytes` with one byte changed and the end cut off never throws. */
export function expectSurvivesDamage(
  bytes: Uint8Array,
  read: (damaged: Uint8Array) => unknown,
  numRuns = 300,
): void {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: bytes.length - 1 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 1, max: bytes.length }),
      (at, byte, cut) => {
        const damaged = bytes.slice(0, cut);
        if (at < cut) damaged[at] = byte;
        read(damaged);
      },
    ),
    { numRuns },
  );
}
