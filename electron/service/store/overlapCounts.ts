/**
 * The overlap of conversations (copies.ts): for each pair, the distinct messages both hold,
 * counted from the runs of candidate copies the join finds, and kept up to date as files change
 * (what a run holds now is added, what it held before is taken away).
 */
import type { CopyScope, MemberInfo } from './copies';

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
    members.every((member) => member.stamp === members[0]!.stamp && !member.deleted) &&
    new Set(members.map((member) => member.conversation)).size === members.length
  ) {
    const indexes = members.map((member) => pairs.indexOf(member.conversation));
    for (let i = 0; i < indexes.length; i++)
      for (let j = i + 1; j < indexes.length; j++) pairs.add(indexes[i]!, indexes[j]!, 1);
    return;
  }
  const add = (list: readonly MemberInfo[], sign: number) => {
    const byStamp = new Map<string, Map<number, Map<string, number>>>();
    for (const member of list) {
      let conversations = byStamp.get(member.stamp);
      if (!conversations) byStamp.set(member.stamp, (conversations = new Map()));
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

  /** As "a\u0000b" (a before b in code-point order) -> count. */
  toMap(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, count] of this.counts) {
      const a = this.names[Math.floor(key / 0x4000000)]!;
      const b = this.names[key % 0x4000000]!;
      out.set(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`, count);
    }
    return out;
  }
}
