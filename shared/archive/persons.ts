/**
 * Echo pairs: the exporter sometimes wrote a message twice in the same second, once under the
 * member's nickname and once under the group card. Those pairs tell which names are one person.
 * The store's ingest finds the repeat pairs of each file (electron/service/store/ingest.ts);
 * this groups a conversation's names from them.
 */
import { tokenize } from '../text/tokens';
import { compareStrings } from './compare';

/** Text with at least four characters beyond emoji shortcodes and blanks. */
export function isSubstantive(text: string): boolean {
  let length = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'emoji') length += token.text.replace(/\s+/g, '').length;
  }
  return length >= 4;
}

/** Two messages of one file in the same second with the same text under two names. */
export interface RepeatPair {
  first: number;
  second: number;
  firstSpeaker: string;
  secondSpeaker: string;
  /** Whether the text says something (see isSubstantive): only those tie names together. */
  substantive: boolean;
}

/**
 * Persons of one conversation from its repeat pairs: names tied by substantive pairs are one
 * person (its id is its name with the most messages); a pair whose names are one person is an
 * echo, and its second message is folded into the first.
 */
export function personsFromRepeats(
  repeats: readonly RepeatPair[],
  messageCounts: ReadonlyMap<string, number>,
): {
  personOf: Map<string, string>;
  persons: Map<string, { names: string[]; evidence: number }>;
  echoOf: Map<number, number>;
} {
  const parent = new Map<string, string>();
  const find = (name: string): string => {
    let root = name;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    let node = name;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const name of messageCounts.keys()) parent.set(name, name);
  const evidence = new Map<string, number>();
  for (const repeat of repeats) {
    if (!repeat.substantive) continue;
    if (!parent.has(repeat.firstSpeaker) || !parent.has(repeat.secondSpeaker)) continue;
    parent.set(find(repeat.firstSpeaker), find(repeat.secondSpeaker));
    evidence.set(repeat.firstSpeaker, (evidence.get(repeat.firstSpeaker) ?? 0) + 1);
  }
  const members = new Map<string, string[]>();
  for (const name of messageCounts.keys()) {
    const root = find(name);
    const list = members.get(root);
    if (list) list.push(name);
    else members.set(root, [name]);
  }
  const personOf = new Map<string, string>();
  const persons = new Map<string, { names: string[]; evidence: number }>();
  for (const names of members.values()) {
    names.sort(
      (a, b) => (messageCounts.get(b) ?? 0) - (messageCounts.get(a) ?? 0) || compareStrings(a, b),
    );
    const id = names[0]!;
    for (const name of names) personOf.set(name, id);
    persons.set(id, {
      names,
      evidence: names.reduce((sum, name) => sum + (evidence.get(name) ?? 0), 0),
    });
  }
  const echoOf = new Map<number, number>();
  for (const repeat of repeats) {
    const a = personOf.get(repeat.firstSpeaker);
    if (a !== undefined && a === personOf.get(repeat.secondSpeaker))
      echoOf.set(repeat.second, repeat.first);
  }
  return { personOf, persons, echoOf };
}
