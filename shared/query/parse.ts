/**
 * The search query language. Pure and total: any string parses, and whatever was not understood
 * is reported in `problems` instead of an error: as data (a code and what it is about), which the
 * UI turns into a sentence in its language and the CLI into English (describeQueryProblem).
 *
 *   支付 "apple pay"      every word and "quoted phrase" must occur (a substring, any case)
 *   -红包 -"hello world"  no excluded word or phrase may occur
 *   from:李雄峰           said by a speaker whose name contains this, or by any alias of that
 *                         person (from:"a name with spaces" works too); several from: add up
 *   in:proddev            in a conversation whose id or title contains this; several in: add up
 *   on:2018-05-15         on that day
 *   during:2018-05        in that month (during:2018 for a year)
 *   after:2018-05-15      strictly after that day (after:2018-05: from June on)
 *   before:2018-05-15     strictly before that day (before:2018: up to 2017-12-31)
 *   has:image has:link has:mention has:file has:reply has:reaction
 *
 * Text, names and operator keys are case-folded (shared/query/fold.ts) so that `FROM:Ａｌｉｃｅ`
 * means `from:alice`.
 */
import { addDays, daysInMonth, formatDay, isDay } from '../dates';
import type { Day } from '../model';
import { foldText } from './fold';

const FEATURES = ['image', 'link', 'mention', 'file', 'reply', 'reaction'] as const;
export type Feature = (typeof FEATURES)[number];

export interface Query {
  /** Folded words and phrases that every match contains. */
  terms: string[];
  /** Folded words and phrases that no match contains. */
  exclude: string[];
  /** Folded fragments of speaker names; a match's speaker (or an alias of its person) contains one. */
  from: string[];
  /** Folded fragments of conversation ids; a match's conversation contains one. */
  in: string[];
  /** First day included, when the query limits days. */
  since: Day | null;
  /** Last day included, when the query limits days. */
  until: Day | null;
  /** Kinds of content every match holds. */
  has: Feature[];
  /** What was not understood and ignored. */
  problems: QueryProblem[];
}

/** The operators that take a date: each says what it takes when given something else. */
export type DateOperator = 'on' | 'during' | 'after' | 'before';

/**
 * A part of a query that was not understood. `text` is the part as typed (shortened past 60
 * characters). Adding a code fails the typecheck of every exhaustive switch over them.
 */
export type QueryProblem =
  /** A quote never closed: the phrase (or an operator's value) was read to the end. */
  | { code: 'unclosed-quote'; text: string }
  | { code: 'empty-quotes'; text: string }
  /** `-from:x`: only words and phrases can be excluded. */
  | { code: 'negated-operator'; text: string }
  /** `from:` with nothing after the colon. */
  | { code: 'missing-value'; text: string; operator: string }
  /** `has:video`: has: takes one of `features`. */
  | { code: 'unknown-feature'; text: string; features: readonly Feature[] }
  /** A date operator given something that is not a date it takes. */
  | { code: 'invalid-date'; text: string; operator: DateOperator };

/** A problem as an English sentence (the CLI's, and a reference for the UI's translations). */
export function describeQueryProblem(problem: QueryProblem): string {
  const text = `“${problem.text}”`;
  switch (problem.code) {
    case 'unclosed-quote':
      return `The quote opened in ${text} is never closed; it was read to the end.`;
    case 'empty-quotes':
      return `Empty quotes ${text} were ignored.`;
    case 'negated-operator':
      return `${text} was ignored: only words and phrases can be excluded with "-".`;
    case 'missing-value':
      return `${text} was ignored: it needs a value after the colon.`;
    case 'unknown-feature':
      return `${text} was ignored: has: takes ${problem.features.join(', ')}.`;
    case 'invalid-date':
      return `${text} was ignored: ${DATE_FORMS[problem.operator]}`;
  }
}

const DATE_FORMS: Record<DateOperator, string> = {
  on: 'on: takes a day such as 2018-05-15.',
  during: 'during: takes a month such as 2018-05 or a year such as 2018.',
  after: 'after: takes a day (2018-05-15), a month (2018-05) or a year (2018).',
  before: 'before: takes a day (2018-05-15), a month (2018-05) or a year (2018).',
};

const OPERATORS = new Set(['from', 'in', 'on', 'during', 'after', 'before', 'has']);

/** Whether a query asks for anything at all; an empty query matches nothing. */
export function isEmptyQuery(query: Query): boolean {
  return (
    query.terms.length === 0 &&
    query.exclude.length === 0 &&
    query.from.length === 0 &&
    query.in.length === 0 &&
    query.since === null &&
    query.until === null &&
    query.has.length === 0
  );
}

interface Piece {
  negated: boolean;
  /** Operator key, folded, or null for a word or phrase. */
  key: string | null;
  /** The value, folded. */
  value: string;
  /** The piece as typed, for problems. */
  raw: string;
  quoted: boolean;
  /** A problem found while reading the piece itself (an unclosed quote). */
  problem?: QueryProblem;
}

export function parseQuery(input: string): Query {
  const query: Query = {
    terms: [],
    exclude: [],
    from: [],
    in: [],
    since: null,
    until: null,
    has: [],
    problems: [],
  };
  for (const piece of splitPieces(input)) {
    if (piece.problem) query.problems.push(piece.problem);
    if (piece.key === null) {
      if (piece.value === '') {
        if (piece.quoted) query.problems.push({ code: 'empty-quotes', text: shorten(piece.raw) });
        continue;
      }
      (piece.negated ? query.exclude : query.terms).push(piece.value);
      continue;
    }
    if (piece.negated) {
      query.problems.push({ code: 'negated-operator', text: shorten(piece.raw) });
      continue;
    }
    if (piece.value === '') {
      query.problems.push({ code: 'missing-value', text: shorten(piece.raw), operator: piece.key });
      continue;
    }
    applyOperator(query, piece);
  }
  return query;
}

function applyOperator(query: Query, piece: Piece): void {
  const { key, value, raw } = piece;
  switch (key) {
    case 'from':
      query.from.push(value);
      return;
    case 'in':
      query.in.push(value);
      return;
    case 'has':
      if ((FEATURES as readonly string[]).includes(value)) {
        if (!query.has.includes(value as Feature)) query.has.push(value as Feature);
      } else {
        query.problems.push({ code: 'unknown-feature', text: shorten(raw), features: FEATURES });
      }
      return;
    case 'on': {
      if (!isDay(value)) {
        query.problems.push({ code: 'invalid-date', text: shorten(raw), operator: 'on' });
        return;
      }
      limitDays(query, value, value);
      return;
    }
    case 'during': {
      const period = readPeriod(value);
      if (!period) {
        query.problems.push({ code: 'invalid-date', text: shorten(raw), operator: 'during' });
        return;
      }
      limitDays(query, period.first, period.last);
      return;
    }
    case 'after': {
      const period = isDay(value) ? { first: value, last: value } : readPeriod(value);
      if (!period) {
        query.problems.push({ code: 'invalid-date', text: shorten(raw), operator: 'after' });
        return;
      }
      limitDays(query, addDays(period.last, 1), null);
      return;
    }
    case 'before': {
      const period = isDay(value) ? { first: value, last: value } : readPeriod(value);
      if (!period) {
        query.problems.push({ code: 'invalid-date', text: shorten(raw), operator: 'before' });
        return;
      }
      limitDays(query, null, addDays(period.first, -1));
      return;
    }
  }
}

/** Narrows the day range; several limits together keep the days all of them allow. */
function limitDays(query: Query, since: Day | null, until: Day | null): void {
  if (since !== null && (query.since === null || since > query.since)) query.since = since;
  if (until !== null && (query.until === null || until < query.until)) query.until = until;
}

/** `YYYY-MM` or `YYYY` as its first and last day. */
function readPeriod(value: string): { first: Day; last: Day } | null {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const year = Number(month[1]);
    const number = Number(month[2]);
    if (number < 1 || number > 12) return null;
    return {
      first: formatDay(year, number, 1),
      last: formatDay(year, number, daysInMonth(year, number)),
    };
  }
  const year = /^(\d{4})$/.exec(value);
  if (year) return { first: `${year[1]}-01-01`, last: `${year[1]}-12-31` };
  return null;
}

/** Splits the query into words, phrases and operators, all folded. */
function splitPieces(input: string): Piece[] {
  const text = foldText(input);
  const pieces: Piece[] = [];
  let at = 0;
  const isBlank = (index: number) => /\s/.test(text[index]!);
  while (at < text.length) {
    if (isBlank(at)) {
      at++;
      continue;
    }
    const start = at;
    let negated = false;
    if (text[at] === '-' && at + 1 < text.length && !isBlank(at + 1)) {
      negated = true;
      at++;
    }
    if (text[at] === '"') {
      const end = text.indexOf('"', at + 1);
      const close = end === -1 ? text.length : end;
      const problem: QueryProblem | undefined =
        end === -1 ? { code: 'unclosed-quote', text: shorten(input.slice(start)) } : undefined;
      pieces.push({
        negated,
        key: null,
        value: text.slice(at + 1, close),
        raw: input.slice(start, Math.min(close + 1, text.length)),
        quoted: true,
        ...(problem ? { problem } : {}),
      });
      at = close + 1;
      continue;
    }
    let end = at;
    while (end < text.length && !isBlank(end) && text[end] !== '"') end++;
    const word = text.slice(at, end);
    const colon = word.indexOf(':');
    const key = colon > 0 ? word.slice(0, colon) : '';
    if (OPERATORS.has(key)) {
      let value = word.slice(colon + 1);
      let problem: QueryProblem | undefined;
      if (value === '' && text[end] === '"') {
        // from:"a name with spaces"
        const close = text.indexOf('"', end + 1);
        const stop = close === -1 ? text.length : close;
        if (close === -1) problem = { code: 'unclosed-quote', text: shorten(input.slice(start)) };
        value = text.slice(end + 1, stop);
        end = stop + 1;
      }
      pieces.push({
        negated,
        key,
        value: value.trim(),
        raw: input.slice(start, Math.min(end, text.length)),
        quoted: false,
        ...(problem ? { problem } : {}),
      });
    } else {
      pieces.push({ negated, key: null, value: word, raw: input.slice(start, end), quoted: false });
    }
    at = end;
  }
  return pieces;
}

function shorten(raw: string): string {
  return raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
}
