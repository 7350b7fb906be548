import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../../electron/service/frontMatter';
import type { FrontMatterReader } from '../../../../shared/readers/reader';
import { chatLog } from '../../../fixtures/archive';
import { readMarkdownFile } from './readFile';

const parse = (
  text: string,
  path = 'group/_posts/2018-05-15-chat.markdown',
  reader: FrontMatterReader = readFrontMatter,
) => readMarkdownFile(path, text, reader);

describe('chat logs', () => {
  it('reads time, speaker and text of each message, in the real exporter format', () => {
    const file = parse(
      chatLog('2018-05-15', [
        { time: '09:02:16', speaker: '李雄峰', text: '近期分享安排：\n第二行' },
        { time: '09:02:54', speaker: '范双-奇付通-开发-北京', text: '[强]' },
      ]),
    );
    expect(file.kind).toBe('chat');
    expect(file.day).toBe('2018-05-15');
    expect(file.diagnostics).toEqual([]);
    expect(file.messages.map(({ time, speaker, text }) => ({ time, speaker, text }))).toEqual([
      { time: '09:02:16', speaker: '李雄峰', text: '近期分享安排：\n第二行' },
      { time: '09:02:54', speaker: '范双-奇付通-开发-北京', text: '[强]' },
    ]);
  });

  it('gives the header line of each message', () => {
    const file = parse(
      '---\ndate: 2018-05-15\n---\n> 09:00:00  a  \n   \nhello  \n   \n> 09:01:00  b  \n',
    );
    expect(file.messages.map((m) => m.line)).toEqual([4, 8]);
  });

  it('keeps empty messages and messages of many lines', () => {
    const file = parse('> 09:00:00  a  \n   \n> 09:00:01  b  \n   \none  \n   \ntwo  \nthree  \n');
    expect(file.messages.map((m) => m.text)).toEqual(['', 'one\ntwo\nthree']);
  });

  it('accepts tabs and many blanks between time and speaker, and trims the speaker', () => {
    const file = parse('> 09:00:00\t\t 张三 \u3000 \n text\n> 09:00:01      李四\n');
    expect(file.messages.map((m) => m.speaker)).toEqual(['张三', '李四']);
    expect(file.messages[0]!.text).toBe(' text');
  });

  it('does not take a one-blank "> 09:00:00 x" line or a quote for a header', () => {
    const file = parse('> 09:00:00  a\n> 09:00:01 b\n> quoted\n');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]!.text).toBe('> 09:00:01 b\n> quoted');
  });

  it('decodes HTML entities, twice-escaped ones too', () => {
    const file = parse('> 09:00:00  a\nSpring&amp;#160;Boot &lt;div&gt; &amp; R&amp;D\n');
    expect(file.messages[0]!.text).toBe('Spring\u00a0Boot <div> & R&D');
  });

  it('reads CRLF and lone CR line endings the same as LF', () => {
    const lf = parse('> 09:00:00  a  \n   \nhello  \n');
    expect(parse('> 09:00:00  a  \r\n   \r\nhello  \r\n').messages).toEqual(lf.messages);
    expect(parse('> 09:00:00  a  \r   \rhello  \r').messages).toEqual(lf.messages);
  });

  it('says when text stands before the first header, and still reads the messages', () => {
    const file = parse('---\ndate: 2018-05-15\n---\nstray words\n> 09:00:00  a\nhello\n');
    expect(file.messages).toHaveLength(1);
    expect(file.diagnostics).toEqual([
      expect.objectContaining({
        line: 4,
        message: expect.stringContaining('before the first message'),
      }),
    ]);
  });
});

describe('days', () => {
  it('takes the day from the file name before the front matter', () => {
    expect(parse('---\ndate: 2019-01-01 12:00:00\n---\n> 09:00:00  a\n').day).toBe('2018-05-15');
  });

  it('falls back to the front matter date, kept as written (no time zone shift)', () => {
    const file = parse('---\ndate: 2018-05-15 23:59:59\n---\n> 09:00:00  a\n', 'g/log.markdown');
    expect(file.day).toBe('2018-05-15');
  });

  it('reports messages that cannot be placed on a day', () => {
    const file = parse('> 09:00:00  a\n', 'g/log.markdown');
    expect(file.day).toBeNull();
    expect(file.diagnostics[0]!.message).toMatch(/No date/);
  });

  it('ignores impossible dates in file names', () => {
    expect(parse('---\ndate: 2018-05-15\n---\n> 09:00:00  a\n', 'g/2018-02-30-chat.md').day).toBe(
      '2018-05-15',
    );
  });
});

describe('kinds of file', () => {
  it('reads speakerless logs, with or without leading blanks', () => {
    const file = parse(
      '---\ndate: 2017-05-05\n---\n\n   14:39:14  现在  \n   14:39:34  at  \n14:40:29  第三\n续行\n',
      'w/2017-05-05-wechat1.markdown',
    );
    expect(file.kind).toBe('timeline');
    expect(file.messages.map(({ time, speaker, text }) => [time, speaker, text])).toEqual([
      ['14:39:14', '', '现在'],
      ['14:39:34', '', 'at'],
      ['14:40:29', '', '第三\n续行'],
    ]);
  });

  it('reads other Markdown as a document with no messages', () => {
    const file = parse(
      '---\ntitle: 综述\n---\n## 一、主题\n\n> 本文来自分享\n\n正文 12:00:00  不是消息\n',
    );
    expect(file.kind).toBe('document');
    expect(file.messages).toEqual([]);
  });

  it('takes a file with front matter and no body for an empty day of a log', () => {
    const file = parse('---\ntitle: "2018-05-15-WeChat"\n---\n   \n');
    expect(file.kind).toBe('chat');
    expect(file.messages).toEqual([]);
  });
});

describe('front matter', () => {
  it('reads the real front matter, with tabs in it', () => {
    const file = parse(
      '---\nlayout:     source \ntitle:      "T"\ntag:\t\t  [chat]\n---\n> 09:00:00  a\n',
    );
    expect(file.diagnostics).toEqual([]);
  });

  it('reports broken YAML and still reads the messages', () => {
    const file = parse('---\ntitle: [unclosed\n---\n> 09:00:00  a\nhi\n');
    expect(file.messages).toHaveLength(1);
    expect(file.diagnostics[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('front matter could not be read'),
    });
  });

  it('reads the messages of a file whose front matter is never closed', () => {
    const file = parse('---\ntitle: x\n> 09:00:00  a\nhi\n');
    expect(file.messages.map((m) => m.text)).toEqual(['hi']);
    expect(file.diagnostics[0]!.message).toMatch(/no closing/);
  });

  it('never runs JavaScript or CoffeeScript front matter', () => {
    const marker = globalThis as { scrollbackPwned?: boolean };
    for (const language of [
      'js',
      'javascript',
      'JS',
      'coffee',
      'cson',
      'json',
      'toml',
      'constructor',
      '__proto__',
    ]) {
      const file = parse(
        `---${language}\n{ title: (globalThis.scrollbackPwned = true) }\n---\n> 09:00:00  a\n`,
      );
      expect(file.messages).toHaveLength(1);
      expect(file.diagnostics[0]!.message).toMatch(/only YAML/);
    }
    expect(marker.scrollbackPwned).toBeUndefined();
  });

  it('survives YAML alias bombs, deep nesting and prototype keys', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(9)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(',')}]`,
      );
    const deep = `x: ${'['.repeat(20000)}${']'.repeat(20000)}`;
    for (const yaml of [
      bomb.join('\n'),
      deep,
      '__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}',
    ]) {
      const file = parse(`---\n${yaml}\n---\n> 09:00:00  a\n`);
      expect(file.messages).toHaveLength(1);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
