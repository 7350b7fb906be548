/**
 * Plain text, one message per line: `2018-05-15 09:02:16 李雄峰: text`. The further lines of a
 * multi-line message are indented by four spaces, so a reader (or a script) tells them from the
 * next message; so are the lines saying what else the message carries (`↪ reply to Ana: …`,
 * `📎 photo.jpg (image, 52 KB): …`, reactions, edits: see describe.ts), after its text. An event
 * (a system line) is written `2018-05-15 09:02:16 * Ana joined the group`. A speakerless message
 * has no name and no colon. When the export spans several conversations, a line `== title ==`
 * opens each one.
 */
import type { Message } from '../model';
import { conversationsOf, conversationTitle, type ExportContext } from './context';
import { describeMessage, eventNamesSpeaker, type DescribedMessage } from './describe';

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

/**
 * One message as text lines (joined with \n). Fields beyond day, time, speaker and text are
 * written when present.
 */
function formatTextMessage(message: DescribedMessage & Pick<Message, 'day' | 'time'>): string {
  const textLines = message.text === '' ? [] : message.text.replace(/\r\n?/g, '\n').split('\n');
  const [first = '', ...rest] = [...textLines, ...describeMessage(message)];
  const stamp = `${message.day} ${message.time}`;
  let lead: string;
  if (message.kind === 'event') {
    // `* Ana: joined`, or `* Ana` for an event with no sentence.
    const colon = message.text === '' ? '' : ':';
    lead = eventNamesSpeaker(message) ? `${stamp} * ${message.speaker}${colon}` : `${stamp} *`;
  } else lead = message.speaker === '' ? stamp : `${stamp} ${message.speaker}:`;
  return [
    first === '' ? lead : `${lead} ${first}`,
    ...rest.map((line) => CONTINUATION + line),
  ].join('\n');
}
