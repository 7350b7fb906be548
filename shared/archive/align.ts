/**
 * Days for a file whose headers carry no dates but whose messages span many days: an undated
 * cumulative export (`> 08:44:59  name`), whose times run backwards where each day begins. When
 * its messages are, in order, copies of dated ones (same time, speaker and text) found in other
 * files of the conversation, each takes the day of its copy; a message without one takes the
 * day of its neighbours (a day later for each time its clock ran backwards since). When too few
 * match, the file keeps its own day for all (nothing better is known).
 */
import { addDays, secondsOfDay } from '../dates';
import type { Day } from '../model';

export interface UndatedMessage {
  time: string;
  speaker: string;
  text: string;
}

/** At least this share of the messages must find a dated copy for the days to be used. */
const MIN_MATCHED = 0.5;

/** A clock running back further than this is a new day; less is exporters' disorder. */
const WRAP_SECONDS = 2 * 3600;

/** Whether `time` after `previous` (both `HH:MM:SS`) starts a new day. */
export function isDayWrap(previous: string, time: string): boolean {
  return secondsOfDay(time) < secondsOfDay(previous) - WRAP_SECONDS;
}

/**
 * @param daysOf the days (ascending) on which the conversation holds a dated message with this
 *   time, speaker and text
 * @returns a day per message, or null when too few messages match
 */
export function alignDays(
  messages: readonly UndatedMessage[],
  daysOf: (message: UndatedMessage) => readonly Day[],
): Day[] | null {
  const days: (Day | null)[] = new Array(messages.length).fill(null);
  let current: Day | null = null;
  let matched = 0;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    const wrapped = i > 0 && isDayWrap(messages[i - 1]!.time, message.time);
    // The earliest dated copy that keeps the days in order: a later day after a wrap.
    const found: Day | undefined = daysOf(message).find(
      (day) => current === null || (wrapped ? day > current : day >= current),
    );
    if (found === undefined) continue;
    days[i] = found;
    current = found;
    matched++;
  }
  if (messages.length === 0 || matched < messages.length * MIN_MATCHED) return null;
  return fill(messages, days);
}

/** Days for unmatched messages from their neighbours, counting the wraps between. */
function fill(messages: readonly UndatedMessage[], days: (Day | null)[]): Day[] {
  const out: Day[] = new Array(days.length);
  let previous: { day: Day; index: number } | null = null;
  const firstMatched = days.findIndex((day) => day !== null);
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (day !== null && day !== undefined) {
      out[i] = day;
      previous = { day, index: i };
      continue;
    }
    if (previous) {
      out[i] = addDays(previous.day, wrapsBetween(messages, previous.index, i));
    } else {
      // Before the first match: count back from it.
      out[i] = addDays(days[firstMatched]!, -wrapsBetween(messages, i, firstMatched));
    }
  }
  return out;
}

function wrapsBetween(messages: readonly UndatedMessage[], from: number, to: number): number {
  let wraps = 0;
  for (let i = from + 1; i <= to; i++)
    if (isDayWrap(messages[i - 1]!.time, messages[i]!.time)) wraps++;
  return wraps;
}
