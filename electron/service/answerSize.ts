/**
 * A bound on the size of one API answer. Each transport turns the answer into one string or
 * message (JSON over HTTP, a structured clone over IPC); one huge message in an archive must
 * become a clear error rather than a string longer than V8 allows or a renderer out of memory.
 */

/** Most characters of JSON one answer may take: 64 Mi (about 64 MB of mostly-ASCII JSON). */
export const MAX_ANSWER_CHARACTERS = 64 * 1024 * 1024;

/**
 * Whether `value` written as JSON would take more than `limit` characters. Counts without
 * writing anything and stops as soon as the limit is passed. It never counts more than the JSON
 * takes (numbers count as one character, escapes not at all), and strings, which make up nearly
 * all of a large answer, count in full; a string of control characters may take up to six times
 * its count, still far below V8's limit.
 */
export function jsonLongerThan(value: unknown, limit: number): boolean {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length + 2;
    else if (Array.isArray(item)) {
      total += item.length + 1;
      for (let index = 0; index < item.length; index++) stack.push(item[index]);
    } else if (typeof item === 'object' && item !== null) {
      total += 1;
      for (const key in item) {
        const element = (item as Record<string, unknown>)[key];
        if (element === undefined) continue;
        total += key.length + 4;
        stack.push(element);
      }
    } else total += 1; // a number, a boolean or null: one character at least
    if (total > limit) return true;
  }
  return false;
}
