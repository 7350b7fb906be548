/**
 * The search box at the top of the left column and, while it holds a query, the results in place
 * of the conversation list (as in WeChat). ↑/↓ choose a result, Enter opens it; Enter again (or
 * Shift+Enter) steps to the next (previous) result in the conversation, as Telegram does. Esc
 * empties the box. Facet chips append in:/from:/during: terms to narrow the query. Further pages
 * load at the end of the list: scrolled to, ↓ past the last result, or "Show more".
 */
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { SearchHit } from '../../shared/api';
import { errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import { queryProblemSentence } from './queryProblems';
import {
  appendTerm,
  facetTerm,
  newestMonths,
  speakerChips,
  type FacetKind,
  type SearchState,
} from './searchModel';
import { SearchMore } from './SearchMore';
import { SearchResults } from './SearchResults';

const CHIPS = 6;

export interface SearchPanelProps {
  query: string;
  onQuery: (query: string) => void;
  search: SearchState;
  onOpen: (hit: SearchHit) => void;
  /** The result opened in the conversation, and stepping from it (+1 older, -1 newer). */
  openedId: number | null;
  onStep: (direction: 1 | -1) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  titleOf: (conversation: string) => string;
  children: ReactNode;
}

export function SearchPanel(props: SearchPanelProps) {
  const { query, onQuery, search, onOpen, openedId, inputRef, titleOf } = props;
  const t = useT();
  const { hits, more, loadMore, result } = search;
  const [active, setActive] = useState(0);
  const [allMonths, setAllMonths] = useState(false);
  // ↓ on the last result while the next page loads: move onto it once it is here.
  const advance = useRef(false);
  const open = query.trim() !== '';

  useEffect(() => {
    advance.current = false;
    setActive(0);
    setAllMonths(false);
  }, [result]);
  useEffect(() => {
    if (!advance.current) return;
    advance.current = false;
    setActive((index) => Math.min(index + 1, hits.length - 1));
  }, [hits.length]);
  // Enter pressed before the results of what is typed have come: the first of them opens when
  // they come, never a result of the words typed before.
  const enterPending = useRef(false);
  const fresh = search.current;
  useEffect(() => {
    if (!enterPending.current || !fresh) return;
    enterPending.current = false;
    if (hits[0]) onOpen(hits[0]);
  }, [fresh, hits, onOpen]);
  // Stepping from the conversation moves the choice here too.
  useEffect(() => {
    if (openedId === null) return;
    const at = hits.findIndex((hit) => hit.id === openedId);
    if (at >= 0) setActive(at);
  }, [openedId, hits]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      if (event.key === 'ArrowDown' && active === hits.length - 1 && more) {
        advance.current = true;
        loadMore();
        return;
      }
      setActive(
        (index) => (index + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length,
      );
    } else if (event.key === 'Enter') {
      if (!search.current && !event.shiftKey) {
        event.preventDefault();
        enterPending.current = true;
        return;
      }
      const hit = hits[active];
      if (!hit) return;
      event.preventDefault();
      if (event.shiftKey) props.onStep(-1);
      else if (hit.id === openedId) props.onStep(1);
      else onOpen(hit);
    } else if (event.key === 'Escape') {
      enterPending.current = false;
      event.preventDefault();
      event.stopPropagation();
      onQuery('');
    }
  };

  const facets = result?.facets;
  const chip = (kind: FacetKind, value: string, label: string, count: number) => (
    <button
      key={`${kind}:${value}`}
      type="button"
      className="chip"
      onClick={() => onQuery(appendTerm(query, facetTerm(kind, value)))}
      title={facetTerm(kind, value)}
    >
      {label} <span className="chip-count">{t('common.number', { count })}</span>
    </button>
  );
  const months = facets ? newestMonths(facets.months) : [];
  const total = result?.total ?? 0;

  const header = (
    <>
      <p className="search-summary" aria-live="polite">
        {search.error
          ? errorSentence(search.error.code, t)
          : result === undefined
            ? t('search.searching')
            : t('search.results', { count: total })}
      </p>
      {result?.problems.map((problem, index) => (
        <p key={index} className="search-problem">
          {queryProblemSentence(problem, t)}
        </p>
      ))}
      {facets && total > 0 && (
        <div className="chips" role="group" aria-label={t('search.facets')}>
          {facets.conversations.length > 1 &&
            facets.conversations
              .slice(0, CHIPS)
              .map((f) => chip('conversation', f.id, titleOf(f.id), f.count))}
          {speakerChips(facets.speakers)
            .slice(0, CHIPS)
            .map((f) => chip('speaker', f.value, f.label, f.count))}
          {months.length > 1 &&
            (allMonths ? months : months.slice(0, CHIPS)).map((f) =>
              chip('month', f.month, f.month, f.count),
            )}
          {months.length > CHIPS && (
            <button
              type="button"
              className="chip chip-more"
              aria-expanded={allMonths}
              onClick={() => setAllMonths((shown) => !shown)}
            >
              {allMonths
                ? t('search.fewerMonths')
                : t('search.moreMonths', { count: months.length - CHIPS })}
            </button>
          )}
        </div>
      )}
    </>
  );

  return (
    <div className="search-panel">
      <div className="search-box" role="search" id="search">
        <span className="search-icon" aria-hidden="true" />
        <input
          ref={inputRef}
          type="search"
          value={query}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          aria-controls={open ? 'search-results' : undefined}
          aria-activedescendant={open && hits[active] ? `hit-${hits[active]!.id}` : undefined}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {!open ? (
        props.children
      ) : (
        <SearchResults
          hits={hits}
          active={active}
          onActive={setActive}
          onOpen={onOpen}
          titleOf={titleOf}
          header={header}
          footer={
            result && (
              <SearchMore
                shown={hits.length}
                total={total}
                more={more}
                loading={search.loadingMore}
                error={search.moreError}
                onMore={loadMore}
              />
            )
          }
        />
      )}
    </div>
  );
}
