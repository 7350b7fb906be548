/**
 * A read session for a JSON export: bytes in, selected values out, one at a time, and every
 * problem of the file said once in a sentence (the first line it happened on, and how often).
 */
import type { WallClock } from '../../dates';
import type { FileKind } from '../../model';
import type { ReadSession, ReadSink } from '../reader';
import {
  JsonScanner,
  MAX_DEPTH,
  MAX_VALUE_LENGTH,
  type JsonPath,
  type ScanProblem,
  type Scope,
} from './scanner';
import { Utf8Chunks } from './utf8';

/** Counts a kind of problem over a file and says it once, at its first line. */
export class Tally {
  private readonly counts = new Map<string, { line: number | undefined; count: number }>();

  add(key: string, line?: number): void {
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { line, count: 1 });
  }

  has(key: string): boolean {
    return this.counts.has(key);
  }

  /** One diagnostic per key: `say(count)` is the sentence. */
  report(sink: ReadSink, say: (key: string, count: number) => string): void {
    for (const [key, { line, count }] of this.counts) {
      const message = say(key, count);
      sink.diagnostic(line === undefined ? { message } : { line, message });
    }
    this.counts.clear();
  }
}

export interface JsonReadHandler {
  /** The paths of the values to read (`messages.*`), see JsonScanner. */
  select: readonly JsonPath[];
  /** What the file should hold, for a file that holds none: 'Telegram chat'. */
  holds: string;
  /** Where the reader counts what it skips or guesses: see `say` for the sentences. */
  tally: Tally;
  /** A sentence for a count of the reader's own (other than those of messageSentence). */
  say?(key: string, count: number): string | undefined;
  /** A selected value; true when it gave a message. */
  value(selector: number, value: unknown, line: number, scopes: readonly Scope[]): boolean;
}

/**
 * The sentences for what message readers count: `notMessage` (an entry that is not one),
 * `undated` (no readable date, not read), `placed` (no readable date, shown at the time of the
 * message before). `field` names the date field.
 */
function messageSentence(key: string, count: number, field: string): string {
  switch (key) {
    case 'notMessage':
      return `${plural(count, 'entry', 'entries')} of the messages ${count === 1 ? 'is not a message' : 'are not messages'}; not read.`;
    case 'undated':
      return `${plural(count, 'message has', 'messages have')} no readable "${field}"; not read.`;
    default:
      return `${plural(count, 'message has', 'messages have')} no readable "${field}"; shown at the time of the message before.`;
  }
}

/** `1 message`, `3 messages`; `many` for other plurals (`1 message has`, `2 messages have`). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The messages of one conversation in a file, in order: the clock of the last one read. */
export interface MessageSequence {
  previous: WallClock | null;
  tally: Tally;
}

/**
 * A message's clock; when its own cannot be read, that of the message before it (counted as
 * `placed`), or null when there is none (counted as `undated`: the message is not read).
 */
export function clockOrPrevious(
  clock: WallClock | null,
  sequence: MessageSequence,
  line: number,
): WallClock | null {
  if (clock) {
    sequence.previous = clock;
    return clock;
  }
  sequence.tally.add(sequence.previous ? 'placed' : 'undated', line);
  return sequence.previous;
}

/**
 * Bytes decoded at a time. A string over 128 KB is a large object to V8 (given and returned
 * pages of its own): a 399 MB export decoded in the 4 MB chunks it is read in took 5x as long as
 * in 32 KB pieces (whose text, even two bytes a character, stays under that size).
 */
const PIECE = 32 * 1024;

/** `field`: the name of the messages' date field, for diagnostics. */
export function jsonSession(sink: ReadSink, field: string, handler: JsonReadHandler): ReadSession {
  let messages = 0;
  const utf8 = new Utf8Chunks();
  const tally = new Tally();
  const details = new Map<string, string>();
  let fatal: ScanProblem | null = null;
  const scanner = new JsonScanner(handler.select, {
    value(selector, value, line, scopes) {
      if (handler.value(selector, value, line, scopes)) messages++;
    },
    problem(problem) {
      if (problem.kind === 'tooDeep' || problem.kind === 'tooLarge' || problem.kind === 'invalid') {
        tally.add(problem.kind, problem.line);
        if (problem.kind === 'invalid' && !details.has('invalid'))
          details.set('invalid', problem.error);
      } else fatal = problem;
    },
  });
  const feed = (bytes: Uint8Array, final: boolean) => {
    const { text, invalidAt } = utf8.next(bytes, final);
    if (invalidAt !== -1 && !tally.has('encoding')) {
      let line = scanner.currentLine;
      for (
        let at = text.indexOf('\n');
        at !== -1 && at < invalidAt;
        at = text.indexOf('\n', at + 1)
      )
        line++;
      tally.add('encoding', line);
    }
    if (text !== '') scanner.push(text);
  };
  return {
    push: (chunk) => {
      for (let at = 0; at < chunk.length; at += PIECE) feed(chunk.subarray(at, at + PIECE), false);
    },
    end(): FileKind {
      feed(new Uint8Array(0), true);
      scanner.end();
      tally.report(sink, (key, count) => {
        switch (key) {
          case 'encoding':
            return 'Some bytes are not UTF-8 text; they are shown as �.';
          case 'tooDeep':
            return `${plural(count, 'message')} nested more than ${MAX_DEPTH} levels deep could not be read.`;
          case 'tooLarge':
            return `${plural(count, 'message')} larger than ${MAX_VALUE_LENGTH / 1024 / 1024} MB could not be read.`;
          default:
            return `${plural(count, 'message')} could not be read: not valid JSON (${details.get('invalid') ?? ''}).`;
        }
      });
      handler.tally.report(
        sink,
        (key, count) => handler.say?.(key, count) ?? messageSentence(key, count, field),
      );
      const problem = fatal as ScanProblem | null;
      if (problem === null && !scanner.reached)
        sink.diagnostic({
          message: `This JSON file holds no ${handler.holds} (no list of messages); nothing was read.`,
        });
      const found = messages > 0 || (problem === null && scanner.reached);
      if (problem) sink.diagnostic(fatalDiagnostic(problem, found));
      return found ? 'chat' : 'skipped';
    },
  };
}

function fatalDiagnostic(problem: ScanProblem, found: boolean): { line: number; message: string } {
  const before = found ? ` The messages before it were read.` : '';
  switch (problem.kind) {
    case 'truncated':
      return {
        line: problem.line,
        message:
          `The file ends in the middle of its JSON, as if it was cut off.${before}` +
          (problem.valueLine === null
            ? ''
            : ` The message that starts at line ${problem.valueLine} is incomplete and was not read.`),
      };
    case 'empty':
      return { line: problem.line, message: 'The file is empty.' };
    case 'trailing':
      return {
        line: problem.line,
        message: 'There is more text after the end of the JSON; it was not read.',
      };
    default:
      return {
        line: problem.line,
        message: `The JSON is broken here (${problem.kind === 'syntax' ? `${problem.found} was not expected` : 'unreadable'}); the rest of the file was not read.${before}`,
      };
  }
}
