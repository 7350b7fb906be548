/**
 * The WhatsApp exports of the bundled sample archive: what a newcomer sees of each. The zip is
 * built by test/fixtures/exports/whatsapp/sampleArchive.ts; `SCROLLBACK_WRITE_SAMPLE=1 npx vitest
 * run test/shared/readers/whatsapp/sample.test.ts` writes it again after the builder changes.
 * Deflated bytes may differ between zlib builds, so what is compared is the inflated content.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseReader } from '../../../../shared/readers/registry';
import {
  SAMPLE_EXPORTS,
  SPANISH_CHAT,
  TRAIL_CLUB_ZIP,
  trailClubZip,
} from '../../../fixtures/exports/whatsapp/sampleArchive';
import { hasUnzip } from '../../../fixtures/zip';
import { messagesOf, readBytes, transcript } from './read';

const zipPath = join(SAMPLE_EXPORTS, TRAIL_CLUB_ZIP);
if (process.env.SCROLLBACK_WRITE_SAMPLE === '1') writeFileSync(zipPath, trailClubZip());

/** The entries of a zip written by writeZip (local headers in order; no data descriptors). */
function entriesOf(zip: Uint8Array): Map<string, Uint8Array> {
  const bytes = Buffer.from(zip);
  const entries = new Map<string, Uint8Array>();
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at = start + size;
  }
  return entries;
}

/** A PNG's size and its rows of pixels, inflated. */
function pixelsOf(png: Uint8Array): { width: number; height: number; rows: Buffer } {
  const bytes = Buffer.from(png);
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      data.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    rows: inflateSync(Buffer.concat(data)),
  };
}

describe("the sample archive's WhatsApp group (an iOS zip)", () => {
  const zip = new Uint8Array(readFileSync(zipPath));
  const entries = entriesOf(zip);
  const chatPath = `exports/${TRAIL_CLUB_ZIP}!/_chat.txt`;
  const chat = entries.get('_chat.txt')!;
  const result = readBytes(chat, chatPath);
  const messages = messagesOf(result);

  it('holds exactly what the builder writes (compared inflated: deflate may differ by zlib)', () => {
    const built = entriesOf(trailClubZip());
    expect([...entries.keys()]).toEqual([...built.keys()]);
    for (const [name, data] of built) {
      const committed = entries.get(name)!;
      if (name.endsWith('.png')) {
        const [mine, theirs] = [pixelsOf(committed), pixelsOf(data)];
        expect([mine.width, mine.height], name).toEqual([theirs.width, theirs.height]);
        expect(mine.rows.equals(theirs.rows), name).toBe(true);
      } else expect(Buffer.from(committed).equals(Buffer.from(data)), name).toBe(true);
    }
  });

  it('is chosen for the WhatsApp reader and read without a diagnostic', () => {
    expect(chooseReader(chatPath, chat)?.format).toBe('whatsapp');
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations[0]).toMatchObject({
      id: `exports/${TRAIL_CLUB_ZIP}`,
      title: 'Trail Club',
      format: 'whatsapp',
    });
  });

  it('has a few dozen messages over two weeks, events among them', () => {
    expect(messages).toHaveLength(27);
    expect(messages[0]!.day).toBe('2024-03-02');
    expect(messages.at(-1)!.day).toBe('2024-03-16');
    expect(transcript(result).filter((line) => line.includes(' *'))).toEqual([
      expect.stringMatching(/^2024-03-02 19:30:00 \*: Messages and calls are end-to-end encrypted/),
      '2024-03-02 19:30:00 *Ana Lima: Ana Lima created group “Trail Club”',
      '2024-03-02 19:30:12 *Ana Lima: Ana Lima added Ben Okafor, Chidi Eze and Dana Kowalski',
      '2024-03-08 21:05:19 *Ana Lima: Ana Lima changed the group description',
      '2024-03-12 18:03:11 *Ana Lima: Ana Lima added Eva Lindqvist',
      '2024-03-16 10:30:00 *Chidi Eze: Chidi Eze left',
    ]);
    expect(messages.find((m) => m.text.startsWith('Proposal'))!.text.split('\n')).toHaveLength(4);
    expect(messages.find((m) => m.edited)!.text).toBe('See you all tomorrow at 8');
  });

  it('shows two pictures and a voice note that are in the zip', () => {
    const files = messages.flatMap((m) => m.attachments ?? []);
    expect(files.map((f) => f.kind)).toEqual(['image', 'voice', 'image']);
    for (const file of files) {
      const entry = file.path!.slice(`exports/${TRAIL_CLUB_ZIP}!/`.length);
      expect(entries.has(entry), entry).toBe(true);
    }
    const photo = entries.get(files[0]!.name)!;
    expect(Buffer.from(photo.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(Buffer.from(entries.get(files[1]!.name)!.subarray(28, 36)).toString()).toBe('OpusHead');
  });

  it.skipIf(!hasUnzip())(
    'is a zip that unzip tests without errors (where unzip is installed)',
    () => {
      expect(execFileSync('unzip', ['-t', zipPath]).toString()).toContain('No errors detected');
    },
  );
});

describe("the sample archive's Spanish chat (an Android .txt)", () => {
  const path = `exports/${SPANISH_CHAT}`;
  const bytes = new Uint8Array(readFileSync(join(SAMPLE_EXPORTS, SPANISH_CHAT)));
  const result = readBytes(bytes, path);

  it('reads the 12-hour "p. m." clock and the Spanish markers', () => {
    expect(chooseReader(path, bytes)?.format).toBe('whatsapp');
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations[0]!.title).toBe('Mateo Ruiz');
    const messages = messagesOf(result);
    expect(messages).toHaveLength(12);
    expect(messages[0]!.kind).toBe('event');
    expect(transcript(result).at(-1)).toBe('2024-03-13 18:52:00 Mateo Ruiz: ¡Sí! Pásame el enlace');
    expect(messages.find((m) => m.attachments)!.attachments).toEqual([
      { kind: 'file', name: 'Multimedia omitido', path: null },
    ]);
    expect(messages.find((m) => m.edited)!.text).toBe(
      'Me alegro mucho. ¿Te apuntas al grupo del club?',
    );
  });
});
