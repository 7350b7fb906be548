/**
 * What a message offers to do beyond its text: follow a mention, open an image, go to the
 * message a reply quotes, open a thread. The reader gives one set of these to every row.
 */
import type { LightboxImage } from './Lightbox';

export interface MessageActions {
  loadRemoteImages: boolean;
  /** Whether an @mention names a known speaker (then it is a button). */
  canFollowMention: (name: string) => boolean;
  onMention: (name: string) => void;
  onOpenImage: (image: LightboxImage) => void;
  /** The message a reply quotes: its id, or null when the archive does not hold it. */
  onOpenMessage: (id: number | null) => void;
  /** A thread (Slack), by the id of its first message. */
  onOpenThread: (id: number) => void;
}
