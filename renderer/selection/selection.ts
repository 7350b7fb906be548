/**
 * Selected messages, as a reducer. Selection spans days and views (a range picked in one day,
 * more added from a search), so it keeps each whole message for copying, keyed by id (an id
 * never names another message while the archive is open: shared/model.ts).
 */
import { compareMessages, type Message } from '../../shared/model';

export interface SelectionState {
  selected: ReadonlyMap<number, Message>;
  /** The message a Shift-click range starts from: the last one clicked. */
  anchor: number | null;
}

export const EMPTY_SELECTION: SelectionState = { selected: new Map(), anchor: null };

/** How a click on a message's time or checkbox was made. */
export type ClickMode = 'single' | 'toggle' | 'range';

export type SelectionAction =
  /** `order` is the messages of the current view, in display order (for ranges). */
  | { type: 'click'; message: Message; mode: ClickMode; order: readonly Message[] }
  | { type: 'add'; messages: readonly Message[] }
  | { type: 'clear' };

export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  switch (action.type) {
    case 'clear':
      return state.selected.size === 0 && state.anchor === null ? state : EMPTY_SELECTION;
    case 'add': {
      const selected = new Map(state.selected);
      for (const message of action.messages) selected.set(message.id, message);
      return { selected, anchor: state.anchor };
    }
    case 'click':
      return click(state, action.message, action.mode, action.order);
  }
}

function click(
  state: SelectionState,
  message: Message,
  mode: ClickMode,
  order: readonly Message[],
): SelectionState {
  if (mode === 'range' && state.anchor !== null) {
    const range = rangeBetween(order, state.anchor, message.id);
    if (range) {
      const selected = new Map(state.selected);
      for (const item of range) selected.set(item.id, item);
      return { selected, anchor: state.anchor };
    }
  }
  if (mode === 'toggle' || mode === 'range') {
    const selected = new Map(state.selected);
    if (selected.has(message.id)) selected.delete(message.id);
    else selected.set(message.id, message);
    return { selected, anchor: message.id };
  }
  // A plain click selects just this message; clicking the only selected one clears it.
  if (state.selected.size === 1 && state.selected.has(message.id)) return EMPTY_SELECTION;
  return { selected: new Map([[message.id, message]]), anchor: message.id };
}

/**
 * The messages from `from` to `to` inclusive, in either direction, as `order` lists them; null
 * when either is not in the view (the anchor was in another day).
 */
export function rangeBetween<T extends { id: number }>(
  order: readonly T[],
  from: number,
  to: number,
): T[] | null {
  const start = order.findIndex((item) => item.id === from);
  const end = order.findIndex((item) => item.id === to);
  if (start === -1 || end === -1) return null;
  return order.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** The click mode a mouse event asks for: Shift extends, Ctrl (Cmd on macOS) toggles. */
export function clickMode(event: {
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): ClickMode {
  if (event.shiftKey) return 'range';
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return 'single';
}

/** Selected messages in reading order (the order exports write them in). */
export function selectedInOrder(state: SelectionState): Message[] {
  return [...state.selected.values()].sort(compareMessages);
}
