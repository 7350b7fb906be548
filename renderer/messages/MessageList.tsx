/**
 * The message list, virtualized: only rows near the viewport are in the DOM, each measured as it
 * renders, so a day of 10,000 messages opens and scrolls like a day of ten. It is one Tab stop:
 * arrow keys move between messages (a roving focus, as Signal does), Home/End/PageUp/PageDown
 * scroll exactly, Space selects, the context-menu key opens a message's menu. It opens where the
 * route says (a scroll anchor, the end, or a focused message in the middle) and reports where it
 * is scrolled, and a floating button jumps to the latest message.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Anchor } from '../app/route';
import { useKeptRow } from '../app/useKeptRow';
import { useT } from '../i18n/I18nContext';
import {
  atEnd,
  firstInView,
  readAnchor,
  rowElement,
  scrollToEdge,
  settleOnRow,
} from './listScroll';
import type { RowContext } from './actions';
import { listKeyAction } from './listKeys';
import { MessageItem } from './MessageItem';
import { estimateRowHeight, type Row } from './rows';

export interface MessageListProps extends RowContext {
  rows: readonly Row[];
  label: string;
  /** A message to land on in the middle and highlight (a search result, a link). */
  focusMessage: number | null;
  /** Where the matched words are in the focused message's text. */
  focusHighlights: readonly [number, number][];
  /** Where to open: the route's anchor (wins over landing on the focused message). */
  anchor: Anchor | null;
  onAnchor: (anchor: Anchor | null) => void;
  multiDay: boolean;
  /** Called when the end of the list comes near (to load the next page). */
  onNearEnd?: () => void;
  /** Whether this list ends with the conversation's latest message. */
  endsAtLatest: boolean;
  /** Goes to the conversation's latest message (when this list does not end there). */
  onLatest: () => void;
}

const ANCHOR_DELAY_MS = 150;

export function MessageList(props: MessageListProps) {
  const { rows, label, focusMessage, anchor, onAnchor, onNearEnd, endsAtLatest, onLatest } = props;
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  // In one pass over the rows (10,000 on a long day): the rows of messages in order, each row's
  // place among them (-1 for a divider), and each row's estimated height. A message's row is
  // looked for only for the few ids that need one (the active, focused and anchor messages).
  const { messageIndexes, positions, estimates } = useMemo(() => {
    const indexes: number[] = [];
    const places = new Int32Array(rows.length).fill(-1);
    const heights = new Float64Array(rows.length);
    rows.forEach((row, index) => {
      heights[index] = estimateRowHeight(row);
      if (row.kind !== 'message') return;
      places[index] = indexes.length;
      indexes.push(index);
    });
    return { messageIndexes: indexes, positions: places, estimates: heights };
  }, [rows]);
  const rowOf = (id: number | null) =>
    id === null ? -1 : rows.findIndex((row) => row.kind === 'message' && row.message.id === id);
  const [active, setActive] = useState<number | null>(focusMessage);
  const activeIndex = rowOf(active);
  // The active message stays rendered, even scrolled away, so that focus never falls out of the list.
  const rangeExtractor = useKeptRow(activeIndex);
  // Stable while the rows are: the virtualizer measures all rows again (10,000 estimates on a
  // long day) whenever these change identity, which an inline function does on every render.
  const estimateSize = useCallback((index: number) => estimates[index] ?? 40, [estimates]);
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    rangeExtractor,
  });
  const [atBottom, setAtBottom] = useState(false);

  // Open where the route says: the anchor, else the focused message, else the top.
  const focusIndex = rowOf(focusMessage);
  const opened = useRef(false);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    if (!opened.current) {
      opened.current = true;
      if (anchor === 'end') {
        void scrollToEdge(scroller, 'end');
        return;
      }
      if (anchor !== null) {
        const index = rowOf(anchor.message);
        if (index >= 0) {
          void settleOnRow(scroller, virtualizer, index, anchor.message, anchor);
          return;
        }
      }
    } else if (anchor !== null) return;
    if (focusIndex >= 0 && focusMessage !== null) {
      setActive(focusMessage);
      void settleOnRow(scroller, virtualizer, focusIndex, focusMessage, 'center');
    }
    // Where to open is decided once, when the list (keyed by what it shows) mounts; afterwards
    // only a new focused message moves it. `rows` is read for that first decision only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusIndex, focusMessage, virtualizer]);

  // Where the list is, once scrolling pauses: for the route, the jump button and the Tab stop.
  const anchorTimer = useRef<number | undefined>(undefined);
  const onScroll = () => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    setAtBottom(atEnd(scroller));
    window.clearTimeout(anchorTimer.current);
    anchorTimer.current = window.setTimeout(() => {
      onAnchor(readAnchor(scroller, virtualizer, rows));
      if (!scroller.contains(document.activeElement))
        setActive(firstInView(scroller, virtualizer, rows));
    }, ANCHOR_DELAY_MS);
  };
  useEffect(() => () => window.clearTimeout(anchorTimer.current), []);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (scroller) setAtBottom(atEnd(scroller));
  }, [rows.length]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && lastIndex >= rows.length - 20) onNearEnd();
  }, [lastIndex, rows.length, onNearEnd]);

  // Moving the roving focus: the row is brought into view, then focused once it is rendered.
  const pendingFocus = useRef<number | null>(null);
  const moveTo = (index: number, align: 'auto' | 'start' | 'end' = 'auto') => {
    const row = rows[index];
    if (row?.kind !== 'message') return;
    setActive(row.message.id);
    pendingFocus.current = row.message.id;
    virtualizer.scrollToIndex(index, { align });
  };
  useEffect(() => {
    const id = pendingFocus.current;
    const scroller = scrollRef.current;
    if (id === null || !scroller) return;
    const row = rowElement(scroller, id)?.querySelector<HTMLElement>('[role="listitem"]');
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const scroller = scrollRef.current;
    if (!scroller || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    const at = activeIndex < 0 ? -1 : positions[activeIndex]!;
    const step = (offset: number) => {
      const next = messageIndexes[Math.max(0, Math.min(messageIndexes.length - 1, at + offset))];
      if (next !== undefined) moveTo(next);
    };
    const page = async (direction: 1 | -1) => {
      scroller.scrollTop += direction * Math.max(40, scroller.clientHeight - 48);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const id = firstInView(scroller, virtualizer, rows);
      if (id !== null) {
        setActive(id);
        pendingFocus.current = id;
      }
    };
    const edge = async (where: 'start' | 'end') => {
      await scrollToEdge(scroller, where);
      const index =
        where === 'start' ? messageIndexes[0] : messageIndexes[messageIndexes.length - 1];
      if (index !== undefined) moveTo(index, where);
    };
    const row = rows[activeIndex];
    const action = listKeyAction(event);
    if (action === null) return;
    if (action.kind === 'step') step(action.offset);
    else if (action.kind === 'page') void page(action.direction);
    else if (action.kind === 'edge') void edge(action.where);
    else if (row?.kind !== 'message') return;
    else if (action.kind === 'select') {
      if (row.message.kind === 'event' || target.closest('button, a')) return;
      props.onSelect(row.message, action.range ? 'range' : 'toggle');
    } else {
      const box = rowElement(scroller, row.message.id)?.getBoundingClientRect();
      props.onMenu(row.message, { x: (box?.left ?? 0) + 80, y: (box?.top ?? 0) + 24 });
    }
    event.preventDefault();
  };

  // Without an active message, the first one in view is the Tab stop.
  const tabStop = active ?? (items.length > 0 ? firstMessageOf(rows, items) : null);
  const showLatest = rows.length > 0 && (!atBottom || !endsAtLatest);

  return (
    <div className="message-frame">
      <div className="message-scroll" ref={scrollRef} onScroll={onScroll} id="messages">
        <div
          className="message-canvas"
          role="list"
          aria-label={label}
          onKeyDown={onKeyDown}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = rows[item.index]!;
            const id = row.kind === 'message' ? row.message.id : undefined;
            return (
              <div
                key={item.key}
                className="virtual-row"
                role="presentation"
                data-index={item.index}
                data-message-id={id}
                ref={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.kind === 'divider' ? (
                  <div className="time-divider">
                    <span>{row.day ? `${row.day} ${row.time}` : row.time}</span>
                  </div>
                ) : (
                  <MessageItem
                    message={row.message}
                    person={props.personOf(row.message.speaker)}
                    mine={props.isMine(row.message.speaker)}
                    selected={props.isSelected(row.message.id)}
                    selecting={props.selecting}
                    focused={row.message.id === focusMessage}
                    highlights={row.message.id === focusMessage ? props.focusHighlights : NONE}
                    tabStop={row.message.id === tabStop}
                    showDay={props.multiDay}
                    position={positions[item.index]! + 1}
                    count={messageIndexes.length}
                    onSelect={props.onSelect}
                    onMenu={props.onMenu}
                    onFocusRow={setActive}
                    actions={props.actions}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {showLatest && (
        <button
          type="button"
          className="jump-latest"
          onClick={() => {
            const scroller = scrollRef.current;
            if (endsAtLatest && scroller) void scrollToEdge(scroller, 'end');
            else onLatest();
          }}
          aria-label={t('messages.jumpLatest')}
          title={t('messages.jumpLatest')}
        >
          <span className="jump-latest-arrow" aria-hidden="true" />
        </button>
      )}
    </div>
  );
}

const NONE: readonly [number, number][] = [];

function firstMessageOf(rows: readonly Row[], items: readonly { index: number }[]): number | null {
  for (const item of items) {
    const row = rows[item.index];
    if (row?.kind === 'message') return row.message.id;
  }
  return null;
}
