/**
 * Every JSON export reader on the bad input of issue 10: a message nested 100,000 deep, a file
 * cut in the middle, bytes that are not UTF-8, a top-level array of garbage. Each gives a
 * diagnostic, keeps every message it can, and never throws.
 */
import { describe, expect, it } from 'vitest';
import { readWhole } from '../../../../shared/readers/collect';
import { discordReader } from '../../../../shared/readers/discord/reader';
import type { FileReader } from '../../../../shared/readers/reader';
import { slackReader } from '../../../../shared/readers/slack/reader';
import { telegramReader } from '../../../../shared/readers/telegram/reader';
import { context, encode } from './helpers';

interface Format {
  reader: FileReader;
  path: string;
  file(messages: string[]): string;
  message(index: number, text: string): string;
}

const FORMATS: Record<string, Format> = {
  telegram: {
    reader: telegramReader,
    path: 'export/result.json',
    file: (messages) =>
      `{"name": "Bad", "type": "private_group", "id": 1, "messages": [\n${messages.join(',\n')}\n]}`,
    message: (index, text) =>
      `{"id": ${index}, "type": "message", "date": "2024-01-01T10:00:0${index}", "from": "Ana", "text": ${text}}`,
  },
  discord: {
    reader: discordReader,
    path: 'export/G - c [2].json',
    file: (messages) =>
      `{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "type": "GuildTextChat", "name": "c"}, "messages": [\n${messages.join(',\n')}\n]}`,
    message: (index, text) =>
      `{"id": "${index}", "type": "Default", "timestamp": "2024-01-01T10:00:0${index}+00:00", "content": ${text}, "author": {"id": "3", "name": "Ana"}}`,
  },
  slack: {
    reader: slackReader,
    path: 'export/general/2024-01-01.json',
    file: (messages) => `[\n${messages.join(',\n')}\n]`,
    message: (index, text) =>
      `{"type": "message", "user": "U1", "user_profile": {"real_name": "Ana"}, "text": ${text}, "ts": "170409600${index}.000100"}`,
  },
};

const read = (format: Format, bytes: Uint8Array) =>
  readWhole(format.reader, format.path, bytes, context({}, 'UTC'), 4096);
const texts = (result: ReturnType<typeof read>) =>
  result.conversations.flatMap((conversation) => conversation.messages.map((m) => m.text));

describe.each(Object.entries(FORMATS))('%s reader on bad input', (_name, format) => {
  it('refuses a message nested 100,000 deep and reads the ones around it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = format.file([
      format.message(1, '"before"'),
      format.message(2, deep),
      format.message(3, '"after"'),
    ]);
    const result = read(format, encode(text));
    expect(texts(result)).toEqual(['before', 'after']);
    expect(result.diagnostics).toEqual([
      {
        path: format.path,
        line: 3,
        message: '1 message nested more than 100 levels deep could not be read.',
      },
    ]);
  });

  it('keeps the messages before a cut and says the file was cut off', () => {
    const text = format.file([format.message(1, '"one"'), format.message(2, '"two"')]);
    const result = read(format, encode(text.slice(0, text.indexOf('"two"') - 3)));
    expect(texts(result)).toEqual(['one']);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ path: format.path, line: 3 });
    expect(result.diagnostics[0]!.message).toMatch(/cut off.*line 3 is incomplete/);
  });

  it('shows bytes that are not UTF-8 as � and says so', () => {
    const text = format.file([format.message(1, '"ok"'), format.message(2, '"caf__"')]);
    const bytes = encode(text);
    const at = text.indexOf('caf__') + 3;
    bytes.set([0xff, 0xfe], at);
    const result = read(format, bytes);
    expect(texts(result)).toEqual(['ok', 'caf��']);
    expect(result.diagnostics).toEqual([
      {
        path: format.path,
        line: 3,
        message: 'Some bytes are not UTF-8 text; they are shown as �.',
      },
    ]);
  });

  it('reads no message from a top-level array of garbage, and says why', () => {
    const result = read(format, encode('[1, "two", null, [[]], {"x": 1}, true]'));
    expect(texts(result)).toEqual([]);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.kind).toBe(format.reader === slackReader ? 'chat' : 'skipped');
  });
});
