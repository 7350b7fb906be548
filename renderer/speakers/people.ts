/**
 * The speaker sidebar's rows: one per person (alias groups joined), by message count, with the
 * group card of their main name as a second line, and the filter box's match.
 */
import type { SpeakersResult } from '../../shared/api';
import type { GroupCard, SpeakerSummary } from '../../shared/model';
import { compareStrings } from '../../shared/archive/compare';

export interface PersonRow {
  /** The person id (their name with the most messages), used for filters and colours. */
  id: string;
  /** What to show: the name part of the main name's group card. */
  displayName: string;
  /** The main name as written (a full group card). */
  mainName: string;
  names: string[];
  messages: number;
  card: GroupCard;
}

export function personRows(result: SpeakersResult): PersonRow[] {
  const byName = new Map(result.speakers.map((speaker) => [speaker.name, speaker]));
  const rows: PersonRow[] = result.persons.map((person) => {
    const speakers = person.names
      .map((name) => byName.get(name))
      .filter((s): s is SpeakerSummary => s !== undefined);
    // The most informative card: the one with the most parts, else the id's own.
    const richest = [...speakers].sort((a, b) => cardParts(b.card) - cardParts(a.card))[0];
    const main = byName.get(person.id) ?? richest;
    return {
      id: person.id,
      displayName: (richest ?? main)?.card.name ?? person.id,
      mainName: main?.name ?? person.id,
      names: person.names,
      messages: person.messages,
      card: richest?.card ?? { name: person.id },
    };
  });
  return rows.sort((a, b) => b.messages - a.messages || compareStrings(a.id, b.id));
}

function cardParts(card: GroupCard): number {
  return (card.company ? 1 : 0) + (card.role ? 1 : 0) + (card.city ? 1 : 0);
}

/** company · role · city, whichever are known. */
export function cardLine(card: GroupCard): string {
  return [card.company, card.role, card.city]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/** Whether a filter text matches any of the person's names (case-insensitive). */
export function matchesFilter(row: PersonRow, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return row.names.some((name) => name.toLowerCase().includes(needle));
}

/** Name -> person id, to colour avatars and to put "me" on the right whichever alias spoke. */
export function personIndex(speakers: readonly SpeakerSummary[]): Map<string, string> {
  return new Map(speakers.map((speaker) => [speaker.name, speaker.person]));
}
