/**
 * A Telegram message's text: a string, or an array of plain strings and entities
 * (`{"type": "bold", "text": "…"}`); `text_entities` is the same as an array always. The plain
 * text is the entities' texts joined; formatting and links become styles over it.
 */
import type { TextStyle } from '../../model';
import { isObject, stringOf, type JsonObject } from '../json/values';

const STYLES: Readonly<Record<string, TextStyle['kind']>> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strikethrough: 'strike',
  code: 'code',
  pre: 'pre',
  spoiler: 'spoiler',
  blockquote: 'quote',
  text_link: 'link',
};

export interface StyledText {
  text: string;
  styles: TextStyle[];
}

export function readText(message: JsonObject): StyledText {
  const parts = Array.isArray(message.text_entities) ? message.text_entities : message.text;
  if (typeof parts === 'string') return { text: parts, styles: [] };
  if (!Array.isArray(parts)) return { text: '', styles: [] };
  let text = '';
  const styles: TextStyle[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (!isObject(part)) continue;
    const piece = stringOf(part.text) ?? '';
    const kind = STYLES[stringOf(part.type) ?? ''];
    if (kind && piece !== '') {
      const style: TextStyle = { kind, start: text.length, end: text.length + piece.length };
      const href = stringOf(part.href);
      if (kind === 'link' && href) style.href = href;
      styles.push(style);
    }
    text += piece;
  }
  return { text, styles };
}
