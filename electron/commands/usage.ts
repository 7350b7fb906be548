import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../../shared/errors';
import { printable, printOut } from './terminal';

/** Wrong arguments: the message says what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments, turning Node's errors into a UsageError with the command's usage. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if ((parsed.values as Record<string, unknown>).help) {
      printOut(`${usage}\n`);
      return null;
    }
    return parsed;
  } catch (error) {
    throw new UsageError(`${printable(errorMessage(error))}\n\n${usage}`);
  }
}

/** A progress line on stderr, only when a person is watching a terminal. */
export function progressReporter(
  label: string,
): ((done: number, total: number) => void) & { end(): void } {
  // process.stderr is created on first use (5 ms of a one-shot command, loading the terminal
  // and stream modules): not at all when nothing needs reading.
  let live: boolean | undefined;
  let last = 0;
  const report = (done: number, total: number) => {
    if (total < 200 || !(live ??= process.stderr.isTTY === true)) return;
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    process.stderr.write(
      `\r${label} ${formatCount(done)}/${formatCount(total)} files (${Math.floor((done / total) * 100)}%)`,
    );
  };
  return Object.assign(report, {
    end() {
      if (live === true && last !== 0) process.stderr.write('\r\x1b[K');
    },
  });
}

/** 1234567 as "1,234,567" (without Intl, whose locale data costs a command's start 40 ms). */
export function formatCount(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "1 file", "2 files", "1,234 messages". */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** The oldest Node.js the commands run on (node:sqlite, process.getBuiltinModule). */
export const REQUIRED_NODE = [22, 12] as const;

/** A sentence for the user when `version` (process.versions.node) is too old, else null. */
export function nodeTooOld(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [needMajor, needMinor] = REQUIRED_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `scrollback needs Node.js ${needMajor}.${needMinor} or newer; this is Node.js ${version}.`;
}
