/**
 * What the conversation list, calendar and people panel show, recomputed for the conversations a
 * change touched by scanning the index's columns (no text is read): counts of messages a user
 * sees, days, speakers, and persons with their echoes folded (persons come from the repeat pairs
 * the ingest noticed; see shared/archive/persons.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import { personsFromRepeats, type RepeatPair } from '../../../shared/archive/persons';
import { compareStrings } from '../../../shared/archive/compare';
import { dayOfNumber } from '../../../shared/dates';
import type { FormatId } from '../../../shared/model';
import { EVENT_BIT, SECONDS_MASK, timeOfSeconds } from '../index/segment';
import { Hidden, type LiveSegment } from './rows';

export interface ConversationInfo {
  title: string;
  format: FormatId;
}

interface Tally {
  lines: number;
  unique: number;
  messages: number;
  events: number;
  /** day number -> [messages, events] shown */
  days: Map<number, [number, number]>;
  /** name -> [messages shown, first day, last day] */
  speakers: Map<string, [number, number, number]>;
  /** name -> messages that are not copies (persons are ordered by it) */
  uniqueByName: Map<string, number>;
  /** Names seen on echoes, with the day of the first such echo. */
  echoNames: Map<string, number>;
  lastDay: number;
  lastSeconds: number;
}

function newTally(): Tally {
  return {
    lines: 0,
    unique: 0,
    messages: 0,
    events: 0,
    days: new Map(),
    speakers: new Map(),
    uniqueByName: new Map(),
    echoNames: new Map(),
    lastDay: 0,
    lastSeconds: 0,
  };
}

/**
 * Recomputes everything about `conversations` (all, when null): echo folds, then the tables.
 * Returns the ids whose echo state changed (their segments' hidden bytes must be saved).
 */
export function summarize(
  db: DatabaseSync,
  segments: readonly LiveSegment[],
  conversations: ReadonlySet<string> | null,
  info: (conversation: string) => ConversationInfo,
): Set<LiveSegment> {
  const changed = new Set<LiveSegment>();
  // First pass: clear echo bits, count what is not a copy per name.
  const tallies = new Map<string, Tally>();
  scan(segments, conversations, (conversation, live, position, speaker) => {
    let tally = tallies.get(conversation);
    if (!tally) tallies.set(conversation, (tally = newTally()));
    if (live.hidden[position]! & Hidden.echo) {
      live.hidden[position]! &= ~Hidden.echo;
      changed.add(live);
    }
    const hidden = live.hidden[position]!;
    if (hidden & Hidden.deleted) return;
    if (speaker !== '' && !(hidden & Hidden.copy) && !(live.segment.meta()[position]! & EVENT_BIT))
      tally.uniqueByName.set(speaker, (tally.uniqueByName.get(speaker) ?? 0) + 1);
  });

  const selectRepeats = db.prepare(
    'SELECT first, second, first_speaker AS firstSpeaker, second_speaker AS secondSpeaker, substantive FROM repeats WHERE conversation = ?',
  );
  const bases = segments.map((live) => live.segment.base);
  const locate = (id: number) => {
    let low = 0;
    let high = bases.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (bases[middle]! <= id) low = middle + 1;
      else high = middle;
    }
    const live = segments[low - 1];
    return live && id < live.segment.end ? { live, position: id - live.segment.base } : null;
  };
  const deleteEchoes = db.prepare(
    'DELETE FROM folded WHERE reason = ? AND id IN (SELECT second FROM repeats WHERE conversation = ?)',
  );
  const insertFold = db.prepare('INSERT OR REPLACE INTO folded (id, of, reason) VALUES (?, ?, ?)');
  const personsOf = new Map<string, ReturnType<typeof personsFromRepeats>>();
  for (const [conversation, tally] of tallies) {
    const repeats: RepeatPair[] = (
      selectRepeats.all(conversation) as unknown as (Omit<RepeatPair, 'substantive'> & {
        substantive: number;
      })[]
    ).map((row) => ({ ...row, substantive: row.substantive === 1 }));
    const grouping = personsFromRepeats(repeats, tally.uniqueByName);
    personsOf.set(conversation, grouping);
    deleteEchoes.run(Hidden.echo, conversation);
    for (const [echo, original] of grouping.echoOf) {
      const found = locate(echo);
      if (!found || found.live.hidden[found.position]! & Hidden.deleted) continue;
      found.live.hidden[found.position]! |= Hidden.echo;
      changed.add(found.live);
      insertFold.run(echo, original, Hidden.echo);
    }
  }

  // Second pass: what a user sees.
  scan(segments, conversations, (conversation, live, position, speaker) => {
    const tally = tallies.get(conversation)!;
    const hidden = live.hidden[position]!;
    if (hidden & Hidden.deleted) return;
    const meta = live.segment.meta()[position]!;
    const event = (meta & EVENT_BIT) !== 0;
    if (!event) tally.lines++;
    if (hidden & Hidden.copy) return;
    if (!event) tally.unique++;
    const day = live.segment.day()[position]!;
    // A name seen only on echoes is still a name of its person (with no message of its own).
    if (hidden === Hidden.echo && !event && speaker !== '' && !tally.echoNames.has(speaker))
      tally.echoNames.set(speaker, day);
    if (hidden !== 0) return;
    let counts = tally.days.get(day);
    if (!counts) tally.days.set(day, (counts = [0, 0]));
    if (event) {
      tally.events++;
      counts[1]++;
    } else {
      tally.messages++;
      counts[0]++;
      if (speaker !== '') {
        const entry = tally.speakers.get(speaker);
        if (entry) {
          entry[0]++;
          if (day < entry[1]) entry[1] = day;
          if (day > entry[2]) entry[2] = day;
        } else tally.speakers.set(speaker, [1, day, day]);
      }
    }
    const seconds = meta & SECONDS_MASK;
    if (day > tally.lastDay || (day === tally.lastDay && seconds > tally.lastSeconds)) {
      tally.lastDay = day;
      tally.lastSeconds = seconds;
    }
  });

  for (const tally of tallies.values())
    for (const [name, day] of tally.echoNames)
      if (!tally.speakers.has(name)) tally.speakers.set(name, [0, day, day]);
  write(db, conversations, tallies, personsOf, info);
  return changed;
}

/** Calls `visit` for every row of the conversations (all when null), segment by segment. */
function scan(
  segments: readonly LiveSegment[],
  conversations: ReadonlySet<string> | null,
  visit: (conversation: string, live: LiveSegment, position: number, speaker: string) => void,
): void {
  for (const live of segments) {
    const names = live.segment.names();
    const pairCount = names.pairs.length / 2;
    const pairConversation: (string | null)[] = new Array(pairCount);
    const pairSpeaker: string[] = new Array(pairCount);
    let any = false;
    for (let p = 0; p < pairCount; p++) {
      const conversation = names.conversations[names.pairs[p * 2]!]!;
      const wanted = conversations === null || conversations.has(conversation);
      pairConversation[p] = wanted ? conversation : null;
      pairSpeaker[p] = names.speakers[names.pairs[p * 2 + 1]!]!;
      any ||= wanted;
    }
    if (!any) continue;
    const pair = live.segment.pair();
    for (let position = 0; position < live.segment.count; position++) {
      const p = pair[position]!;
      const conversation = pairConversation[p];
      if (conversation !== null && conversation !== undefined)
        visit(conversation, live, position, pairSpeaker[p]!);
    }
  }
}

function write(
  db: DatabaseSync,
  conversations: ReadonlySet<string> | null,
  tallies: ReadonlyMap<string, Tally>,
  personsOf: ReadonlyMap<string, ReturnType<typeof personsFromRepeats>>,
  info: (conversation: string) => ConversationInfo,
): void {
  const targets = conversations ?? new Set(tallies.keys());
  if (conversations === null) {
    for (const table of ['conversations', 'days', 'speakers', 'persons'])
      db.exec(`DELETE FROM ${table}`);
  } else {
    const remove = [
      'conversations WHERE id = ?',
      'days WHERE conversation = ?',
      'speakers WHERE conversation = ?',
      'persons WHERE conversation = ?',
    ].map((part) => db.prepare(`DELETE FROM ${part}`));
    for (const conversation of targets) for (const statement of remove) statement.run(conversation);
  }
  const insertConversation = db.prepare(
    'INSERT INTO conversations (id, title, format, lines, messages, unique_messages, events, days, speakers, first, last, last_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertDay = db.prepare(
    'INSERT INTO days (conversation, day, messages, events) VALUES (?, ?, ?, ?)',
  );
  const insertSpeaker = db.prepare(
    'INSERT INTO speakers (conversation, name, messages, first, last, person) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertPerson = db.prepare(
    'INSERT INTO persons (conversation, id, names, messages, evidence) VALUES (?, ?, ?, ?, ?)',
  );
  for (const conversation of targets) {
    const tally = tallies.get(conversation);
    if (!tally || tally.days.size === 0) continue;
    const days = [...tally.days.keys()].sort((a, b) => a - b);
    const { title, format } = info(conversation);
    insertConversation.run(
      conversation,
      title,
      format,
      tally.lines,
      tally.messages,
      tally.unique,
      tally.events,
      days.length,
      [...tally.speakers.values()].filter(([messages]) => messages > 0).length,
      dayOfNumber(days[0]!),
      dayOfNumber(days[days.length - 1]!),
      timeOfSeconds(tally.lastSeconds),
    );
    for (const day of days) {
      const [messages, events] = tally.days.get(day)!;
      insertDay.run(conversation, dayOfNumber(day), messages, events);
    }
    const grouping = personsOf.get(conversation);
    const personMessages = new Map<string, number>();
    for (const [name, [messages, first, last]] of tally.speakers) {
      const person = grouping?.personOf.get(name) ?? name;
      personMessages.set(person, (personMessages.get(person) ?? 0) + messages);
      insertSpeaker.run(
        conversation,
        name,
        messages,
        dayOfNumber(first),
        dayOfNumber(last),
        person,
      );
    }
    for (const [id, person] of grouping?.persons ?? []) {
      const names = person.names.filter((name) => tally.speakers.has(name));
      if (names.length === 0) continue;
      names.sort(
        (a, b) => tally.speakers.get(b)![0] - tally.speakers.get(a)![0] || compareStrings(a, b),
      );
      insertPerson.run(
        conversation,
        id,
        JSON.stringify(names),
        personMessages.get(id) ?? 0,
        person.evidence,
      );
    }
  }
}
