/** Reading WhatsApp exports in tests: the fixtures written for the project, or text given inline. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import type { ParsedMessage } from '../../../../shared/model';
import { readWhole, type ReadResult } from '../../../../shared/readers/collect';
import type { ReaderContext } from '../../../../shared/readers/reader';
import { whatsappReader } from '../../../../shared/readers/whatsapp/reader';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures/exports/whatsapp');

/** WhatsApp stores wall-clock times: the zone must change nothing, so tests use a far one. */
const CONTEXT: ReaderContext = {
  timeZone: 'Pacific/Kiritimati',
  readFrontMatter: () => ({ ok: false, error: 'no front matter in WhatsApp chats' }),
  companion: () => null,
};

/** Reads a fixture file as if found at `path` in an archive (the fixture's own name by default). */
export function readFixture(fixture: string, path = `exports/${fixture}`): ReadResult {
  return readBytes(readFileSync(join(FIXTURES, fixture)), path);
}

export function readText(text: string, path = 'exports/WhatsApp Chat with Test.txt'): ReadResult {
  return readBytes(new TextEncoder().encode(text), path);
}

export function readBytes(bytes: Uint8Array, path: string, chunkSize?: number): ReadResult {
  return readWhole(whatsappReader, path, bytes, CONTEXT, chunkSize);
}

/** The messages of the file's one conversation (none when it has none). */
export function messagesOf(result: ReadResult): ParsedMessage[] {
  expect(result.conversations.length).toBeLessThanOrEqual(1);
  return result.conversations[0]?.messages ?? [];
}

/** What a reader sees of each message: `day time speaker: text`, events marked. */
export function transcript(result: ReadResult): string[] {
  return messagesOf(result).map(
    (m) => `${m.day} ${m.time} ${m.kind === 'event' ? '*' : ''}${m.speaker}: ${m.text}`,
  );
}
