/**
 * The lightbox's images. An image clicked in a message opens at once among the images of the
 * messages shown; the conversation's images (found by `has:image`, oldest first) follow, and the
 * lightbox then steps through all of them from the same image.
 */
import { useCallback, useRef, useState } from 'react';
import type { Message } from '../../shared/model';
import { api } from '../api';
import { imagesOfMessages, textSuffices } from '../gallery/galleryItems';
import { messagesOfHits } from '../search/hitMessages';
import { imagesOf } from './images';
import type { LightboxImage } from './Lightbox';

/** Images of a conversation stepped through at most (the newest are left out beyond). */
const MOST = 2000;

export interface LightboxState {
  list: LightboxImage[];
  at: number;
}

async function conversationImages(
  conversation: string,
  loadRemote: boolean,
): Promise<LightboxImage[]> {
  const hits = [];
  let cursor: string | undefined;
  do {
    const page = await api.search({
      query: 'has:image',
      conversation,
      order: 'oldest',
      limit: 500,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    hits.push(...page.hits);
    cursor = page.nextCursor;
  } while (cursor !== undefined && hits.length < MOST);
  const messages = await messagesOfHits(hits, textSuffices('image'));
  return imagesOfMessages(messages)
    .filter((image) => loadRemote || !image.remote)
    .map(({ url, alt }) => ({ url, alt }));
}

export function useLightbox(
  conversation: string | null,
  shown: readonly Message[],
  loadRemote: boolean,
) {
  const [state, setState] = useState<LightboxState | null>(null);
  const opening = useRef(0);

  const openList = useCallback((list: LightboxImage[], at: number) => {
    opening.current++;
    setState({ list, at });
  }, []);

  const openImage = (image: LightboxImage) => {
    const list = imagesOf(shown, loadRemote);
    const at = list.findIndex((each) => each.url === image.url);
    const request = ++opening.current;
    setState(at >= 0 ? { list, at } : { list: [image], at: 0 });
    if (conversation === null) return;
    conversationImages(conversation, loadRemote).then(
      (all) => {
        if (request !== opening.current) return;
        setState((current) => {
          if (!current) return current;
          const now = current.list[current.at];
          const found = all.findIndex((each) => each.url === now?.url);
          return found >= 0 ? { list: all, at: found } : current;
        });
      },
      // The images shown are enough to step through.
      () => undefined,
    );
  };

  return {
    state,
    openImage,
    openList,
    setAt: (at: number) => setState((current) => current && { ...current, at }),
    close: () => {
      opening.current++;
      setState(null);
    },
  };
}
