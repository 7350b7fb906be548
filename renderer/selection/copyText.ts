/**
 * The selection as plain text, exactly as the text export writes it (shared/export/text.ts):
 * `2018-05-15 09:02:16 李雄峰: text`, further lines of a message indented by four spaces.
 */
import { formatTextMessage } from '../../shared/export/text';
import type { SelectedMessage } from './selection';

export function selectionText(messages: readonly SelectedMessage[]): string {
  return [...messages]
    .sort((a, b) => a.id - b.id)
    .map(formatTextMessage)
    .join('\n');
}
