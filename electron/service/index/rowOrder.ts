/**
 * The one order of a segment's rows (shared/model.ts compareMessages, as the index keeps it):
 * day, time, then conversation and file by name, then line.
 */

/** The rows' positions in time order, from the builder's columns (`count` rows). */
export function timeOrder(
  day: Uint32Array,
  meta: Uint32Array,
  pair: Uint32Array,
  file: Uint32Array,
  line: Uint32Array,
  count: number,
  names: { conversations: string[]; pairs: readonly number[]; paths: string[] },
): Uint32Array {
  const conversationRank = ranks(names.conversations);
  const pathRank = ranks(names.paths);
  const pairConversation = new Uint32Array(names.pairs.length / 2);
  for (let i = 0; i < pairConversation.length; i++)
    pairConversation[i] = conversationRank[names.pairs[i * 2]!]!;
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort(
    (a, b) =>
      day[a]! - day[b]! ||
      (meta[a]! & 0x1ffff) - (meta[b]! & 0x1ffff) ||
      pairConversation[pair[a]!]! - pairConversation[pair[b]!]! ||
      pathRank[file[a]!]! - pathRank[file[b]!]! ||
      line[a]! - line[b]! ||
      a - b,
  );
  return order;
}

/** The values as 16-bit numbers when they all fit. */
export function narrowed(values: Uint32Array): Uint16Array | Uint32Array {
  for (let i = 0; i < values.length; i++) if (values[i]! > 0xffff) return values;
  return Uint16Array.from(values);
}

/** rank[i] = position of values[i] in code-point order. */
function ranks(values: string[]): Uint32Array {
  const sorted = values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const rank = new Uint32Array(values.length);
  sorted.forEach((entry, position) => (rank[entry.index] = position));
  return rank;
}
