/**
 * The clocks of JSON exports. Wall-clock stamps (Telegram's `date`, DiscordChatExporter's
 * `timestamp`) are taken as written: the day and time the exporter's clock showed, whatever
 * offset follows them. Instants (Slack's `ts`, Telegram's `date_unixtime`) are shown in the
 * archive's one chosen zone.
 */
import { isDay, isTimeZone, wallClockAt, type WallClock } from '../../dates';
import type { ReadSink } from '../reader';

const STAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;

/** Days already checked: a million messages fall on a few thousand days. */
const knownDays = new Set<string>();

function isKnownDay(day: string): boolean {
  if (knownDays.has(day)) return true;
  if (!isDay(day)) return false;
  if (knownDays.size > 100_000) knownDays.clear();
  knownDays.add(day);
  return true;
}

/** `2021-03-04T10:15:00`, `2021-03-04T10:15:00.123+02:00`, `2021-03-04 10:15` as written. */
export function wallClockOf(value: unknown): WallClock | null {
  if (typeof value !== 'string') return null;
  const match = STAMP.exec(value);
  if (!match || !isKnownDay(match[1]!)) return null;
  const [hour, minute, second] = [match[2]!, match[3]!, match[4] ?? '00'];
  if (+hour > 23 || +minute > 59 || +second > 59) return null;
  return { day: match[1]!, time: `${hour}:${minute}:${second}` };
}

/** Instants outside years 1970-9999 are no chat's. */
const LATEST_SECONDS = 253402300799;

/** The wall clock in `timeZone` at `seconds` since 1970, or null for no plausible instant. */
export function instantClock(seconds: number | undefined, timeZone: string): WallClock | null {
  if (seconds === undefined || !(seconds >= 0 && seconds <= LATEST_SECONDS)) return null;
  return wallClockAt(Math.floor(seconds) * 1000, timeZone);
}

/** `YYYY-MM-DD HH:MM:SS`, as ParsedMessage.edited is written. */
export function clockText(clock: WallClock): string {
  return `${clock.day} ${clock.time}`;
}

/** The archive's zone when the platform knows it; else UTC, and a diagnostic says so. */
export function usableTimeZone(timeZone: string, sink: ReadSink): string {
  if (isTimeZone(timeZone)) return timeZone;
  sink.diagnostic({
    message: `The time zone "${timeZone}" is unknown here, so times stored as instants are shown in UTC.`,
  });
  return 'UTC';
}
