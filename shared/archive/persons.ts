/**
 * Echo pairs: the exporter sometimes wrote a message twice in the same second, once under the
 * member's nickname and once under the group card. Those pairs tell which names are one person.
 */
import { tokenize } from '../text/tokens';
import { compareStrings } from './compare';

const MAX_LOOK_BACK = 16;

export interface EchoCandidate {
  index: number;
  speaker: string;
  /** Conversation, day and time: echoes share it (and their text). */
  slot: string;
  text: string;
}

export interface PersonGrouping {
  /** Name -> person id (the person's name with the most messages). */
  personOf: Map<string, string>;
  /** Person id -> its names and how many echo pairs tie them together. */
  persons: Map<string, { names: string[]; evidence: number }>;
  /** Index of an echo message -> index of the message it repeats. */
  echoOf: Map<number, number>;
}

/**
 * Groups names into persons. Only pairs whose text says something (not a lone emoji or a
 * one-word reply two people might send in the same second) count as evidence; once names are
 * known to be one person, every same-second repeat between them is folded as an echo.
 */
export function groupPersons(
  /** Ordered by slot (conversation, day, time). */
  candidates: readonly EchoCandidate[],
  messageCounts: ReadonlyMap<string, number>,
): PersonGrouping {
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

  const pairEvidence = new Map<string, number>();
  const repeats: [EchoCandidate, EchoCandidate][] = [];
  // Candidates arrive ordered by slot: echoes stand in one run of equal slots.
  for (let runStart = 0, j = 1; j < candidates.length; j++) {
    const other = candidates[j]!;
    if (other.slot !== candidates[j - 1]!.slot) {
      runStart = j;
      continue;
    }
    // A bounded look back: a hostile file with thousands of messages in one second stays linear.
    for (let i = Math.max(runStart, j - MAX_LOOK_BACK); i < j; i++) {
      const first = candidates[i]!;
      if (first.text !== other.text || first.speaker === other.speaker) continue;
      repeats.push([first, other]);
      if (isSubstantive(first.text)) {
        const pair = [first.speaker, other.speaker].sort().join('\u0000');
        pairEvidence.set(pair, (pairEvidence.get(pair) ?? 0) + 1);
        parent.set(find(first.speaker), find(other.speaker));
      }
      break;
    }
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
  const rootToId = new Map<string, string>();
  for (const [root, names] of members) {
    names.sort(
      (a, b) => (messageCounts.get(b) ?? 0) - (messageCounts.get(a) ?? 0) || compareStrings(a, b),
    );
    const id = names[0]!;
    rootToId.set(root, id);
    for (const name of names) personOf.set(name, id);
    persons.set(id, { names, evidence: 0 });
  }
  for (const [pair, count] of pairEvidence) {
    const [a] = pair.split('\u0000') as [string];
    persons.get(personOf.get(a)!)!.evidence += count;
  }
  const echoOf = new Map<number, number>();
  for (const [first, other] of repeats) {
    if (personOf.get(first.speaker) === personOf.get(other.speaker))
      echoOf.set(other.index, first.index);
  }
  return { personOf, persons, echoOf };
}

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
