/**
 * What a message offers to do beyond its text: follow a mention, open an image, go to the
 * message a reply quotes, open a thread. The reader gives one set of these to every row, with
 * the rest a row needs from it (selection, colours, "me", the menu), wherever rows are shown.
 */
import type { Message } from '../../shared/model';
import type { ClickMode } from '../selection/selection';
import type { LightboxImage } from './Lightbox';
import type { MenuPosition } from './MessageRow';

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

/** What a list of messages needs from the reader, in the day's list and in a thread alike. */
export interface RowContext {
  isSelected: (id: number) => boolean;
  /** Any message is selected: checkboxes stay visible. */
  selecting: boolean;
  personOf: (speaker: string) => string;
  isMine: (speaker: string) => boolean;
  onSelect: (message: Message, mode: ClickMode) => void;
  onMenu: (message: Message, position: MenuPosition) => void;
  actions: MessageActions;
}
