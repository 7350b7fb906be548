import type { SpeakerSummary } from '../model';

/**
 * The speaker an @mention names, when exactly one name fits: the whole name, else the name part
 * of a group card, else the start of a name. Null when none or several fit.
 */
export function resolveMention(
  mention: string,
  speakers: readonly SpeakerSummary[],
): SpeakerSummary | null {
  const rules: ((speaker: SpeakerSummary) => boolean)[] = [
    (speaker) => speaker.name === mention,
    (speaker) => speaker.card.name === mention,
    (speaker) => speaker.name.startsWith(mention),
  ];
  for (const rule of rules) {
    const matches = speakers.filter(rule);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) return null;
  }
  return null;
}
