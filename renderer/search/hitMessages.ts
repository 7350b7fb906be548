/**
 * Whole messages for search hits (the gallery's, a selection of every result). A hit carries its
 * text, which says everything of a Markdown log's message (its images and files are in the text)
 * but nothing of an export's attachments, replies or link previews: for those the hit's day is
 * fetched, a few days at a time.
 */
import type { SearchHit } from '../../shared/api';
import type { Message } from '../../shared/model';
import { api } from '../api';

const AT_ONCE = 4;

/** Whether a hit is a Markdown log's message, which its text says whole. */
export function isMarkdownHit(hit: SearchHit): boolean {
  return /\.(md|markdown|mdown|mkd|mkdn)$/i.test(hit.path);
}

/** `hits` as messages: from their text when `enough` says it is, else from their day. */
export async function messagesOfHits(
  hits: readonly SearchHit[],
  enough: (hit: SearchHit) => boolean,
): Promise<Message[]> {
  const days = new Map<string, { conversation: string; day: string }>();
  for (const hit of hits)
    if (!enough(hit))
      days.set(`${hit.conversation}\n${hit.day}`, { conversation: hit.conversation, day: hit.day });
  const byId = new Map<number, Message>();
  const queue = [...days.values()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const page = await api.getDayMessages(next);
      for (const message of page.messages) byId.set(message.id, message);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, worker));
  return hits.map(
    (hit) =>
      byId.get(hit.id) ?? {
        id: hit.id,
        conversation: hit.conversation,
        day: hit.day,
        time: hit.time,
        speaker: hit.speaker,
        text: hit.text,
        path: hit.path,
        line: 0,
      },
  );
}
