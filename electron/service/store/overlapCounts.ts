/**
 * The overlap of conversations (copies.ts): for each pair, the distinct messages both hold,
 * counted from the runs of candidate copies the join finds, and kept up to date as files change
 * (what a run holds now is added, what it held before is taken away).
 */
import { sameStamp, stampOf, type CopyScope, type MemberInfo } from './copies';

/** Adds to the overlap counts the change this run's members make (now, less before). */
export function countOverlaps(
  members: readonly MemberInfo[],
  scope: CopyScope,
  pairs: PairCounts,
): void {
  const first = members[0]!.conversation;
  if (members.every((member) => member.conversation === first)) return;
  // The usual run across conversations: one message, once in each (no deletion to undo).
  if (
    scope.keys === 'all' &&
    members.every((member) => sameStamp(member, members[0]!) && !member.deleted) &&
    new Set(members.map((member) => member.conversation)).size === members.length
  ) {
    pairs.addSet(members.map((member) => pairs.indexOf(member.conversation)));
    return;
  }
  const add = (list: readonly MemberInfo[], sign: number) => {
    const byStamp = new Map<string, Map<number, Map<string, number>>>();
    for (const member of list) {
      const stamp = stampOf(member);
      let conversations = byStamp.get(stamp);
      if (!conversations) byStamp.set(stamp, (conversations = new Map()));
      const conversation = pairs.indexOf(member.conversation);
      let files = conversations.get(conversation);
      if (!files) conversations.set(conversation, (files = new Map()));
      files.set(member.path, (files.get(member.path) ?? 0) + 1);
    }
    for (const conversations of byStamp.values()) {
      if (conversations.size < 2) continue;
      const counts = [...conversations].map(([conversation, files]) => {
        let most = 0;
        for (const count of files.values()) if (count > most) most = count;
        return [conversation, most] as const;
      });
      for (let i = 0; i < counts.length; i++)
        for (let j = i + 1; j < counts.length; j++)
          pairs.add(counts[i]![0], counts[j]![0], sign * Math.min(counts[i]![1], counts[j]![1]));
    }
  };
  add(
    members.filter((member) => !member.deleted),
    1,
  );
  if (scope.keys !== 'all') {
    const before = members.filter(
      (member) =>
        !scope.addedNow.has(member.live) && (!member.deleted || scope.deletedNow.has(member.id)),
    );
    add(before, -1);
  }
}

/** Shared counts by pair of conversations, keyed by numbers while counting (millions of adds). */
export class PairCounts {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly counts = new Map<number, number>();
  /** Sets of conversations that shared one message, and how many: the same few sets come back
   *  for most messages (an archive exported several times), so each pair is added once per set. */
  private readonly sets = new Map<string, { indexes: number[]; count: number }>();

  indexOf(conversation: string): number {
    let index = this.index.get(conversation);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(conversation);
      this.index.set(conversation, index);
    }
    return index;
  }

  add(a: number, b: number, count: number): void {
    const key = a < b ? a * 0x4000000 + b : b * 0x4000000 + a;
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  /** One message shared by every conversation of `indexes` (each once). */
  addSet(indexes: number[]): void {
    indexes.sort((a, b) => a - b);
    const key = indexes.join(',');
    const set = this.sets.get(key);
    if (set) set.count++;
    else this.sets.set(key, { indexes, count: 1 });
  }

  /** As "a\u0000b" (a before b in code-point order) -> count. */
  toMap(): Map<string, number> {
    for (const { indexes, count } of this.sets.values())
      for (let i = 0; i < indexes.length; i++)
        for (let j = i + 1; j < indexes.length; j++) this.add(indexes[i]!, indexes[j]!, count);
    this.sets.clear();
    const out = new Map<string, number>();
    for (const [key, count] of this.counts) {
      const a = this.names[Math.floor(key / 0x4000000)]!;
      const b = this.names[key % 0x4000000]!;
      out.set(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`, count);
    }
    return out;
  }
}
