/**
 * Terminal escapes from an archive never reach the terminal: they are shown as visible escapes
 * in human-readable output (an OSC 52 sequence in a folder name would write the clipboard).
 */
import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../../electron/commands/terminal';
import { chatLog, tempArchive } from '../../fixtures/archive';
import { runCli } from '../../fixtures/cli';

/** Writes "pwned" to the clipboard of a terminal that honours OSC 52. */
const OSC_52 = '\x1b]52;c;cHduZWQ=\x07';
/** Moves the cursor up and erases the line: rewrites what was printed before. */
const CURSOR = '\x1b[1A\x1b[2K';
const RIGHT_TO_LEFT = '\u202e';

/** Whether output holds a raw control or bidi character a terminal would act on. */
function hasRawControls(output: string): boolean {
  return /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/.test(
    output,
  );
}

describe('printable', () => {
  it('shows C0 and C1 controls and bidi overrides as visible escapes', () => {
    expect(printable(`a${OSC_52}b`)).toBe('a\\x1b]52;c;cHduZWQ=\\x07b');
    expect(printable(`x${CURSOR}`)).toBe('x\\x1b[1A\\x1b[2K');
    expect(printable(`file${RIGHT_TO_LEFT}gpj.exe`)).toBe('file\\u202egpj.exe');
    expect(printable('\u009b31m \u2066 \u2028')).toBe('\\x9b31m \\u2066 \\u2028');
    expect(printable('line\nnext\ttab')).toBe('line\\x0anext\\x09tab');
  });

  it('leaves ordinary text, Chinese and emoji as they are', () => {
    const text = '李雄峰: 近期分享安排 [强] 😀 café — “quoted”';
    expect(printable(text)).toBe(text);
    expect(printableLines(`one${OSC_52}\ntwo`)).toEqual(['one\\x1b]52;c;cHduZWQ=\\x07', 'two']);
  });
});

describe('the commands print archive text as visible escapes', () => {
  it('export names the conversations it has without their escapes acting', () => {
    const archive = tempArchive();
    const cache = tempArchive('scrollback-cache-');
    try {
      archive.write(
        `evil${OSC_52}${CURSOR}${RIGHT_TO_LEFT}/2018-05-15-chat.md`,
        chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'a', text: 'x' }]),
      );
      const run = runCli([
        'export',
        archive.root,
        '--format',
        'txt',
        '--in',
        'nothing',
        '-o',
        `${cache.root}/out.txt`,
        '--cache-dir',
        cache.root,
      ]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('evil\\x1b]52;c;cHduZWQ=\\x07\\x1b[1A\\x1b[2K\\u202e');
      expect(hasRawControls(run.stderr)).toBe(false);
    } finally {
      archive.remove();
      cache.remove();
    }
  });

  it('serve names a folder that cannot be read without its escapes acting', () => {
    const run = runCli(['serve', `/no/such/${OSC_52}folder`]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/no/such/\\x1b]52;c;cHduZWQ=\\x07folder');
    expect(hasRawControls(run.stderr)).toBe(false);
  });
});
