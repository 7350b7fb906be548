/**
 * `serve --open`: the system browser opens the reader without the secret token ever being on a
 * command line. Every local user can read any process's arguments (/proc/PID/cmdline), so the
 * tokenized URL is written into a page readable by this user alone (a 0600 file in a 0700
 * folder) that sends the browser on, and only that page's path goes to the opener.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Long enough for a browser that starts slowly to read the page; then it is removed. */
const PAGE_LIFETIME_MS = 120_000;

export interface OpenedBrowser {
  /** Removes the page now (on stop), if it is still there. */
  cleanup(): Promise<void>;
}

/** The system's own opener; arguments are passed as a list, never through a shell. */
function opener(): string {
  if (process.platform === 'darwin') return 'open';
  if (process.platform === 'win32') return 'explorer.exe';
  return 'xdg-open';
}

export async function openInBrowser(url: string): Promise<OpenedBrowser> {
  // mkdtemp makes the folder 0700; the page is 0600 and never replaces anything ('wx').
  const folder = await mkdtemp(join(tmpdir(), 'scrollback-open-'));
  const page = join(folder, 'open-scrollback.html');
  await writeFile(page, redirectPage(url), { mode: 0o600, flag: 'wx' });
  const cleanup = () => rm(folder, { recursive: true, force: true });
  const timer = setTimeout(() => void cleanup(), PAGE_LIFETIME_MS);
  timer.unref();
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const child = spawn(opener(), [page], { detached: true, stdio: 'ignore' });
  child.on('error', () =>
    process.stderr.write(`Could not open a browser; open the URL above yourself.\n`),
  );
  child.unref();
  return {
    cleanup: async () => {
      clearTimeout(timer);
      await cleanup();
    },
  };
}

/** A page that sends the browser to `url` at once, leaving no referrer behind. */
function redirectPage(url: string): string {
  const href = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0; url=${href}">
<title>Scrollback</title>
<p>Opening Scrollback… <a href="${href}">Continue</a>.</p>
`;
}
