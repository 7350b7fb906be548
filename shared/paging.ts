/**
 * One paging style for every list the API pages (a day's messages, a person's, search results):
 * a page of `limit` items, and a cursor string to pass back for the next one. The cursor is the
 * position of the next page's first item, written in decimal; callers treat it as opaque.
 */

/** Where a page starts: 0 for no cursor or one that is not a position. */
export function pageStart(cursor: string | undefined): number {
  if (cursor === undefined || !/^\d{1,9}$/.test(cursor)) return 0;
  return Number(cursor);
}

/** The cursor of the page after [start, start + limit) of `total` items, or undefined. */
export function nextCursor(start: number, limit: number, total: number): string | undefined {
  return start + limit < total ? String(start + limit) : undefined;
}
