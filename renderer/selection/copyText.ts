/**
 * The selection as plain text, exactly as the text export writes it (shared/export/text.ts), in
 * the one order of messages (shared/model.ts compareMessages) and without the file's last line
 * break: `2018-05-15 09:02:16 李雄峰: text`, further lines of a message (and what it carries:
 * a reply, files, reactions) indented by four spaces, `== title ==` before each conversation when
 * the selection spans several.
 */
import { conversationsOf, plainContext } from '../../shared/export/context';
import { formatText } from '../../shared/export/text';
import { compareMessages, type Message } from '../../shared/model';

export function selectionText(
  messages: readonly Message[],
  titleOf: (conversation: string) => string = (conversation) => conversation,
): string {
  const ordered = [...messages].sort(compareMessages);
  const context = {
    ...plainContext(''),
    conversationTitles: new Map(conversationsOf(ordered).map((id) => [id, titleOf(id)])),
  };
  return formatText(ordered, context).replace(/\n$/, '');
}
