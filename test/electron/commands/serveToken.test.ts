/**
 * The chain that let another local user overwrite ~/.bashrc, link by link:
 * 1. `serve --open` put the tokenized URL on the opener's command line, which every local user
 *    can read in /proc/PID/cmdline; now only the path of a page this user alone can read is.
 * 2. with the token, `openArchive` opened any folder; now only the served one (and its folders),
 *    unless `serve --allow-other-folders`.
 * 3. with the token, an export replaced any file; now never a hidden file of the home folder,
 *    and never a file this session did not write (the browser has no save dialog).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SAMPLE, chatLog, tempArchive } from '../../fixtures/archive';
import { hasCommand } from '../../fixtures/commands';
import { call, waitReady, withServe } from '../../fixtures/serveCli';

const linux = process.platform === 'linux';
/** Whether this test can act as a second local user (root can, with setpriv). */
const canSwitchUser = linux && process.getuid?.() === 0 && hasCommand('setpriv');

/** Runs `command` as the user nobody: what another local user could do. */
function asAnotherUser(command: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', '--', ...command],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { ok: true, output };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: unknown }).stderr ?? error) };
  }
}

describe('scrollback serve and its token', () => {
  it.skipIf(!linux)(
    'opens the browser without the token on any command line; the page it opens is private',
    async () => {
      const bin = tempArchive('scrollback-bin-');
      const cache = tempArchive('scrollback-cache-');
      const record = join(bin.root, 'opener.txt');
      // A stand-in for xdg-open: it says who it is, keeps running a moment like a browser would,
      // and copies the page it was given before serve removes it.
      const opener = bin.write(
        'xdg-open',
        `#!/bin/sh\ncp "$1" '${bin.root}/page.html'\necho "$$" > '${record}.pid'\nprintf '%s\\n' "$@" > '${record}'\nsleep 3\n`,
      );
      chmodSync(opener, 0o755);
      try {
        let token = '';
        let cmdline = '';
        let page = '';
        let pageMode = 0;
        let folderMode = 0;
        let strangerCmdline: { ok: boolean; output: string } | null = null;
        let strangerPage: { ok: boolean; output: string } | null = null;
        const code = await withServe(
          [BUNDLED_SAMPLE, '--open', '--cache-dir', cache.root],
          async (url) => {
            token = /\/t\/([^/]+)\//.exec(url)![1]!;
            for (let attempt = 0; attempt < 200 && !existsSync(`${record}.pid`); attempt++)
              await new Promise((resolve) => setTimeout(resolve, 25));
            const pid = readFileSync(`${record}.pid`, 'utf8').trim();
            // What every local user can read while the opener runs.
            cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
            const given = readFileSync(record, 'utf8').trim();
            pageMode = statSync(given).mode & 0o777;
            folderMode = statSync(dirname(given)).mode & 0o777;
            page = readFileSync(join(bin.root, 'page.html'), 'utf8');
            if (canSwitchUser) {
              strangerCmdline = asAnotherUser(['cat', `/proc/${pid}/cmdline`]);
              strangerPage = asAnotherUser(['cat', given]);
            }
          },
          { env: { PATH: `${bin.root}:${process.env.PATH ?? ''}` } },
        );
        expect(code).toBe(0);
        expect(token.length).toBeGreaterThanOrEqual(32);
        expect(cmdline).toContain('xdg-open');
        expect(cmdline).not.toContain(token);
        expect([pageMode, folderMode]).toEqual([0o600, 0o700]);
        // The page sends the browser on to the reader, token and all.
        expect(page).toContain(`/t/${token}/`);
        expect(page).toMatch(/http-equiv="refresh"/);
        if (strangerCmdline && strangerPage) {
          expect((strangerCmdline as { ok: boolean }).ok).toBe(true);
          expect((strangerPage as { ok: boolean }).ok).toBe(false);
        }
        // Removed when serve stops.
        expect(existsSync(readFileSync(record, 'utf8').trim())).toBe(false);
      } finally {
        bin.remove();
        cache.remove();
      }
    },
    60_000,
  );

  it('opens only the served folder and the folders in it, unless told otherwise', async () => {
    const served = tempArchive();
    const other = tempArchive('scrollback-private-');
    const cache = tempArchive('scrollback-cache-');
    served.write('inner/g/2018-05-15-chat.md', chatLog('2018-05-15', []));
    other.write('g/2018-05-15-chat.md', chatLog('2018-05-15', []));
    try {
      const answers: { ok: boolean; code?: string }[] = [];
      await withServe([served.root, '--cache-dir', cache.root], async (url) => {
        await waitReady(url);
        for (const path of [other.root, '/', join(served.root, 'inner'), served.root]) {
          const answer = await call(url, 'openArchive', { path });
          answers.push({
            ok: answer.ok,
            ...(answer.ok ? {} : { code: (answer.error as { code: string }).code }),
          });
        }
      });
      expect(answers).toEqual([
        { ok: false, code: 'unsupported' },
        { ok: false, code: 'unsupported' },
        { ok: true },
        { ok: true },
      ]);
      let allowed: { ok: boolean } = { ok: false };
      await withServe(
        [served.root, '--allow-other-folders', '--cache-dir', cache.root],
        async (url) => {
          await waitReady(url);
          allowed = await call(url, 'openArchive', { path: other.root });
        },
      );
      expect(allowed.ok).toBe(true);
    } finally {
      served.remove();
      other.remove();
      cache.remove();
    }
  }, 60_000);

  it('never lets an export replace ~/.bashrc, nor any file the session did not write', async () => {
    const home = tempArchive('scrollback-home-');
    const cache = tempArchive('scrollback-cache-');
    const bashrc = home.write('.bashrc', 'export PATH=$HOME/bin:$PATH\n');
    const notes = home.write('notes.txt', 'precious');
    try {
      const results: Record<string, unknown> = {};
      await withServe(
        [BUNDLED_SAMPLE, '--cache-dir', cache.root],
        async (url) => {
          await waitReady(url);
          const ids = (
            (await call(url, 'getDayMessages', {
              conversation: 'groups/trailclub',
              day: '2024-03-05',
            })) as { value: { messages: { id: number }[] } }
          ).value.messages.map((message) => message.id);
          const exportTo = async (path: string, overwrite = true) => {
            const answer = await call(url, 'exportMessages', {
              ids,
              format: 'txt',
              path,
              overwrite,
            });
            return answer.ok ? 'written' : (answer.error as { code: string }).code;
          };
          results.bashrc = await exportTo(bashrc);
          results.tilde = await exportTo('~/.bashrc');
          results.autostart = await exportTo('~/.config/autostart.txt');
          results.notes = await exportTo(notes);
          results.fresh = await exportTo('~/thread.txt', false);
          results.again = await exportTo('~/thread.txt');
        },
        { env: { HOME: home.root } },
      );
      expect(results).toEqual({
        bashrc: 'unsupported',
        tilde: 'unsupported',
        autostart: 'unsupported',
        notes: 'file-exists',
        fresh: 'written',
        again: 'written',
      });
      expect(readFileSync(bashrc, 'utf8')).toBe('export PATH=$HOME/bin:$PATH\n');
      expect(readFileSync(notes, 'utf8')).toBe('precious');
      expect(readFileSync(join(home.root, 'thread.txt'), 'utf8')).toMatch(/^2024-03-05 /);
    } finally {
      home.remove();
      cache.remove();
    }
  }, 60_000);
});
