/**
 * The clocks of JSON exports. Wall-clock stamps (Telegram's `date`, DiscordChatExporter's
 * `timestamp`) are taken as written: the day and time the exporter's clock showed, whatever
 * offset follows them. Instants (Slack's `ts`, Telegram's `date_unixtime`) are shown in the
 * archive's one chosen zone.
 */
import { isDay, isTimeZone, wallClockAt, type WallClock } from '../../dates';
import type { ReadSink } from '../reader';

/** Days already checked: a million messages fall on a few thousand days. */
const knownDays = new Set<string>();

function isKnownDay(day: string): boolean {
  if (knownDays.has(day)) return true;
  if (!isDay(day)) return false;
  if (knownDays.size > 100_000) knownDays.clear();
  knownDays.add(day);
  return true;
}

function isDigits(value: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = value.charCodeAt(at);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * `2021-03-04T10:15:00`, `2021-03-04T10:15:00.123+02:00`, `2021-03-04 10:15` as written. Read
 * by position rather than by a regular expression: it runs once per message of huge exports.
 */
export function wallClockOf(value: unknown): WallClock | null {
  if (typeof value !== 'string' || value.length < 16) return null;
  const separator = value.charCodeAt(10);
  if ((separator !== 0x54 && separator !== 0x20) || value.charCodeAt(13) !== 0x3a) return null;
  const seconds = value.length >= 19 && value.charCodeAt(16) === 0x3a;
  if (!isDigits(value, 11, 13) || !isDigits(value, 14, 16) || (seconds && !isDigits(value, 17, 19)))
    return null;
  if (seconds && value.length > 19 && isDigits(value, 19, 20)) return null;
  const day = value.slice(0, 10);
  if (!isKnownDay(day)) return null;
  const time = seconds ? value.slice(11, 19) : `${value.slice(11, 16)}:00`;
  if (time > '23:59:59' || time.charCodeAt(3) > 0x35 || time.charCodeAt(6) > 0x35) return null;
  return { day, time };
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

/** Zones already checked: a Slack export is thousands of day files in one zone. */
const knownZones = new Map<string, boolean>();

/** The archive's zone when the platform knows it; else UTC, and a diagnostic says so. */
export function usableTimeZone(timeZone: string, sink: ReadSink): string {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    known = isTimeZone(timeZone);
    knownZones.set(timeZone, known);
  }
  if (known) return timeZone;
  sink.diagnostic({
    message: `The time zone "${timeZone}" is unknown here, so times stored as instants are shown in UTC.`,
  });
  return 'UTC';
}
