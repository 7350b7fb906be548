import { decodeHTML } from 'entities';

/**
 * Decodes HTML entities in message text. The exporter sometimes escaped text twice
 * (`Spring&amp;#160;Boot`), so a second pass decodes what the first one uncovered.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeHTML(text);
  return once.includes('&') ? decodeHTML(once) : once;
}
