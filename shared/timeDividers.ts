/**
 * Where a time divider goes between two messages, as WeChat shows them: before the first message
 * of a day (or of a conversation), and after a pause of more than five minutes. The app's list
 * and the HTML export both ask this, so they agree on every divider.
 */
import { secondsOfDay } from './dates';
import type { Day, Time } from './model';

const DIVIDER_GAP_SECONDS = 5 * 60;

interface Placed {
  conversation: string;
  day: Day;
  time: Time;
}

/** Whether a divider goes between `previous` and `next` (messages in reading order). */
export function needsTimeDivider(previous: Placed | null | undefined, next: Placed): boolean {
  if (!previous) return true;
  if (previous.day !== next.day || previous.conversation !== next.conversation) return true;
  return secondsOfDay(next.time) - secondsOfDay(previous.time) > DIVIDER_GAP_SECONDS;
}
