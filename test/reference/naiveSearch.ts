/**
 * A plain scan over messages that implements the whole query language (shared/query/parse.ts)
 * the simplest way: fold each text and look for every term (in each of its spellings). The
 * reference the index is tested against.
 */
import type { SearchResult } from '../../shared/api';
import type { Message, PersonSummary } from '../../shared/model';
import { foldText } from '../../shared/query/fold';
import { isEmptyQuery, parseQuery, type Feature } from '../../shared/query/parse';
import { messageFeatures } from '../../shared/text/tokens';
import type { SearchOptions } from '../../electron/service/index/search';
import {
  facetsFrom,
  highlightRanges,
  namesMatching,
  nameMatches,
} from '../../electron/service/index/results';
import { pageStart } from '../../shared/paging';
import { compareMessages } from '../../shared/model';
import { termVariants } from '../../shared/query/emoji';

export interface NaiveCorpus {
  messages: readonly Message[];
  /** Conversation id -> its persons (for from: reaching every name of a person). */
  persons: ReadonlyMap<string, readonly PersonSummary[]>;
  /** Conversation id -> its title (in: matches either). */
  titles?: ReadonlyMap<string, string>;
}

/** Whether a message has what has: asks for, from its text and from what its format carries. */
function messageHas(message: Message, feature: Feature): boolean {
  const attachments = message.attachments ?? [];
  const pictures = attachments.some((a) => a.kind === 'image' || a.kind === 'sticker');
  switch (feature) {
    case 'image':
      return pictures || messageFeatures(message.text).image;
    case 'file':
      return (
        attachments.some((a) => a.kind !== 'image' && a.kind !== 'sticker') ||
        messageFeatures(message.text).file
      );
    case 'link':
      return (
        (message.links?.length ?? 0) > 0 ||
        (message.styles ?? []).some((style) => style.kind === 'link') ||
        messageFeatures(message.text).link
      );
    case 'mention':
      return messageFeatures(message.text).mention;
    case 'reply':
      return message.reply !== undefined;
    case 'reaction':
      return (message.reactions?.length ?? 0) > 0;
  }
}

export function searchMessages(
  corpus: NaiveCorpus,
  text: string,
  options: SearchOptions,
): SearchResult {
  const started = performance.now();
  const query = parseQuery(text);
  const fromNames = new Map<string, Set<string>>();
  const speakerAllowed = (message: Message) => {
    let names = fromNames.get(message.conversation);
    if (!names) {
      const groups = (corpus.persons.get(message.conversation) ?? []).map((person) => person.names);
      names = namesMatching(query.from, groups);
      fromNames.set(message.conversation, names);
    }
    // A speaker the persons do not list (none are missing in practice) still matches by name.
    return (
      names.has(message.speaker) ||
      (message.speaker !== '' && nameMatches(message.speaker, query.from))
    );
  };
  const matches = isEmptyQuery(query)
    ? []
    : corpus.messages.filter((message) => {
        if (query.since !== null && message.day < query.since) return false;
        if (query.until !== null && message.day > query.until) return false;
        if (
          query.in.length > 0 &&
          !nameMatches(message.conversation, query.in) &&
          !nameMatches(corpus.titles?.get(message.conversation) ?? message.conversation, query.in)
        )
          return false;
        if (query.from.length > 0 && !speakerAllowed(message)) return false;
        const folded = foldText(message.text);
        const has = (term: string) =>
          termVariants(term).some((variant) => folded.includes(variant));
        if (!query.terms.every(has)) return false;
        if (query.exclude.some(has)) return false;
        if (!query.has.every((feature) => messageHas(message, feature))) return false;
        return true;
      });
  matches.sort(compareMessages);
  if (options.order === 'newest') matches.reverse();
  const offset = pageStart(options.cursor);
  const page = matches.slice(offset, offset + options.limit);
  const count = (key: (message: Message) => string) => {
    const counts = new Map<string, number>();
    for (const message of matches) counts.set(key(message), (counts.get(key(message)) ?? 0) + 1);
    return counts;
  };
  return {
    total: matches.length,
    hits: page.map(({ id, conversation, day, time, speaker, text, path }) => ({
      id,
      conversation,
      day,
      time,
      speaker,
      text,
      path,
      highlights: highlightRanges(text, query.terms.flatMap(termVariants)),
    })),
    ...(offset + options.limit < matches.length
      ? { nextCursor: String(offset + options.limit) }
      : {}),
    facets: facetsFrom(
      count((m) => m.conversation),
      count((m) => m.speaker),
      count((m) => m.day.slice(0, 7)),
    ),
    problems: query.problems,
    took: performance.now() - started,
  };
}
