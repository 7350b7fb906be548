#!/usr/bin/env node
/**
 * The `scrollback` command: read an archive from the terminal.
 *   scrollback stats <folder> [--json]
 * Each command lives in electron/commands/; this file only dispatches and reports failures.
 */
import { runStats } from './commands/stats';
import { UsageError } from './commands/usage';
import { ArchiveError } from './service/readArchive';

const USAGE = `Usage: scrollback <command> [options]

Commands:
  stats <folder> [--json]     Summarise an archive: files, messages, conversations, diagnostics

Run "scrollback <command> --help" for a command's options.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  stats: runStats,
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
    process.stderr.write(`scrollback: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
