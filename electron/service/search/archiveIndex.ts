/** Builds the search index over an archive held in memory (tests, and the store's fallback). */
import type { SearchResult } from '../../../shared/api';
import type { Archive } from '../../../shared/archive/build';
import type { PersonSummary } from '../../../shared/model';
import type { SearchOptions } from '../archiveData';
import { CorpusBuilder, featureBits, type Corpus } from './corpus';
import { searchIndex, type SearchIndex } from './engine';
import { buildPostings } from './postings';

/** Persons by conversation index, as speaker indexes of the corpus. */
export function personGroups(
  corpus: Corpus,
  persons: Iterable<[string, readonly Pick<PersonSummary, 'names'>[]]>,
): Map<number, number[][]> {
  const conversationIndex = new Map(corpus.conversationNames.map((name, index) => [name, index]));
  const speakerIndex = new Map(corpus.speakerNames.map((name, index) => [name, index]));
  const groups = new Map<number, number[][]>();
  for (const [conversation, list] of persons) {
    const index = conversationIndex.get(conversation);
    if (index === undefined) continue;
    groups.set(
      index,
      list.map((person) =>
        person.names.flatMap((name) => (speakerIndex.has(name) ? [speakerIndex.get(name)!] : [])),
      ),
    );
  }
  return groups;
}

/** An index over `archive`; rows are indexes into archive.messages. */
export function indexArchive(archive: Archive): {
  index: SearchIndex;
  search(query: string, options: SearchOptions): SearchResult;
} {
  const builder = new CorpusBuilder();
  archive.messages.forEach((message, row) =>
    builder.add({ ...message, row, features: featureBits(message.text) }),
  );
  const corpus = builder.finish();
  const index: SearchIndex = {
    corpus,
    postings: buildPostings(corpus),
    persons: personGroups(corpus, archive.persons),
  };
  return {
    index,
    search: (query, options) =>
      searchIndex(index, query, options, (ids) =>
        ids.map((id) => {
          const message = archive.messages[corpus.row[id]!]!;
          return { ...message, id };
        }),
      ),
  };
}
