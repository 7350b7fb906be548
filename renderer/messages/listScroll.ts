/**
 * Scrolling the virtualized message list exactly. Rows are measured only as they render, so the
 * list's height changes under a jump to its end or to a message: each jump is repeated frame by
 * frame, against what the DOM shows, until it holds. Where the list is scrolled is read back as
 * an anchor (the first message in view and how far it is scrolled past), for the route.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import type { Anchor } from '../app/route';
import type { Row } from './rows';

const MAX_FRAMES = 30;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Whether the list shows its last pixel. */
export function atEnd(scroller: HTMLElement): boolean {
  return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
}

/** Scrolls to the very top or bottom, again each frame until the measured rows stop moving it. */
export async function scrollToEdge(scroller: HTMLElement, edge: 'start' | 'end'): Promise<void> {
  let steady = 0;
  for (let frame = 0; frame < MAX_FRAMES && steady < 2; frame++) {
    const target = edge === 'start' ? 0 : scroller.scrollHeight - scroller.clientHeight;
    if (Math.abs(scroller.scrollTop - target) < 1) steady++;
    else {
      steady = 0;
      scroller.scrollTop = target;
    }
    await nextFrame();
  }
}

/** The row element of a message, if it is rendered. */
export function rowElement(scroller: HTMLElement, id: number): HTMLElement | null {
  return scroller.querySelector<HTMLElement>(`.virtual-row[data-message-id="${id}"]`);
}

/**
 * Brings a message's row to `offset` px above the top of the list (0: its top at the top), or
 * to the middle, and keeps it there while the rows around it are measured.
 */
export async function settleOnRow(
  scroller: HTMLElement,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  index: number,
  id: number,
  place: { offset: number } | 'center',
): Promise<void> {
  virtualizer.scrollToIndex(index, { align: place === 'center' ? 'center' : 'start' });
  let steady = 0;
  for (let frame = 0; frame < MAX_FRAMES && steady < 2; frame++) {
    await nextFrame();
    const row = rowElement(scroller, id);
    if (!row) {
      virtualizer.scrollToIndex(index, { align: place === 'center' ? 'center' : 'start' });
      continue;
    }
    const top = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const wanted =
      place === 'center'
        ? Math.max(0, (scroller.clientHeight - row.offsetHeight) / 2)
        : -place.offset;
    const delta = top - wanted;
    const limit = scroller.scrollHeight - scroller.clientHeight;
    const blocked =
      (delta < 0 && scroller.scrollTop <= 0) || (delta > 0 && scroller.scrollTop >= limit - 1);
    if (Math.abs(delta) < 1 || blocked) steady++;
    else {
      steady = 0;
      scroller.scrollTop += delta;
    }
  }
}

/** Where the list is scrolled: null at the top, 'end' at the bottom, else the first message in view. */
export function readAnchor(
  scroller: HTMLElement,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  rows: readonly Row[],
): Anchor | null {
  if (scroller.scrollTop <= 0) return null;
  if (atEnd(scroller)) return 'end';
  const top = scroller.scrollTop;
  for (const item of virtualizer.getVirtualItems()) {
    const row = rows[item.index];
    if (row?.kind !== 'message' || item.end <= top) continue;
    return { message: row.message.id, offset: Math.max(0, Math.round(top - item.start)) };
  }
  return null;
}

/** The first message whose row is wholly in view (or the first partly in view). */
export function firstInView(
  scroller: HTMLElement,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  rows: readonly Row[],
): number | null {
  const top = scroller.scrollTop;
  let partly: number | null = null;
  for (const item of virtualizer.getVirtualItems()) {
    const row = rows[item.index];
    if (row?.kind !== 'message' || item.end <= top) continue;
    if (item.start >= top - 1) return row.message.id;
    partly ??= row.message.id;
  }
  return partly;
}
