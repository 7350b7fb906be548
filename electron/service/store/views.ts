/**
 * Messages as the views ask for them: a conversation's day, a person's messages across days,
 * messages by id. Each reads only the positions it shows from the segments (in time order
 * across segments), then fills in what lives elsewhere: replies and threads found by reference,
 * echo marks and copy counts from the database.
 */
import type { DatabaseSync } from 'node:sqlite';
import { dayNumber } from '../../../shared/dates';
import { compareMessages, type Message } from '../../../shared/model';
import { compareAt } from '../index/order';
import { EVENT_BIT, lowerBound, POSITION_FACTOR, REF_SOURCE, REF_THREAD } from '../index/segment';
import { refValue } from './keys';
import { Hidden, type LiveSegment, type Rows } from './rows';

/** A message position: its segment and place in it. */
export interface Place {
  live: LiveSegment;
  position: number;
}

/** Merges per-segment ascending positions into one list in time order. */
export function mergePlaces(
  lists: readonly { live: LiveSegment; positions: readonly number[] }[],
): Place[] {
  const nonEmpty = lists.filter((list) => list.positions.length > 0);
  if (nonEmpty.length === 1)
    return nonEmpty[0]!.positions.map((position) => ({ live: nonEmpty[0]!.live, position }));
  const heads = nonEmpty.map(() => 0);
  const out: Place[] = [];
  for (;;) {
    let best = -1;
    for (let s = 0; s < nonEmpty.length; s++) {
      if (heads[s]! >= nonEmpty[s]!.positions.length) continue;
      if (
        best === -1 ||
        compareAt(
          nonEmpty[s]!.live.segment,
          nonEmpty[s]!.positions[heads[s]!]!,
          nonEmpty[best]!.live.segment,
          nonEmpty[best]!.positions[heads[best]!]!,
        ) < 0
      )
        best = s;
    }
    if (best === -1) return out;
    out.push({ live: nonEmpty[best]!.live, position: nonEmpty[best]!.positions[heads[best]!]! });
    heads[best]!++;
  }
}

/**
 * Positions of a conversation's day in time order: messages a user sees, events, and echoes
 * (marked, for a view that shows them); never copies or deleted rows.
 */
export function dayPlaces(rows: Rows, conversation: string, day: string): Place[] {
  const value = dayNumber(day);
  return mergePlaces(
    rows.segments.map((live) => {
      const { segment } = live;
      const names = segment.names();
      const index = names.conversations.indexOf(conversation);
      if (index === -1) return { live, positions: [] };
      const days = segment.day();
      const pair = segment.pair();
      const positions: number[] = [];
      for (let p = lowerBound(days, value); p < segment.count && days[p] === value; p++) {
        if (names.pairs[pair[p]! * 2] !== index) continue;
        if ((live.hidden[p]! & ~Hidden.echo) !== 0) continue;
        positions.push(p);
      }
      return { live, positions };
    }),
  );
}

/** Positions of the messages a user sees whose speaker is one of `names`, in time order. */
export function speakerPlaces(
  rows: Rows,
  conversation: string,
  names: ReadonlySet<string>,
): Place[] {
  return mergePlaces(
    rows.segments.map((live) => {
      const { segment } = live;
      const table = segment.names();
      const wanted = new Uint8Array(table.pairs.length / 2);
      let any = false;
      for (let p = 0; p < wanted.length; p++) {
        if (table.conversations[table.pairs[p * 2]!] !== conversation) continue;
        if (!names.has(table.speakers[table.pairs[p * 2 + 1]!]!)) continue;
        wanted[p] = 1;
        any = true;
      }
      const positions: number[] = [];
      if (any) {
        const pair = segment.pair();
        const meta = segment.meta();
        for (let p = 0; p < segment.count; p++)
          if (wanted[pair[p]!] && live.hidden[p] === 0 && !(meta[p]! & EVENT_BIT))
            positions.push(p);
      }
      return { live, positions };
    }),
  );
}

/** The messages at `places`, in that order, with replies, threads, echoes and copies filled in. */
export function messagesAt(db: DatabaseSync, rows: Rows, places: readonly Place[]): Message[] {
  // Read per segment in ascending runs, then put back in the order asked.
  const bySegment = new Map<LiveSegment, number[]>();
  places.forEach(({ live, position }) => {
    const list = bySegment.get(live);
    if (list) list.push(position);
    else bySegment.set(live, [position]);
  });
  const byId = new Map<number, Message>();
  for (const [live, positions] of bySegment) {
    const sorted = [...new Set(positions)].sort((a, b) => a - b);
    for (const message of rows.messages(live, sorted)) byId.set(message.id, message);
  }
  const messages = places.map(({ live, position }) => byId.get(live.segment.base + position)!);
  decorate(db, rows, messages, places);
  return messages;
}

interface RawLinks {
  replyTo?: string;
  threadOf?: string;
  sourceId?: string;
}

function decorate(
  db: DatabaseSync,
  rows: Rows,
  messages: Message[],
  places: readonly Place[],
): void {
  if (messages.length === 0) return;
  const ids = JSON.stringify(messages.map((message) => message.id));
  const folded = db
    .prepare('SELECT id, of, reason FROM folded WHERE id IN (SELECT value FROM json_each(?))')
    .all(ids) as unknown as { id: number; of: number; reason: number }[];
  const echoOf = new Map(
    folded.filter((row) => row.reason === Hidden.echo).map((row) => [row.id, row.of]),
  );
  const copies = new Map(
    (
      db
        .prepare(
          'SELECT of, count(*) AS n FROM folded WHERE reason = ? AND of IN (SELECT value FROM json_each(?)) GROUP BY of',
        )
        .all(Hidden.copy, ids) as unknown as { of: number; n: number }[]
    ).map((row) => [row.of, row.n]),
  );
  messages.forEach((message, index) => {
    const raw = message as Message & RawLinks;
    const echo = echoOf.get(message.id);
    if (echo !== undefined && places[index]!.live.hidden[places[index]!.position]! & Hidden.echo)
      message.echoOf = echo;
    const count = copies.get(message.id);
    if (count) message.copies = count;
    if (raw.replyTo !== undefined) {
      const original = findBySource(rows, message.conversation, raw.replyTo, REF_SOURCE)[0];
      if (original) {
        const [found] = rows.messages(original.live, [original.position]);
        message.reply = { id: found!.id, speaker: found!.speaker, text: found!.text.slice(0, 200) };
      } else message.reply = { id: null, speaker: '', text: '' };
    }
    if (raw.threadOf !== undefined) {
      const parent = findBySource(rows, message.conversation, raw.threadOf, REF_SOURCE)[0];
      if (parent) message.threadOf = parent.live.segment.base + parent.position;
      else delete (message as { threadOf?: unknown }).threadOf;
    }
    if (raw.sourceId !== undefined && raw.threadOf === undefined) {
      const replies = findBySource(rows, message.conversation, raw.sourceId, REF_THREAD).length;
      if (replies > 0) message.thread = { replies };
    }
    delete raw.replyTo;
    delete raw.sourceId;
  });
}

/** Shown messages of a conversation with a reference (a sourceId, or a thread's parent id). */
export function findBySource(rows: Rows, conversation: string, id: string, kind: number): Place[] {
  const value = refValue(conversation, id, kind);
  const found: Place[] = [];
  for (const live of rows.segments) {
    const refs = live.segment.file.section<Float64Array>('refs');
    for (let i = lowerBound(refs, value * POSITION_FACTOR); i < refs.length; i++) {
      if (Math.floor(refs[i]! / POSITION_FACTOR) !== value) break;
      const position = refs[i]! % POSITION_FACTOR;
      if (live.hidden[position] !== 0) continue;
      if (rows.conversation(live.segment, position) !== conversation) continue;
      const json = live.segment.extras(position, position + 1).get(position);
      const extras = json === undefined ? {} : (JSON.parse(json) as RawLinks);
      if ((kind === REF_SOURCE ? extras.sourceId : extras.threadOf) === id)
        found.push({ live, position });
    }
  }
  return found;
}

/** A thread: the message `id` (its first message, or one of its replies) and every reply. */
export function threadOf(db: DatabaseSync, rows: Rows, id: number): Message[] {
  const found = rows.find(id);
  if (!found) return [];
  const conversation = rows.conversation(found.live.segment, found.position);
  const json = found.live.segment.extras(found.position, found.position + 1).get(found.position);
  const links = json === undefined ? {} : (JSON.parse(json) as RawLinks);
  const parentId = links.threadOf ?? links.sourceId;
  if (parentId === undefined) return messagesAt(db, rows, [found]);
  const parent = findBySource(rows, conversation, parentId, REF_SOURCE);
  const replies = findBySource(rows, conversation, parentId, REF_THREAD);
  const byList = new Map<LiveSegment, number[]>();
  for (const place of [...parent.slice(0, 1), ...replies]) {
    const list = byList.get(place.live) ?? [];
    list.push(place.position);
    byList.set(place.live, list);
  }
  return messagesAt(
    db,
    rows,
    mergePlaces(
      [...byList].map(([live, positions]) => ({
        live,
        positions: positions.sort((a, b) => a - b),
      })),
    ),
  );
}

/** Messages by id in the one order of messages; ids naming nothing now are left out. */
export function messagesByIds(db: DatabaseSync, rows: Rows, ids: readonly number[]): Message[] {
  const places: Place[] = [];
  for (const id of new Set(ids)) {
    const found = rows.find(id);
    if (found && (found.live.hidden[found.position]! & (Hidden.deleted | Hidden.copy)) === 0)
      places.push(found);
  }
  return messagesAt(db, rows, places).sort(compareMessages);
}
