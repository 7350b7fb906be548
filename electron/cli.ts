#!/usr/bin/env node
/**
 * The `scrollback` command: read an archive from the terminal.
 *   scrollback stats <folder>           what an archive holds
 *   scrollback search <folder> <query>  find messages
 *   scrollback export <folder> ...      write a thread to a file
 *   scrollback serve <folder>           read it in the browser
 * Each command lives in electron/commands/ and is built as a bundle of its own, loaded only when
 * asked for: `search` starts without the code of `serve` and `export` (or their libraries).
 */
import { join } from 'node:path';
import { errorDetails } from '../shared/errors';
import { printableLines, printOut } from './commands/terminal';
import { nodeTooOld } from './commands/usage';

const USAGE = `Usage: scrollback <command> [options]

Commands:
  stats <folder> [--json]     Summarise an archive: files, messages, conversations, diagnostics
  search <folder> <query...> [--json] [--limit N] [--oldest]
                              Find messages: words, "phrases", -word, from:, in:, on:, has:...
  export <folder> --format md|html|pdf|json|csv|txt -o FILE [--in C] [--from DAY] [--to DAY]
         [--person NAME] [--query Q] [--force]
                              Write the messages passing the filters to one file
  serve <folder> [--port N] [--open] [--allow-other-folders]
                              Read an archive in the browser, served on 127.0.0.1 behind a token

Every command also takes --cache-dir DIR (where the archive's store is kept; the archive
folder itself is never written) and --tz ZONE (the IANA zone Slack and Telegram instants are
shown in; default SCROLLBACK_TZ, else this machine's zone).

Run "scrollback <command> --help" for a command's options.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, string> = {
  stats: 'runStats',
  search: 'runSearch',
  export: 'runExport',
  serve: 'runServe',
};

/** Errors a command throws for its user: wrong arguments (2), an unreadable folder (1). */
const EXPECTED: Record<string, number> = { UsageError: 2, ArchiveError: 1 };

function loadCommand(name: string): Command {
  // Built beside this file (package.json's build:node); not bundled into it on purpose.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(join(__dirname, 'commands', `${name}.js`)) as Record<string, Command>;
  return module[COMMANDS[name]!]!;
}

async function main(argv: string[]): Promise<number> {
  const tooOld = nodeTooOld(process.versions.node);
  if (tooOld) {
    process.stderr.write(`${tooOld}\n`);
    return 1;
  }
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printOut(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    process.stderr.write(`scrollback: unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await loadCommand(name)(args);
  } catch (error) {
    const kind = error instanceof Error ? error.name : '';
    // Messages may name paths from the archive: shown with their controls escaped.
    const message = printableLines((error as Error).message ?? '').join('\n');
    if (kind === 'UsageError') {
      process.stderr.write(`scrollback ${name}: ${message}\n`);
      return EXPECTED[kind]!;
    }
    if (kind === 'ArchiveError') {
      process.stderr.write(`scrollback: ${message}\n`);
      return EXPECTED[kind]!;
    }
    throw error;
  }
}

// Compiled code is cached between runs (Node 22.1+): a one-shot search starts sooner.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('node:module') as { enableCompileCache?: () => void }).enableCompileCache?.();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`scrollback: unexpected failure: ${errorDetails(error)}\n`);
    process.exitCode = 70;
  },
);
