/**
 * Plain text, one message per line: `2018-05-15 09:02:16 李雄峰: text`. The further lines of a
 * multi-line message are indented by four spaces, so a reader (or a script) tells them from the
 * next message. A speakerless message has no name and no colon. When the export spans several
 * conversations, a line `== title ==` opens each one.
 */
import type { Message } from '../model';
import { conversationsOf, conversationTitle, type ExportContext } from './context';

const CONTINUATION = '    ';

export function formatText(messages: readonly Message[], context: ExportContext): string {
  const several = conversationsOf(messages).length > 1;
  const lines: string[] = [];
  let conversation: string | null = null;
  for (const message of messages) {
    if (several && message.conversation !== conversation) {
      if (conversation !== null) lines.push('');
      conversation = message.conversation;
      lines.push(`== ${conversationTitle(context, conversation)} ==`);
    }
    lines.push(formatTextMessage(message));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** One message as text lines (joined with \n), for exports and for copying a selection. */
export function formatTextMessage(
  message: Pick<Message, 'day' | 'time' | 'speaker' | 'text'>,
): string {
  const [first = '', ...rest] = message.text.replace(/\r\n?/g, '\n').split('\n');
  const lead =
    message.speaker === ''
      ? `${message.day} ${message.time}`
      : `${message.day} ${message.time} ${message.speaker}:`;
  return [
    first === '' ? lead : `${lead} ${first}`,
    ...rest.map((line) => CONTINUATION + line),
  ].join('\n');
}
