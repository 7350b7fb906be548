/** Which files are WhatsApp chats: by their first lines, never by their name or extension alone. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseReader } from '../../../../shared/readers/registry';
import { whatsappReader } from '../../../../shared/readers/whatsapp/reader';
import { chatLog } from '../../../fixtures/archive';
import { FIXTURES } from './read';

const bytes = (text: string) => new TextEncoder().encode(text);
const ANDROID = '14/03/2024, 10:00 - Ana Lima: hi\n14/03/2024, 10:01 - Ben Okafor: hello\n';

describe('choosing the WhatsApp reader', () => {
  it('chooses it for every fixture export, under its own name', () => {
    for (const name of [
      'WhatsApp Chat with Ben Okafor.txt',
      'WhatsApp Chat with Trail Club.txt',
      'WhatsApp Chat mit Wandergruppe.txt',
      'Chat de WhatsApp con Lucía Prieto.txt',
      'WhatsApp Chat with 佐藤花子.txt',
      'ios-group/_chat.txt',
      'finnish/_chat.txt',
      'old-ios/_chat.txt',
    ]) {
      const head = readFileSync(join(FIXTURES, name));
      expect(chooseReader(`exports/${name}`, head)?.format, name).toBe('whatsapp');
    }
  });

  it('chooses it for a chat under any name, and is surer under WhatsApp names', () => {
    const plain = whatsappReader.sniff('notes/chat.txt', bytes(ANDROID));
    const named = whatsappReader.sniff('notes/WhatsApp Chat with Ana Lima.txt', bytes(ANDROID));
    const zipped = whatsappReader.sniff(
      'WhatsApp Chat - Trail Club.zip!/_chat.txt',
      bytes(ANDROID),
    );
    expect(plain).toBeGreaterThan(0.1);
    expect(named).toBeGreaterThan(plain);
    expect(zipped).toBe(named);
    expect(chooseReader('notes/chat.txt', bytes(ANDROID))?.format).toBe('whatsapp');
  });

  it('leaves a Markdown chat log to the Markdown reader, even named .txt', () => {
    const log = bytes(chatLog('2024-03-14', [{ time: '10:00:00', speaker: 'Ana', text: 'hi' }]));
    expect(whatsappReader.sniff('group/_posts/2024-03-14-chat.txt', log)).toBe(0);
    expect(chooseReader('group/_posts/2024-03-14-chat.txt', log)?.format).toBe('markdown');
  });

  it('scores 0 for a WhatsApp name whose content is something else', () => {
    expect(
      whatsappReader.sniff('WhatsApp Chat with Ana.txt', bytes('Dear diary,\ntoday...\n')),
    ).toBe(0);
    expect(whatsappReader.sniff('_chat.txt', new Uint8Array([0, 1, 2, 3, 0, 0, 255]))).toBe(0);
    expect(whatsappReader.sniff('_chat.txt', new Uint8Array())).toBe(0);
  });

  it('scores 0 when dates merely start some lines of a document', () => {
    const notes =
      'Meeting notes\n\nAttendees: Ana, Ben\n1/2/24, 10:00 - started\nAgenda\nBudget\nTravel\n';
    expect(whatsappReader.sniff('notes.txt', bytes(notes))).toBe(0);
  });

  it('reads a head cut in the middle of a character', () => {
    const text = `${ANDROID}${'14/03/2024, 10:02 - Ana Lima: 山野社 ✓\n'.repeat(800)}`;
    const head = bytes(text).subarray(0, 16 * 1024 + 1);
    expect(whatsappReader.sniff('x.txt', head)).toBeGreaterThan(0.1);
  });

  it('reads UTF-16 exports (saved again by Windows editors)', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(ANDROID, (c) => c.charCodeAt(0)).buffer),
    ]);
    expect(whatsappReader.sniff('x.txt', utf16)).toBeGreaterThan(0.1);
  });
});
