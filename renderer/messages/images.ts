/** The images of the messages shown, in order, for stepping through them in the lightbox. */
import type { Message } from '../../shared/model';
import { tokenize } from '../../shared/text/tokens';
import { archiveImageUrl } from '../api';
import type { LightboxImage } from './Lightbox';

export function imagesOf(messages: readonly Message[], loadRemote: boolean): LightboxImage[] {
  const images: LightboxImage[] = [];
  for (const message of messages) {
    if (!message.text.includes('![')) continue;
    for (const token of tokenize(message.text)) {
      if (token.kind !== 'image') continue;
      const remote = /^https?:\/\//i.test(token.src);
      if (remote && !loadRemote) continue;
      images.push({
        url: remote ? token.src : archiveImageUrl(message.path, token.src),
        alt: token.alt,
      });
    }
  }
  return images;
}
