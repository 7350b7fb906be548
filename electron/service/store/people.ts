/**
 * A conversation's speakers and persons as the store answers them: for the whole conversation
 * from the tables summaries.ts writes, for a day counted from the day's messages (persons as the
 * whole conversation knows them). Echoes, events and speakerless lines are nobody's messages.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { SpeakersResult } from '../../../shared/api';
import { compareStrings } from '../../../shared/archive/compare';
import { splitGroupCard } from '../../../shared/archive/groupCard';
import type { Message, PersonSummary, SpeakerSummary } from '../../../shared/model';

function speakersRows(db: DatabaseSync, conversation: string): SpeakerSummary[] {
  return (
    db
      .prepare('SELECT name, messages, first, last, person FROM speakers WHERE conversation = ?')
      .all(conversation) as unknown as Omit<SpeakerSummary, 'card'>[]
  ).map((row) => ({ ...row, card: splitGroupCard(row.name) }));
}

function personsRows(db: DatabaseSync, conversation: string): PersonSummary[] {
  return (
    db
      .prepare('SELECT id, names, messages, evidence FROM persons WHERE conversation = ?')
      .all(conversation) as unknown as (Omit<PersonSummary, 'names'> & { names: string })[]
  ).map((row) => ({ ...row, names: JSON.parse(row.names) as string[] }));
}

export function storedSpeakers(db: DatabaseSync, conversation: string): SpeakersResult {
  return {
    // Names seen only on echoes stay among their person's names, not in the list of speakers.
    speakers: sortSpeakers(speakersRows(db, conversation).filter((s) => s.messages > 0)),
    persons: sortPersons(personsRows(db, conversation)),
  };
}

/** A day's speakers: counts of that day (`messages`, the day's), persons as known from all days. */
export function daySpeakers(
  db: DatabaseSync,
  conversation: string,
  day: string,
  messages: readonly Message[],
): SpeakersResult {
  const known = new Map(speakersRows(db, conversation).map((speaker) => [speaker.name, speaker]));
  const persons = personsRows(db, conversation);
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.kind === 'event' || message.echoOf !== undefined || message.speaker === '')
      continue;
    counts.set(message.speaker, (counts.get(message.speaker) ?? 0) + 1);
  }
  const speakers = [...counts].map(([name, count]) => ({
    name,
    messages: count,
    first: day,
    last: day,
    card: splitGroupCard(name),
    person: known.get(name)?.person ?? name,
  }));
  const dayPersons = new Map<string, PersonSummary>();
  for (const speaker of speakers) {
    const person = dayPersons.get(speaker.person);
    if (person) {
      person.names.push(speaker.name);
      person.messages += speaker.messages;
    } else {
      const evidence = persons.find((p) => p.id === speaker.person)?.evidence ?? 0;
      dayPersons.set(speaker.person, {
        id: speaker.person,
        names: [speaker.name],
        messages: speaker.messages,
        evidence,
      });
    }
  }
  return { speakers: sortSpeakers(speakers), persons: sortPersons([...dayPersons.values()]) };
}

function sortSpeakers(speakers: SpeakerSummary[]): SpeakerSummary[] {
  return speakers.sort((a, b) => b.messages - a.messages || compareStrings(a.name, b.name));
}

function sortPersons(persons: PersonSummary[]): PersonSummary[] {
  return persons.sort((a, b) => b.messages - a.messages || compareStrings(a.id, b.id));
}
