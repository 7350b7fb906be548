/**
 * What the gallery lists of each message: its images (Markdown images, attached photos and
 * stickers), its files (shared file names, attached documents, voice notes, videos) and its
 * links (addresses in the text, link previews, styled links).
 */
import type { SearchHit } from '../../shared/api';
import type { Feature } from '../../shared/query/parse';
import type { Message } from '../../shared/model';
import { tokenize } from '../../shared/text/tokens';
import { messageImages, type MessageImage } from '../messages/images';

export type GalleryTab = Extract<Feature, 'image' | 'file' | 'link'>;

export interface GalleryEntry {
  message: Message;
  /** The file's name, or the link's address. */
  label: string;
  size?: number | undefined;
}

/** Whether a hit's text alone says what the tab lists of it (no need to fetch its message). */
export function textSuffices(tab: GalleryTab): (hit: SearchHit) => boolean {
  const kind = tab === 'image' ? 'image' : tab === 'file' ? 'file' : 'url';
  return (hit) => tokenize(hit.text).some((token) => token.kind === kind);
}

export function imagesOfMessages(
  messages: readonly Message[],
): (MessageImage & { message: Message })[] {
  return messages.flatMap((message) =>
    messageImages(message).map((image) => ({ ...image, message })),
  );
}

export function entriesOf(messages: readonly Message[], tab: 'file' | 'link'): GalleryEntry[] {
  return messages.flatMap((message) => {
    const tokens = tokenize(message.text);
    if (tab === 'file')
      return [
        ...tokens.flatMap((token) =>
          token.kind === 'file' ? [{ message, label: token.name }] : [],
        ),
        ...(message.attachments ?? [])
          .filter((attachment) => attachment.kind !== 'image' && attachment.kind !== 'sticker')
          .map((attachment) => ({ message, label: attachment.name, size: attachment.size })),
      ];
    const addresses = [
      ...tokens.flatMap((token) => (token.kind === 'url' ? [token.href] : [])),
      ...(message.links ?? []).map((link) => link.url),
      ...(message.styles ?? []).flatMap((style) =>
        style.kind === 'link' && style.href ? [style.href] : [],
      ),
    ];
    return [...new Set(addresses)].map((label) => ({ message, label }));
  });
}
