/**
 * The selection as plain text, one message per line as the text export writes it:
 * `2018-05-15 09:02:16 李雄峰: text`. Lines of a multi-line message follow on their own lines.
 */
import type { SelectedMessage } from './selection';

export function messageLine(message: SelectedMessage): string {
  const head = `${message.day} ${message.time}`;
  return message.speaker === ''
    ? `${head} ${message.text}`
    : `${head} ${message.speaker}: ${message.text}`;
}

export function selectionText(messages: readonly SelectedMessage[]): string {
  return [...messages]
    .sort((a, b) => a.id - b.id)
    .map(messageLine)
    .join('\n');
}
