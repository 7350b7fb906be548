#!/usr/bin/env node
/**
 * The `scrollback` command: read an archive from the terminal.
 *   scrollback stats <folder>            summarise it
 *   scrollback search <folder> <query>   find messages
 *   scrollback export <folder> ...       write messages to a file
 *   scrollback serve <folder>            read it in the browser
 * Each command lives in electron/commands/; this file only dispatches and reports failures.
 */
import { runServe } from './commands/serve';
import { runExport } from './commands/export';
import { runSearch } from './commands/search';
import { runStats } from './commands/stats';
import { UsageError } from './commands/usage';
import { ArchiveError } from './service/readArchive';
import { errorDetails } from '../shared/errors';

const USAGE = `Usage: scrollback <command> [options]

Commands:
  stats <folder> [--json]     Summarise an archive: files, messages, conversations, diagnostics
  search <folder> <query...> [--json] [--limit N] [--oldest] [--cache-dir DIR]
                              Find messages: words, "phrases", -word, from:, in:, on:, has:...
  export <folder> --format md|html|pdf|json|csv|txt -o FILE [--in C] [--from DAY] [--to DAY]
         [--person NAME] [--query Q] [--force]
                              Write the messages passing the filters to one file
  serve <folder> [--port N] [--open]
                              Read an archive in the browser, served on 127.0.0.1 behind a token

Run "scrollback <command> --help" for a command's options.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  stats: runStats,
  search: runSearch,
  export: runExport,
  serve: runServe,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`scrollback: unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`scrollback ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ArchiveError) {
      process.stderr.write(`scrollback: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`scrollback: unexpected failure: ${errorDetails(error)}\n`);
    process.exitCode = 70;
  },
);
