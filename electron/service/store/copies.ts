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
 * overlap.
 */
import { compareStrings } from '../../../shared/archive/compare';
import { POSITION_FACTOR, REF_SOURCE } from '../index/segment';
import { Hidden, type LiveSegment, type Rows } from './rows';

interface Member {
  live: LiveSegment;
  position: number;
}

interface MemberInfo extends Member {
  id: number;
  conversation: string;
  path: string;
  line: number;
  /** Identity of the message's content: day, time, speaker and text. */
  content: string;
  sourceId: string | undefined;
  deleted: boolean;
}

export interface CopyResult {
  /** Copy id -> the id shown in its place, for every member of the groups looked at. */
  copies: Map<number, number>;
  /** Every id looked at (its copy state is now what `copies` says). */
  examined: Set<number>;
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
  const result: CopyResult = { copies: new Map(), examined: new Set(), overlaps: new Map() };
  const info = new Map<number, MemberInfo>();
  const describe = (member: Member): MemberInfo => {
    const id = member.live.segment.base + member.position;
    let known = info.get(id);
    if (!known) {
      const { segment } = member.live;
      const p = member.position;
      known = {
        ...member,
        id,
        conversation: rows.conversation(segment, p),
        path: rows.path(segment, p),
        line: rows.line(segment, p),
        content: `${rows.day(segment, p)}\u0000${rows.time(segment, p)}\u0000${rows.speaker(segment, p)}\u0000${segment.texts(p, p + 1)[0]}`,
        sourceId: rows.sourceId(segment, p),
        deleted: (member.live.hidden[p]! & Hidden.deleted) !== 0,
      };
      info.set(id, known);
    }
    return known;
  };

  // Content runs: copies of messages without ids, and overlaps of all.
  for (const run of runs(rows.segments, 'keys.sorted', scope.keys, () => true)) {
    const members = run.map(describe);
    const live = members.filter((member) => !member.deleted);
    assignCopies(
      live.filter((member) => member.sourceId === undefined),
      (member) => `${member.conversation}\u0000${member.content}`,
      result,
    );
    for (const member of members) if (member.sourceId === undefined) result.examined.add(member.id);
    countOverlaps(members, scope, result.overlaps);
  }
  // Id runs: copies of messages with ids (a re-export holds a message under its id even when
  // an edit changed its text).
  for (const run of runs(rows.segments, 'refs', scope.refs, (value) => value % 4 === REF_SOURCE)) {
    const members = run.map(describe).filter((member) => member.sourceId !== undefined);
    assignCopies(
      members.filter((member) => !member.deleted),
      (member) => `${member.conversation}\u0000${member.sourceId}`,
      result,
    );
    for (const member of members) result.examined.add(member.id);
  }
  return result;
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
      if (accept(current)) run.push({ live: segments[best]!, position: packed % POSITION_FACTOR });
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
        run.push({ live, position: values[i]! % POSITION_FACTOR });
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

/** Adds to the overlap counts the change this run's members make (now, less before). */
function countOverlaps(
  members: readonly MemberInfo[],
  scope: CopyScope,
  overlaps: Map<string, number>,
): void {
  if (new Set(members.map((member) => member.conversation)).size < 2) return;
  const after = members.filter((member) => !member.deleted);
  const add = (list: readonly MemberInfo[], sign: number) => {
    const byContent = new Map<string, Map<string, Map<string, number>>>();
    for (const member of list) {
      let conversations = byContent.get(member.content);
      if (!conversations) byContent.set(member.content, (conversations = new Map()));
      let files = conversations.get(member.conversation);
      if (!files) conversations.set(member.conversation, (files = new Map()));
      files.set(member.path, (files.get(member.path) ?? 0) + 1);
    }
    for (const conversations of byContent.values()) {
      if (conversations.size < 2) continue;
      const counts = [...conversations].map(
        ([conversation, files]) => [conversation, Math.max(...files.values())] as const,
      );
      for (let i = 0; i < counts.length; i++)
        for (let j = i + 1; j < counts.length; j++) {
          const [a, countA] = counts[i]!;
          const [b, countB] = counts[j]!;
          const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
          overlaps.set(pair, (overlaps.get(pair) ?? 0) + sign * Math.min(countA, countB));
        }
    }
  };
  add(after, 1);
  if (scope.keys !== 'all') {
    const before = members.filter(
      (member) =>
        !scope.addedNow.has(member.live) && (!member.deleted || scope.deletedNow.has(member.id)),
    );
    add(before, -1);
  }
}
