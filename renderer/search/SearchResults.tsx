/**
 * The search results, virtualized like the day: only rows near the viewport are in the DOM, so
 * ↑/↓ answer as fast over 2,400 loaded hits as over ten. Hits are grouped by day under a header.
 * A resting pointer does not take the choice from the keyboard when the list scrolls under it:
 * only a pointer that really moves chooses a hit.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SearchHit } from '../../shared/api';
import { splitGroupCard } from '../../shared/archive/groupCard';
import { useKeptRow } from '../app/useKeptRow';
import { useT } from '../i18n/I18nContext';
import { displayHit, groupHits, snippet } from './searchModel';

type ResultRow =
  | { kind: 'group'; key: string; conversation: string; day: string }
  | { kind: 'hit'; key: string; hit: SearchHit; index: number };

export interface SearchResultsProps {
  hits: readonly SearchHit[];
  active: number;
  onActive: (index: number) => void;
  onOpen: (hit: SearchHit) => void;
  titleOf: (conversation: string) => string;
  /** Above the hits (summary, problems, chips) and below them (more), in the same scroll. */
  header: ReactNode;
  footer: ReactNode;
}

export function SearchResults(props: SearchResultsProps) {
  const { hits, active, onActive, onOpen, titleOf } = props;
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const list: ResultRow[] = [];
    let index = 0;
    for (const group of groupHits(hits)) {
      list.push({
        kind: 'group',
        key: `g${group.hits[0]!.id}`,
        conversation: group.conversation,
        day: group.day,
      });
      for (const hit of group.hits)
        list.push({ kind: 'hit', key: `h${hit.id}`, hit, index: index++ });
    }
    return list;
  }, [hits]);
  const rowOfHit = useMemo(() => {
    const at: number[] = [];
    rows.forEach((row, index) => row.kind === 'hit' && at.push(index));
    return at;
  }, [rows]);
  const activeRow = rowOfHit[active] ?? -1;
  const [margin, setMargin] = useState(0);
  // The header above the hits (summary, problems, chips) changes height with the answer.
  const header = props.header;
  useLayoutEffect(() => setMargin(canvasRef.current?.offsetTop ?? 0), [header]);
  // The chosen hit stays in the DOM: the search box names it (aria-activedescendant).
  const rangeExtractor = useKeptRow(activeRow);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'group' ? 30 : 74),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    scrollMargin: margin,
    rangeExtractor,
  });

  // The chosen hit is kept in view as ↑/↓ move.
  const keyboardMove = useRef(false);
  useEffect(() => {
    if (activeRow < 0 || !keyboardMove.current) return;
    keyboardMove.current = false;
    virtualizer.scrollToIndex(activeRow, { align: 'auto' });
  }, [activeRow, virtualizer]);
  useEffect(() => {
    keyboardMove.current = true;
  }, [active]);

  const pointer = useRef<{ x: number; y: number } | null>(null);
  const items = virtualizer.getVirtualItems();

  return (
    <div className="search-results" id="search-results" ref={scrollRef}>
      {props.header}
      <div
        ref={canvasRef}
        role="listbox"
        aria-label={t('search.label')}
        className="hit-canvas"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              className="virtual-row"
              data-index={item.index}
              ref={virtualizer.measureElement}
              role="presentation"
              style={{ transform: `translateY(${item.start - margin}px)` }}
            >
              {row.kind === 'group' ? (
                <div className="hit-group-header" role="presentation">
                  <span>{row.day}</span>
                  <span className="hit-group-conversation">{titleOf(row.conversation)}</span>
                </div>
              ) : (
                <HitRow
                  hit={row.hit}
                  index={row.index}
                  active={row.index === active}
                  group={`${titleOf(row.hit.conversation)} ${row.hit.day}`}
                  onOpen={onOpen}
                  onPointer={(event) => {
                    const moved =
                      pointer.current === null ||
                      pointer.current.x !== event.screenX ||
                      pointer.current.y !== event.screenY;
                    pointer.current = { x: event.screenX, y: event.screenY };
                    if (moved && row.index !== active) {
                      keyboardMove.current = false;
                      onActive(row.index);
                    }
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
      {props.footer}
    </div>
  );
}

function HitRow({
  hit,
  index,
  active,
  group,
  onOpen,
  onPointer,
}: {
  hit: SearchHit;
  index: number;
  active: boolean;
  group: string;
  onOpen: (hit: SearchHit) => void;
  onPointer: (event: { screenX: number; screenY: number }) => void;
}) {
  const t = useT();
  const shown = useMemo(
    () => displayHit(hit.text, hit.highlights, t('search.image')),
    [hit.text, hit.highlights, t],
  );
  const speaker = splitGroupCard(hit.speaker).name;
  return (
    <div
      id={`hit-${hit.id}`}
      role="option"
      aria-selected={active}
      title={group}
      data-hit-index={index}
      data-day={hit.day}
      className={`hit${active ? ' hit-active' : ''}`}
      onMouseMove={onPointer}
      onClick={() => onOpen(hit)}
    >
      <div className="hit-meta">
        <span className="hit-speaker">{speaker || '—'}</span>
        <span className="hit-time">{hit.time}</span>
      </div>
      <div className="hit-snippet">
        {snippet(shown.text, shown.highlights).map((part, i) =>
          part.highlight ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
        )}
      </div>
    </div>
  );
}
