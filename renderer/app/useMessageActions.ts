/**
 * What a message's parts do in the reader: an @mention shows that person's messages, an image
 * opens the lightbox, a reply's quote goes to the message it answers (or says the archive does
 * not hold it), a thread opens beside the messages.
 */
import { resolveMention } from '../../shared/archive/mentions';
import type { SpeakerSummary } from '../../shared/model';
import { api } from '../api';
import { useT } from '../i18n/I18nContext';
import type { MessageActions } from '../messages/actions';
import type { LightboxImage } from '../messages/Lightbox';
import { asApiError, errorSentence } from './errors';
import { place, type Route } from './route';

export function useMessageActions(options: {
  loadRemoteImages: boolean;
  speakers: readonly SpeakerSummary[];
  setPerson: (person: string | null) => void;
  openImage: (image: LightboxImage) => void;
  openThread: (id: number) => void;
  navigate: (route: Route) => void;
  setNote: (note: string) => void;
}): MessageActions {
  const t = useT();
  const { speakers, setNote } = options;
  return {
    loadRemoteImages: options.loadRemoteImages,
    canFollowMention: (name) => resolveMention(name, speakers) !== null,
    onMention: (name) => {
      const speaker = resolveMention(name, speakers);
      if (speaker) options.setPerson(speaker.person);
    },
    onOpenImage: options.openImage,
    onOpenMessage: (id) => {
      if (id === null) {
        setNote(t('messages.replyMissing'));
        return;
      }
      api.locateMessage({ id }).then(
        (found) => options.navigate(place(found.conversation, found.day, { message: found.id })),
        (error: unknown) => setNote(errorSentence(asApiError(error).code, t)),
      );
    },
    onOpenThread: options.openThread,
  };
}
