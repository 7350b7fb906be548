/**
 * A streaming JSON scanner. Fed a file's text in pieces of any size, it finds the values at
 * chosen paths (`messages.*`, `chats.list.*.messages.*`) and hands each one to the native
 * JSON.parse on its own, with the scalar fields of the objects that enclose it (a chat's id,
 * name and type). Everything else is stepped over by counting brackets, so memory stays bounded
 * by the largest selected value however large the file, and nesting costs a counter, never a
 * stack frame. A file cut short keeps every value before the cut.
 *
 * Own code rather than a streaming parser library: the libraries build every value token by
 * token in JavaScript, several times slower than one JSON.parse per message (figures in
 * test/bench/telegram-read.ts).
 */
import { parseJson } from './parse';
import { buildPaths, type JsonPath, type PathNode } from './selectors';

export type { JsonPath } from './selectors';

export type Scalar = string | number | boolean | null;

/** One object that encloses the selected values: its scalar members, as far as read. */
export interface Scope {
  readonly fields: Map<string, Scalar>;
}

export type ScanProblem =
  /** The structure around the selected values is broken here; nothing after it is read. */
  | { kind: 'syntax'; line: number; found: string }
  /** The text ends before the JSON does; `valueLine` is where the value it cut starts. */
  | { kind: 'truncated'; line: number; valueLine: number | null }
  | { kind: 'empty'; line: number }
  | { kind: 'trailing'; line: number }
  /** A selected value nested deeper than the cap, larger than the cap, or not valid JSON. */
  | { kind: 'tooDeep'; line: number }
  | { kind: 'tooLarge'; line: number }
  | { kind: 'invalid'; line: number; error: string };

export interface ScanHandler {
  /** A selected value: which path selected it, the value, its first line, enclosing objects. */
  value(selector: number, value: unknown, line: number, scopes: readonly Scope[]): void;
  problem(problem: ScanProblem): void;
}

/** Deeper selected values are refused: no chat message comes near. */
export const MAX_DEPTH = 100;
/** Larger selected values are refused (UTF-16 units). */
export const MAX_VALUE_LENGTH = 32 * 1024 * 1024;

interface Frame {
  node: PathNode;
  isObject: boolean;
  key: string | null;
  scope: Scope | null;
}

// States of the scanner between characters.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY = 2;
const KEY_OR_CLOSE = 3;
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const END = 6;
const DEEP = 7;
const STRING = 8;
const LITERAL = 9;
const FAILED = 10;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LINE_FEED = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0xfeff;
}

/** Characters of numbers and of true, false and null. */
function isLiteral(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x2e
  );
}

function describe(code: number): string {
  if (code === LINE_FEED) return 'a line break';
  const char = String.fromCodePoint(code);
  return code < 0x20 ? `control character U+${code.toString(16).padStart(4, '0')}` : `"${char}"`;
}

export class JsonScanner {
  private readonly paths: PathNode;
  private readonly frames: Frame[] = [];
  private readonly scopes: Scope[] = [];
  private state = VALUE;
  private line = 1;
  private started = false;
  private reachedSelected = false;

  // The value being read past the outer structure, or the outer token being collected.
  private selector: number | null = null;
  private valueLine = 0;
  private isKey = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private capturing = false;
  private pieces: string[] = [];
  private captured = 0;
  private start = 0;

  constructor(
    select: readonly JsonPath[],
    private readonly handler: ScanHandler,
  ) {
    this.paths = buildPaths(select);
  }

  /** Whether an array or object that holds selected values was found (however empty). */
  get reached(): boolean {
    return this.reachedSelected;
  }

  /** The line the scanner has reached. */
  get currentLine(): number {
    return this.line;
  }

  push(text: string): void {
    let at = 0;
    while (at < text.length && this.state !== FAILED) {
      if (this.state === DEEP) at = this.deep(text, at);
      else if (this.state === STRING) at = this.string(text, at);
      else if (this.state === LITERAL) at = this.literal(text, at);
      else at = this.structure(text, at);
    }
    if (this.capturing) {
      this.pieces.push(text.slice(this.start));
      this.captured += text.length - this.start;
      this.start = 0;
      if (this.captured > MAX_VALUE_LENGTH) this.refuse('tooLarge');
    }
  }

  end(): void {
    if (this.state === FAILED || this.state === END) return;
    if (!this.started) {
      this.fail({ kind: 'empty', line: this.line });
      return;
    }
    // A literal at the very end of the text (a lone number) is complete, or fails on its own.
    if (this.state === LITERAL && this.frames.length === 0) {
      this.finishLiteral('', 0);
      return;
    }
    const inValue = this.state === DEEP || this.state === LITERAL;
    this.fail({
      kind: 'truncated',
      line: this.line,
      valueLine: inValue && this.selector !== null ? this.valueLine : null,
    });
  }

  private fail(problem: ScanProblem): void {
    this.state = FAILED;
    this.capturing = false;
    this.pieces = [];
    this.handler.problem(problem);
  }

  /** One token of the outer structure. */
  private structure(text: string, at: number): number {
    let code = 0;
    for (; at < text.length; at++) {
      code = text.charCodeAt(at);
      if (code === LINE_FEED) this.line++;
      else if (!isBlank(code)) break;
    }
    if (at === text.length) return at;
    this.started = true;
    const frame = this.frames[this.frames.length - 1];
    switch (this.state) {
      case VALUE_OR_CLOSE:
        if (code === CLOSE_BRACKET) return this.close(at);
        return this.startValue(text, at, code, frame);
      case VALUE:
        return this.startValue(text, at, code, frame);
      case KEY_OR_CLOSE:
      case KEY:
        if (code === CLOSE_BRACE && this.state === KEY_OR_CLOSE) return this.close(at);
        if (code !== QUOTE) break;
        this.isKey = true;
        this.selector = null;
        this.escaped = false;
        this.beginCapture(at);
        this.state = STRING;
        return at + 1;
      case COLON:
        if (code !== 0x3a) break;
        this.state = VALUE;
        return at + 1;
      case COMMA_OR_CLOSE:
        if (code === 0x2c) {
          this.state = frame!.isObject ? KEY : VALUE;
          return at + 1;
        }
        if (code === (frame!.isObject ? CLOSE_BRACE : CLOSE_BRACKET)) return this.close(at);
        break;
      case END:
        this.fail({ kind: 'trailing', line: this.line });
        return text.length;
    }
    this.fail({ kind: 'syntax', line: this.line, found: describe(code) });
    return text.length;
  }

  private startValue(text: string, at: number, code: number, frame: Frame | undefined): number {
    let node: PathNode | null | undefined = this.paths;
    if (frame) node = frame.isObject ? frame.node.children.get(frame.key ?? '') : frame.node.star;
    this.valueLine = this.line;
    this.selector = node?.selector ?? null;
    const container = code === OPEN_BRACE || code === OPEN_BRACKET;
    const isObject = code === OPEN_BRACE;
    // An object on the way to selected values holds them under keys, an array in every element.
    const onPath = node && (isObject ? node.children.size > 0 : node.star !== null);
    if (container && node && onPath && this.selector === null) {
      const scope: Scope | null = isObject ? { fields: new Map() } : null;
      if (
        isObject
          ? [...node.children.values()].some((c) => c.selector !== null)
          : node.star!.selector !== null
      )
        this.reachedSelected = true;
      this.frames.push({ node, isObject, key: null, scope });
      if (scope) this.scopes.push(scope);
      this.state = isObject ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
      return at + 1;
    }
    if (container || code === QUOTE) {
      // Read past it by counting brackets: kept whole when selected, else only stepped over.
      this.depth = container ? 1 : 0;
      this.inString = !container;
      this.escaped = false;
      if (this.selector !== null) this.beginCapture(at);
      if (!container && this.selector === null && frame?.scope) {
        // A scalar string field of an enclosing object: collected as an outer token.
        this.isKey = false;
        this.beginCapture(at);
        this.state = STRING;
        return at + 1;
      }
      this.state = DEEP;
      return at + 1;
    }
    if (code === 0x2d || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) {
      this.beginCapture(at);
      this.state = LITERAL;
      return at;
    }
    this.fail({ kind: 'syntax', line: this.line, found: describe(code) });
    return text.length;
  }

  private close(at: number): number {
    const frame = this.frames.pop();
    if (frame?.scope) this.scopes.pop();
    this.state = this.frames.length === 0 ? END : COMMA_OR_CLOSE;
    return at + 1;
  }

  private afterValue(): void {
    this.state = this.frames.length === 0 ? END : COMMA_OR_CLOSE;
  }

  private beginCapture(at: number): void {
    this.capturing = true;
    this.pieces = [];
    this.captured = 0;
    this.start = at;
  }

  private takeCapture(text: string, end: number): string {
    this.capturing = false;
    const last = text.slice(this.start, end);
    const whole = this.pieces.length === 0 ? last : this.pieces.join('') + last;
    this.pieces = [];
    return whole;
  }

  /** Drops the selected value being read (too deep or too large) and steps over the rest. */
  private refuse(kind: 'tooDeep' | 'tooLarge'): void {
    this.capturing = false;
    this.pieces = [];
    this.selector = null;
    this.handler.problem({ kind, line: this.valueLine });
  }

  /** Inside a value that is stepped over or kept whole: only brackets and strings matter. */
  private deep(text: string, at: number): number {
    const length = text.length;
    let depth = this.depth;
    while (at < length) {
      if (this.inString) {
        const end = this.stringEnd(text, at);
        if (end === -1) {
          this.depth = depth;
          return length;
        }
        at = end;
        if (depth === 0) return this.finishDeep(text, at);
        continue;
      }
      const code = text.charCodeAt(at++);
      if (code === QUOTE) this.inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (++depth > MAX_DEPTH && this.selector !== null) this.refuse('tooDeep');
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (--depth === 0) {
          this.depth = 0;
          return this.finishDeep(text, at);
        }
      } else if (code === LINE_FEED) this.line++;
    }
    this.depth = depth;
    return at;
  }

  private finishDeep(text: string, end: number): number {
    this.afterValue();
    if (this.selector !== null && this.capturing) {
      const json = this.takeCapture(text, end);
      if (json.length > MAX_VALUE_LENGTH) this.refuse('tooLarge');
      else this.deliver(this.selector, json);
    }
    return end;
  }

  /** An outer string token: a key, or a scalar field of an enclosing object. */
  private string(text: string, at: number): number {
    const end = this.stringEnd(text, at);
    if (end === -1) return text.length;
    const parsed = parseJson(this.takeCapture(text, end));
    if (!('value' in parsed) || typeof parsed.value !== 'string') {
      this.fail({ kind: 'syntax', line: this.line, found: 'a string that is not valid JSON' });
      return text.length;
    }
    const value = parsed.value;
    const frame = this.frames[this.frames.length - 1]!;
    if (this.isKey) {
      frame.key = value;
      this.state = COLON;
    } else {
      frame.scope?.fields.set(frame.key ?? '', value);
      this.afterValue();
    }
    return end;
  }

  /** Finds the end of the string being read; -1 when it goes on past this text. */
  private stringEnd(text: string, at: number): number {
    while (at < text.length) {
      if (this.escaped) {
        this.escaped = false;
        at++;
        continue;
      }
      const quote = text.indexOf('"', at);
      const stop = quote === -1 ? text.length : quote;
      let run = stop;
      while (run > at && text.charCodeAt(run - 1) === BACKSLASH) run--;
      const odd = ((stop - run) & 1) === 1;
      if (quote === -1) {
        this.escaped = odd;
        return -1;
      }
      at = quote + 1;
      if (!odd) {
        this.inString = false;
        return at;
      }
    }
    return -1;
  }

  private literal(text: string, at: number): number {
    while (at < text.length && isLiteral(text.charCodeAt(at))) at++;
    if (at === text.length) return at;
    return this.finishLiteral(text, at);
  }

  private finishLiteral(text: string, end: number): number {
    const token = this.takeCapture(text, end);
    const parsed = parseJson(token);
    if (!('value' in parsed)) {
      this.fail({ kind: 'syntax', line: this.line, found: `"${token.slice(0, 20)}"` });
      return text.length;
    }
    const value = parsed.value;
    this.afterValue();
    if (this.selector !== null) {
      this.handler.value(this.selector, value, this.valueLine, this.scopes);
      return end;
    }
    const frame = this.frames[this.frames.length - 1];
    if (frame?.scope) frame.scope.fields.set(frame.key ?? '', value as Scalar);
    return end;
  }

  private deliver(selector: number, json: string): void {
    const parsed = parseJson(json);
    if ('value' in parsed) this.handler.value(selector, parsed.value, this.valueLine, this.scopes);
    else this.handler.problem({ kind: 'invalid', line: this.valueLine, error: parsed.error });
  }
}
