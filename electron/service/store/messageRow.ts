/**
 * A message as the index holds it (index/segmentBuild.ts IndexRow): its columns (day, time and
 * the feature bits in `meta`), the text search reads (attachment names included), the content key
 * that finds its copies, the references that find replies and threads, and its rich parts as JSON.
 */
import { dayNumber, secondsOfDay } from '../../../shared/dates';
import type { ParsedMessage } from '../../../shared/model';
import { featuresOf } from '../index/features';
import { EVENT_BIT, FEATURE_SHIFT, REF_SOURCE, REF_THREAD, SOURCE_BIT } from '../index/segment';
import type { IndexRow } from '../index/segmentBuild';
import { contentKey, refValue } from './keys';

/** The fields every message has, kept in the index's columns rather than its extras. */
const BASIC = new Set(['day', 'time', 'speaker', 'text', 'line', 'kind']);

/** The index row of a message. */
export function rowOf(
  conversation: string,
  message: ParsedMessage,
  day: string,
  path: string,
): IndexRow {
  const extras = extrasOf(message);
  const search = (message.attachments ?? []).map((attachment) => attachment.name).join('\n');
  const refs: number[] = [];
  if (message.sourceId !== undefined)
    refs.push(refValue(conversation, message.sourceId, REF_SOURCE));
  if (message.threadOf !== undefined)
    refs.push(refValue(conversation, message.threadOf, REF_THREAD));
  return {
    conversation,
    speaker: message.speaker,
    path,
    line: message.line,
    day: dayNumber(day),
    meta:
      secondsOfDay(message.time) |
      (message.kind === 'event' ? EVENT_BIT : 0) |
      (message.sourceId !== undefined ? SOURCE_BIT : 0) |
      (featuresOf(message) << FEATURE_SHIFT),
    text: message.text,
    search: search === '' ? '' : `\n${search}`,
    key: contentKey(day, message.time, message.speaker, message.text),
    extras,
    refs,
  };
}

/** The rich parts of a message as JSON, or null when it has none (most chat lines). */
function extrasOf(message: ParsedMessage): string | null {
  // Most chat lines (every Markdown log's) have nothing beyond the basic fields.
  let fields = 0;
  for (const key in message) if (!BASIC.has(key)) fields++;
  if (fields === 0) return null;
  const {
    day: _day,
    time: _time,
    speaker: _speaker,
    text: _text,
    line: _line,
    kind: _kind,
    ...rest
  } = message;
  for (const key in rest) {
    if ((rest as Record<string, unknown>)[key] !== undefined) return JSON.stringify(rest);
  }
  return null;
}
