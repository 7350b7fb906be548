/** JSON.parse for one value of an export, with the one repair real exports need. */
import { errorMessage } from '../../errors';

/**
 * Telegram Desktop writes control characters as `\x0B`, which JSON does not allow: read them as
 * the `\u000B` they stand for (an escaped backslash before the x is left alone).
 */
export function repairHexEscapes(json: string): string {
  return json.replace(/(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})/g, '$1\\u00$2');
}

/** JSON.parse, reading Telegram's `\x` escapes when plain JSON.parse refuses the text. */
export function parseJson(json: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(json) };
  } catch (error) {
    const repaired = repairHexEscapes(json);
    if (repaired !== json) {
      try {
        return { value: JSON.parse(repaired) };
      } catch {
        // The first error says more about the text as written.
      }
    }
    return { error: errorMessage(error) };
  }
}
