/**
 * A generator of hostile archives: every way a folder from the internet can try to hurt a
 * reader. Each file says what it expects: how many messages must be read from it (for
 * awkwardly encoded but well-formed files), or that it must give a diagnostic. Outside the
 * archive it writes a "secret" folder that links point at: nothing from it may ever be read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface HostileFile {
  path: string;
  /** Messages that must be read from this file (undefined: any number, it is about survival). */
  messages?: number;
  /** Whether the file must have a diagnostic. */
  diagnostic?: boolean;
}

export interface HostileArchive {
  root: string;
  /** A folder beside the archive, reachable only through links from inside it. */
  secret: string;
  /** Text that appears only in the secret folder. */
  secretMarker: string;
  /** FIFOs named like a chat log and an image (none where mkfifo is missing). */
  fifos: string[];
  files: HostileFile[];
  bytes: number;
}

const SECRET_MARKER = 'SECRET-OUTSIDE-THE-ARCHIVE-7f3a';

function log(day: string, messages: [string, string, string][], frontMatter = true): string {
  const lines = frontMatter
    ? ['---', `title: "${day}"`, `date: ${day} 12:00:00`, 'tag:\t\t  [chat]', '---']
    : [];
  for (const [time, speaker, text] of messages)
    lines.push(`> ${time}  ${speaker}  `, '   ', ...text.split('\n').map((l) => `${l}  `), '   ');
  return `${lines.join('\n')}\n`;
}

/** GB18030 bytes for a few characters (Node has no GB18030 encoder). */
const GB: Record<string, number[]> = {
  张三: [0xd5, 0xc5, 0xc8, 0xfd],
  支付你好: [0xd6, 0xa7, 0xb8, 0xb6, 0xc4, 0xe3, 0xba, 0xc3],
};

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

export function generateHostileArchive(
  base: string,
  options: { bigFileMB?: number } = {},
): HostileArchive {
  const root = join(base, 'archive');
  const secret = join(base, 'secret');
  const files: HostileFile[] = [];
  let bytes = 0;
  const write = (
    path: string,
    content: string | Buffer,
    expect: Omit<HostileFile, 'path'> = {},
  ) => {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    files.push({ path, ...expect });
  };
  mkdirSync(secret, { recursive: true });
  writeFileSync(
    join(secret, '2018-05-15-chat.md'),
    log('2018-05-15', [['09:00:00', 'spy', SECRET_MARKER]]),
  );
  writeFileSync(join(secret, 'passwd.png'), SECRET_MARKER);

  // Encodings: well formed, every message must be read.
  const two: [string, string, string][] = [
    ['09:00:00', '张三', '支付你好'],
    ['09:00:05', 'Ann', 'hello\nsecond line'],
  ];
  write('enc/_posts/2018-05-01-utf8bom.md', `\uFEFF${log('2018-05-01', two)}`, { messages: 2 });
  write('enc/_posts/2018-05-02-utf16le.md', utf16(log('2018-05-02', two), 'le'), { messages: 2 });
  write('enc/_posts/2018-05-03-utf16be.md', utf16(log('2018-05-03', two), 'be'), { messages: 2 });
  write('enc/_posts/2018-05-04-crlf.md', log('2018-05-04', two).replace(/\n/g, '\r\n'), {
    messages: 2,
  });
  write(
    'enc/_posts/2018-05-05-gb18030.md',
    Buffer.concat([
      Buffer.from('---\ndate: 2018-05-05\n---\n> 09:00:00  '),
      Buffer.from(GB['张三']!),
      Buffer.from('  \n   \n'),
      Buffer.from(GB['支付你好']!),
      Buffer.from('  \n'),
    ]),
    { messages: 1 },
  );
  write('enc/_posts/2018-05-06-cr.md', log('2018-05-06', two).replace(/\n/g, '\r'), {
    messages: 2,
  });

  // Not text, or nothing.
  write(
    'bad/_posts/2018-05-07-binary.md',
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]),
    { diagnostic: true, messages: 0 },
  );
  write('bad/_posts/2018-05-08-empty.md', '', { messages: 0 });
  write(
    'bad/_posts/2018-05-09-random.md',
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    { diagnostic: true, messages: 0 },
  );

  // Front matter: unterminated, every language gray-matter knows, YAML attacks.
  write('fm/_posts/2018-05-10-unterminated.md', '---\ntitle: never closed\n> 09:00:00  a\ntext\n', {
    messages: 1,
    diagnostic: true,
  });
  const languages = [
    'js',
    'javascript',
    'coffee',
    'coffeescript',
    'cson',
    'json',
    'toml',
    'JS',
    'yaml-js',
    '__proto__',
    'constructor',
    'toString',
  ];
  languages.forEach((language, i) => {
    const payload =
      language.includes('coffee') || language === 'cson'
        ? 'title: do -> process.exit(99)'
        : '{ title: (function(){ process.exit(99) })() }';
    write(
      `fm/_posts/2018-05-${String(11 + i).padStart(2, '0')}-lang-${language}.md`,
      `---${language}\n${payload}\n---\n> 09:00:00  a  \nstill read\n`,
      { messages: 1, diagnostic: true },
    );
  });
  write(
    'fm/_posts/2018-06-01-jstag.md',
    '---\ntitle: !!js/function "function(){ process.exit(99) }"\n---\n> 09:00:00  a\nx\n',
    { messages: 1, diagnostic: true },
  );
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 12; i++)
    bomb.push(
      `l${i}: &l${i} [${Array(9)
        .fill(i === 1 ? '*a' : `*l${i - 1}`)
        .join(',')}]`,
    );
  write('fm/_posts/2018-06-02-alias-bomb.md', `---\n${bomb.join('\n')}\n---\n> 09:00:00  a\nx\n`, {
    messages: 1,
  });
  write(
    'fm/_posts/2018-06-03-deep.md',
    `---\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n> 09:00:00  a\nx\n`,
    { messages: 1, diagnostic: true },
  );
  write(
    'fm/_posts/2018-06-04-deep-map.md',
    `---\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\n> 09:00:00  a\nx\n`,
    { messages: 1 },
  );
  write(
    'fm/_posts/2018-06-05-proto.md',
    '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntitle: {toString: 1}\ndate: {valueOf: 1}\n---\n> 09:00:00  a\nx\n',
    { messages: 1 },
  );

  // Size: a big single-day log and a giant single line.
  const bigMB = options.bigFileMB ?? 50;
  const chunk = log(
    '2018-07-01',
    Array.from(
      { length: 1000 },
      (_, i) =>
        [
          `09:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
          `user${i % 37}`,
          `message ${i} 支付 [强] @user${(i + 1) % 37} http://example.invalid/${i}`,
        ] as [string, string, string],
    ),
    false,
  );
  const copies = Math.max(1, Math.round((bigMB * 1024 * 1024) / Buffer.byteLength(chunk)));
  write('size/_posts/2018-07-01-big.md', `---\ndate: 2018-07-01\n---\n${chunk.repeat(copies)}`, {
    messages: copies * 1000,
  });
  write(
    'size/_posts/2018-07-02-long-line.md',
    log('2018-07-02', [['09:00:00', 'a', 'x'.repeat(5 * 1024 * 1024)]]),
    // Kept in five parts of at most 2^20 characters (electron/service/store/ingest.ts).
    { messages: 5 },
  );

  // Lines built to make regular expressions backtrack.
  const evil = [
    `> 09:00:00${' '.repeat(1_000_000)}x`,
    `> 09:00:00  ${'\t '.repeat(500_000)}`,
    `${' '.repeat(1_000_000)}09:00:0`,
    '!['.repeat(300_000),
    `![${'a'.repeat(99)}](${'('.repeat(300_000)}`,
    '@'.repeat(500_000),
    '['.repeat(500_000),
    `http://${'.'.repeat(500_000)}`,
    '&amp;'.repeat(200_000),
    '&#'.repeat(300_000),
    `${'a'.repeat(79)}.pdf`.repeat(20_000),
    '-'.repeat(1_000_000),
  ];
  write(
    'regex/_posts/2018-08-01-backtrack.md',
    `---\ndate: 2018-08-01\n---\n> 09:00:00  a\n${evil.join('\n')}\n> 09:00:01  b\nend\n`,
    {},
  );
  write('regex/_posts/2018-08-02-blanks.md', `${' \t\u3000'.repeat(2_000_000)}\n`, { messages: 0 });
  write('regex/_posts/2018-08-03-newlines.md', '\n'.repeat(3_000_000), { messages: 0 });
  write(
    'regex/_posts/2018-08-04-headers.md',
    `---\ndate: 2018-08-04\n---\n${'> 09:00:00  a\n'.repeat(200_000)}`,
    { messages: 200_000 },
  );

  // Untrusted content in messages: HTML, script, links that climb out of the archive.
  write(
    'content/_posts/2018-09-01-html.md',
    log('2018-09-01', [
      ['09:00:00', '<img src=x onerror=alert(1)>', '<script>alert(1)</script><b>bold</b>'],
      ['09:00:01', '"><svg onload=alert(1)>', '[click](javascript:alert(1)) javascript:alert(1)'],
      ['09:00:02', 'a', '![x](../../secret/passwd.png) ![y](/etc/passwd) ![z](file:///etc/passwd)'],
      [
        '09:00:03',
        'a',
        '![p](%2e%2e/%2e%2e/secret/passwd.png) ![q](..%2F..%2Fsecret%2Fpasswd.png) ![r](\\\\server\\share\\x.png)',
      ],
      [
        '09:00:04',
        'a',
        '![remote](http://img.example.invalid/track.png) <iframe src="http://example.invalid"></iframe>',
      ],
      [
        '09:00:05',
        '__proto__',
        '{{constructor.constructor("process.exit(99)")()}} ${process.exit(99)}',
      ],
    ]),
    { messages: 6 },
  );

  // Names: spaces, newlines, characters outside the BMP, a 200-deep folder.
  write(
    'names/_posts/2018-10-01 with spaces 😀.md',
    log('2018-10-01', [['09:00:00', '😀 emoji 𠀀', 'outside the BMP 𝄞']]),
    { messages: 1 },
  );
  write(
    'names/_posts/2018-10-02-new\nline.md',
    log('2018-10-02', [['09:00:00', 'a', 'newline in the name']]),
    { messages: 1 },
  );
  write(
    `${Array.from({ length: 200 }, (_, i) => `d${i}`).join('/')}/2018-10-03-deep.md`,
    log('2018-10-03', [['09:00:00', 'a', 'deep']]),
    { messages: 1 },
  );

  // Terminal escapes in a folder name, a speaker and a text: an OSC 52 clipboard write, a screen
  // clear, a cursor move and a right-to-left override. The CLI must show them, not obey them.
  write(
    `esc\x1b]52;c;cHduZWQ=\x07/_posts/2018-12-01-chat.md`,
    log('2018-12-01', [
      ['09:00:00', '\x1b[2J\x1b[Hadmin', 'escape\x1b[1A\x1b[2K \u202egnp.exe \x9b31m message'],
    ]),
    { messages: 1 },
  );

  // FIFOs named like a chat log and like an image a message shows: a read must never wait on
  // them (a blocked open holds a thread forever).
  const fifos: string[] = [];
  if (process.platform !== 'win32') {
    write(
      'fifo/_posts/2018-12-02-chat.md',
      log('2018-12-02', [['09:00:00', 'a', '![pipe](images/pipe.png) message beside a pipe']]),
      { messages: 1 },
    );
    mkdirSync(join(root, 'fifo/_posts/images'), { recursive: true });
    for (const path of ['fifo/_posts/images/pipe.png', 'fifo/_posts/2018-12-03-chat.md']) {
      execFileSync('mkfifo', [join(root, path)]);
      fifos.push(join(root, path));
    }
  }

  // Links: loops and links pointing out of the archive (never followed).
  mkdirSync(join(root, 'links'), { recursive: true });
  symlinkSync(root, join(root, 'links/loop'));
  symlinkSync(join(root, 'links'), join(root, 'links/self'));
  symlinkSync(secret, join(root, 'links/out'));
  symlinkSync(join(secret, '2018-05-15-chat.md'), join(root, 'links/2018-05-15-chat.md'));
  symlinkSync('/etc/passwd', join(root, 'links/2018-05-16-chat.md'));
  symlinkSync(join(root, 'links/dangling-target'), join(root, 'links/2018-05-17-chat.md'));

  return { root, secret, secretMarker: SECRET_MARKER, fifos, files, bytes };
}
