/**
 * Copies: a message that another file of the same conversation also holds (an overlapping export,
 * a cumulative snapshot beside the daily logs) is shown once. Candidates share a content key (or,
 * for formats with message ids, a sourceId reference) and are found by joining the segments'
 * sorted keys; each is then checked field by field, so a hash collision never folds two messages.
 *
 * Within one file every message counts (two "ok" in one second are two messages); across files
 * a conversation holds each message as many times as the file holding it most often. The copy
 * shown is the one in the file whose path sorts first; the others are folded into it.
 *
 * The same join counts, for each pair of conversations, the distinct messages both hold: their
 * overlap. Being statistics, overlaps compare the key with the day, time and speaker from the
 * columns and read no text (a hash collision among messages of one second and one speaker would
 * miscount one message); folding copies always compares the texts.
 */
import type { DatabaseSync } from 'node:sqlite';
import { compareStrings } from '../../../shared/archive/compare';
import { POSITION_FACTOR, REF_SOURCE, SECONDS_MASK, SOURCE_BIT } from '../index/segment';
import { countOverlaps, PairCounts } from './overlapCounts';
import { Hidden, type LiveSegment, type Rows } from './rows';

interface Member {
  live: LiveSegment;
  /** The segment's index in the rows' segments. */
  segment: number;
  position: number;
}

export interface MemberInfo extends Member {
  id: number;
  conversation: string;
  path: string;
  line: number;
  /** Day, time and speaker, from the columns: with the shared key, what overlaps compare
   *  (stampOf; kept apart, as a string made for every member of a big archive costs seconds). */
  day: number;
  seconds: number;
  speaker: string;
  /** Whether the message has an id of its own in its export (then copies go by that id). */
  hasSource: boolean;
  deleted: boolean;
}

export interface CopyResult {
  /** Copy id -> the id shown in its place, for every member of the groups looked at. */
  copies: Map<number, number>;
  /**
   * Every id looked at (its copy state is now what `copies` says); null when every key was looked
   * at in a store read afresh (nothing was folded before, so only `copies` need marking).
   */
  examined: Set<number> | null;
  /** Change of shared counts per pair of conversations ("a\u0000b", a < b). */
  overlaps: Map<string, number>;
}

/** Which keys to look at: all of them, or the sorted values given (content keys, refs). */
export interface CopyScope {
  keys: Float64Array | 'all';
  refs: Float64Array | 'all';
  /** Ids deleted by this change, and segments added by it: for the overlap counts before. */
  deletedNow: ReadonlySet<number>;
  addedNow: ReadonlySet<LiveSegment>;
}

export function findCopies(rows: Rows, scope: CopyScope): CopyResult {
  const result: CopyResult = {
    copies: new Map(),
    examined: scope.keys === 'all' ? null : new Set(),
    overlaps: new Map(),
  };
  const pairs = new PairCounts();
  // A store read afresh joins every row: its columns are read whole, once per segment, rather
  // than cell by cell (six lookups per row cost seconds at 10M messages).
  const whole = scope.keys === 'all' ? rows.segments.map(wholeColumns) : null;
  const describe = ({ live, segment: s, position: p }: Member): MemberInfo => {
    const { segment } = live;
    const columns = whole?.[s];
    const meta = (columns?.meta ?? segment.meta())[p]!;
    const pair = columns ? columns.pair[p]! : 0;
    return {
      live,
      segment: s,
      position: p,
      id: segment.base + p,
      conversation: columns ? columns.conversations[pair]! : rows.conversation(segment, p),
      path: columns ? columns.paths[columns.file[p]!]! : rows.path(segment, p),
      line: columns ? columns.line[p]! : rows.line(segment, p),
      day: (columns?.day ?? segment.day())[p]!,
      seconds: meta & SECONDS_MASK,
      speaker: columns ? columns.speakers[pair]! : rows.speaker(segment, p),
      hasSource: (meta & SOURCE_BIT) !== 0,
      deleted: (live.hidden[p]! & Hidden.deleted) !== 0,
    };
  };
  // Texts and ids are read only for members that may be copies: of one conversation, in
  // several files. A run within one file (a line said many times in it) holds no copy.
  const textOf = (member: MemberInfo) =>
    member.live.segment.texts(member.position, member.position + 1)[0]!;
  const sourceOf = (member: MemberInfo) =>
    rows.sourceId(member.live.segment, member.position) ?? '';

  // Content runs: copies of messages without ids, and overlaps of all.
  for (const run of runs(rows.segments, 'keys.sorted', scope.keys, () => true)) {
    const members = run.map(describe);
    if (result.examined)
      for (const member of members) if (!member.hasSource) result.examined.add(member.id);
    for (const group of candidatesByConversation(members.filter((m) => !m.hasSource && !m.deleted)))
      assignCopies(group, (member) => `${stampOf(member)}\u0000${textOf(member)}`, result);
    countOverlaps(members, scope, pairs);
  }
  // Id runs: copies of messages with ids (a re-export holds a message under its id even when
  // an edit changed its text).
  for (const run of runs(rows.segments, 'refs', scope.refs, (value) => value % 4 === REF_SOURCE)) {
    const members = run.map(describe).filter((member) => member.hasSource);
    if (result.examined) for (const member of members) result.examined.add(member.id);
    for (const group of candidatesByConversation(members.filter((m) => !m.deleted)))
      assignCopies(group, sourceOf, result);
  }
  result.overlaps = pairs.toMap();
  return result;
}

/** The columns `describe` reads, whole, for one segment; each pair's names looked up once. */
function wholeColumns({ segment }: LiveSegment) {
  const names = segment.names();
  const pairs = names.pairs.length / 2;
  return {
    pair: segment.pair(),
    file: segment.files(),
    line: segment.file.section<Uint32Array>('line'),
    day: segment.day(),
    meta: segment.meta(),
    paths: segment.paths(),
    conversations: Array.from(
      { length: pairs },
      (_, i) => names.conversations[names.pairs[i * 2]!]!,
    ),
    speakers: Array.from({ length: pairs }, (_, i) => names.speakers[names.pairs[i * 2 + 1]!]!),
  };
}

/** Day, time and speaker as one string. */
export function stampOf(member: MemberInfo): string {
  return `${member.day}\u0000${member.seconds}\u0000${member.speaker}`;
}

/** Whether two members have the same day, time and speaker. */
export function sameStamp(a: MemberInfo, b: MemberInfo): boolean {
  return a.day === b.day && a.seconds === b.seconds && a.speaker === b.speaker;
}

/** Members grouped by conversation, keeping only groups that span several files. */
function candidatesByConversation(members: readonly MemberInfo[]): MemberInfo[][] {
  const groups = new Map<string, MemberInfo[]>();
  for (const member of members) {
    const group = groups.get(member.conversation);
    if (group) group.push(member);
    else groups.set(member.conversation, [member]);
  }
  return [...groups.values()].filter(
    (group) => group.length > 1 && group.some((member) => member.path !== group[0]!.path),
  );
}

/**
 * Groups of rows sharing a sorted-section value (key * 2^21 + position), at least two per group:
 * over all values, or only the given ones.
 */
function* runs(
  segments: readonly LiveSegment[],
  section: 'keys.sorted' | 'refs',
  wanted: Float64Array | 'all',
  accept: (value: number) => boolean,
): Generator<Member[]> {
  const arrays = segments.map((live) => live.segment.file.section<Float64Array>(section));
  if (wanted === 'all') {
    // A k-way merge of the sorted sections.
    const heads = arrays.map(() => 0);
    let run: Member[] = [];
    let current = -1;
    for (;;) {
      let best = -1;
      let bestValue = Infinity;
      for (let s = 0; s < arrays.length; s++) {
        const head = heads[s]!;
        if (head >= arrays[s]!.length) continue;
        const value = Math.floor(arrays[s]![head]! / POSITION_FACTOR);
        if (value < bestValue) {
          bestValue = value;
          best = s;
        }
      }
      if (best === -1 || bestValue !== current) {
        if (run.length > 1) yield run;
        run = [];
        if (best === -1) return;
        current = bestValue;
      }
      const packed = arrays[best]![heads[best]!]!;
      heads[best]!++;
      if (accept(current))
        run.push({ live: segments[best]!, segment: best, position: packed % POSITION_FACTOR });
    }
  }
  for (const value of wanted) {
    if (!accept(value)) continue;
    const run: Member[] = [];
    segments.forEach((live, s) => {
      const values = arrays[s]!;
      let low = 0;
      let high = values.length;
      const start = value * POSITION_FACTOR;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (values[middle]! < start) low = middle + 1;
        else high = middle;
      }
      for (
        let i = low;
        i < values.length && Math.floor(values[i]! / POSITION_FACTOR) === value;
        i++
      )
        run.push({ live, segment: s, position: values[i]! % POSITION_FACTOR });
    });
    if (run.length > 1) yield run;
  }
}

/** Assigns the shown copy of each message of the groups `members` fall into. */
function assignCopies(
  members: MemberInfo[],
  identity: (member: MemberInfo) => string,
  result: CopyResult,
): void {
  if (members.length < 2) return;
  const groups = new Map<string, MemberInfo[]>();
  for (const member of members) {
    const key = identity(member);
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => compareStrings(a.path, b.path) || a.line - b.line || a.id - b.id);
    const byFile: MemberInfo[][] = [];
    for (const member of group) {
      const last = byFile[byFile.length - 1];
      if (last && last[0]!.path === member.path) last.push(member);
      else byFile.push([member]);
    }
    if (byFile.length < 2) continue;
    const most = Math.max(...byFile.map((file) => file.length));
    for (let k = 0; k < most; k++) {
      let shown: MemberInfo | null = null;
      for (const file of byFile) {
        const member = file[k];
        if (!member) continue;
        if (shown === null) shown = member;
        else result.copies.set(member.id, shown.id);
      }
    }
  }
}

/** Writes the copy state of the rows looked at, and the overlap counts. */
export function applyCopies(
  db: DatabaseSync,
  rows: Rows,
  scope: CopyScope,
  changedSegments: Set<LiveSegment>,
  touched: Set<string>,
  fresh: boolean,
): void {
  const result = findCopies(rows, scope);
  const clear = db.prepare('DELETE FROM folded WHERE id = ? AND reason = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO folded (id, of, reason) VALUES (?, ?, ?)');
  for (const id of result.examined ?? result.copies.keys()) {
    const found = rows.find(id);
    if (!found) continue;
    const { live, position } = found;
    const was = (live.hidden[position]! & Hidden.copy) !== 0;
    const of = result.copies.get(id);
    if (was) clear.run(id, Hidden.copy);
    if (of !== undefined) {
      live.hidden[position]! |= Hidden.copy;
      insert.run(id, of, Hidden.copy);
    } else live.hidden[position]! &= ~Hidden.copy;
    if (was !== (of !== undefined)) {
      changedSegments.add(live);
      touched.add(rows.conversation(live.segment, position));
    }
  }
  if (fresh) db.exec('DELETE FROM overlaps');
  const update = db.prepare(
    'INSERT INTO overlaps (conversation, other, shared) VALUES (?, ?, ?) ON CONFLICT (conversation, other) DO UPDATE SET shared = shared + excluded.shared',
  );
  for (const [pair, delta] of result.overlaps) {
    if (delta === 0) continue;
    const [a, b] = pair.split('\u0000') as [string, string];
    update.run(a, b, delta);
    update.run(b, a, delta);
  }
  db.exec('DELETE FROM overlaps WHERE shared <= 0');
}
