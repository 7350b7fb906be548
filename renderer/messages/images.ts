/**
 * The images of messages, in order, for the lightbox and the gallery: a Markdown log's images
 * (relative to the file, or on the web) and the photos and stickers an export attaches.
 */
import type { Message } from '../../shared/model';
import { tokenize } from '../../shared/text/tokens';
import { archiveImageUrl, archiveMediaUrl } from '../api';
import type { LightboxImage } from './Lightbox';

export interface MessageImage extends LightboxImage {
  /** On the web: loaded only when the user allows it. */
  remote: boolean;
}

/** Every image of one message, those on the web included (see `remote`). */
export function messageImages(
  message: Pick<Message, 'text' | 'path' | 'attachments'>,
): MessageImage[] {
  const images: MessageImage[] = [];
  if (message.text.includes('![')) {
    for (const token of tokenize(message.text)) {
      if (token.kind !== 'image') continue;
      const remote = /^https?:\/\//i.test(token.src);
      images.push({
        url: remote ? token.src : archiveImageUrl(message.path, token.src),
        alt: token.alt || token.src,
        remote,
      });
    }
  }
  for (const attachment of message.attachments ?? []) {
    if (attachment.kind !== 'image' && attachment.kind !== 'sticker') continue;
    if (attachment.path !== null)
      images.push({ url: archiveMediaUrl(attachment.path), alt: attachment.name, remote: false });
    else if (attachment.url !== undefined)
      images.push({ url: attachment.url, alt: attachment.name, remote: true });
  }
  return images;
}

/** The images of the messages that can be shown (those on the web only when allowed). */
export function imagesOf(messages: readonly Message[], loadRemote: boolean): LightboxImage[] {
  return messages.flatMap((message) =>
    messageImages(message)
      .filter((image) => loadRemote || !image.remote)
      .map(({ url, alt }) => ({ url, alt })),
  );
}
