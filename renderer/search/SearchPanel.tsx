/**
 * The search box at the top of the left column and, while it holds a query, the results in place
 * of the conversation list (as in WeChat). Arrow keys move through results, Enter opens one, Esc
 * empties the box. Facet chips append in:/from:/during: terms to narrow the query. Further pages
 * load at the end of the list: scrolled to, ↓ past the last result, or "Show more".
 */
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { SearchHit } from '../../shared/api';
import { emojiFor } from '../../shared/text/tokens';
import { errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import { appendTerm, facetTerm, groupHits, snippet, type FacetKind } from './searchModel';
import { queryProblemSentence } from './queryProblems';
import { SearchMore } from './SearchMore';
import { useSearch } from './useSearch';
import { useSearchPages } from './useSearchPages';

export interface SearchPanelProps {
  query: string;
  onQuery: (query: string) => void;
  /** Bumped by any change on disk: the results are fetched again. */
  changed: number;
  onOpen: (hit: SearchHit) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  titleOf: (conversation: string) => string;
  children: ReactNode;
}

/** Emoji shortcodes in a snippet as the emoji they stand for (unknown ones stay text). */
function withEmoji(text: string): string {
  return text.replace(/\[([^[\]\s]{1,8})\]/g, (whole, name: string) => emojiFor(name) ?? whole);
}

export function SearchPanel({
  query,
  onQuery,
  changed,
  onOpen,
  inputRef,
  titleOf,
  children,
}: SearchPanelProps) {
  const t = useT();
  const search = useSearch(query, changed);
  const pages = useSearchPages(search.data, search.dataKey);
  const { hits, more, loadMore } = pages;
  const groups = useMemo(() => groupHits(hits), [hits]);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  // ↓ on the last result while the next page loads: move onto it once it is here.
  const advance = useRef(false);
  const open = query.trim() !== '';

  useEffect(() => {
    advance.current = false;
    setActive(0);
  }, [search.data]);
  useEffect(() => {
    if (!advance.current) return;
    advance.current = false;
    setActive((index) => Math.min(index + 1, hits.length - 1));
  }, [hits.length]);
  useEffect(() => {
    listRef.current
      ?.querySelector(`[data-hit-index="${active}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [active]);

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
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        onOpen(hit);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onQuery('');
    }
  };

  const facets = search.data?.facets;
  const chip = (kind: FacetKind, value: string, label: string, count: number) => (
    <button
      key={`${kind}:${value}`}
      type="button"
      className="chip"
      onClick={() => onQuery(appendTerm(query, facetTerm(kind, value)))}
      title={facetTerm(kind, value)}
    >
      {label} <span className="chip-count">{count}</span>
    </button>
  );

  let index = 0;
  return (
    <div className="search-panel">
      <div className="search-box" role="search">
        <span className="search-icon" aria-hidden="true" />
        <input
          ref={inputRef}
          type="search"
          value={query}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          aria-controls="search-results"
          aria-activedescendant={open && hits[active] ? `hit-${hits[active]!.id}` : undefined}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {!open ? (
        children
      ) : (
        <div className="search-results" id="search-results" ref={listRef}>
          <p className="search-summary" aria-live="polite">
            {search.error
              ? errorSentence(search.error.code, t)
              : search.loading && !search.data
                ? t('common.loading')
                : t('search.results', { count: search.data?.total ?? 0 })}
          </p>
          {search.data?.problems.map((problem, index) => (
            <p key={index} className="search-problem">
              {queryProblemSentence(problem, t)}
            </p>
          ))}
          {facets && search.data!.total > 0 && (
            <div className="chips" aria-label={t('search.facets')}>
              {facets.conversations.length > 1 &&
                facets.conversations
                  .slice(0, 6)
                  .map((f) => chip('conversation', f.id, titleOf(f.id), f.count))}
              {facets.speakers
                .slice(0, 6)
                .map((f) => chip('speaker', f.name, f.name.split('-')[0] ?? f.name, f.count))}
              {facets.months.length > 1 &&
                facets.months.slice(0, 6).map((f) => chip('month', f.month, f.month, f.count))}
            </div>
          )}
          <div role="listbox" aria-label={t('search.label')}>
            {groups.map((group) => (
              <div
                key={group.hits[0]!.id}
                role="group"
                aria-label={`${titleOf(group.conversation)} ${group.day}`}
                className="hit-group"
              >
                <div className="hit-group-header">
                  <span>{group.day}</span>
                  <span className="hit-group-conversation">{titleOf(group.conversation)}</span>
                </div>
                {group.hits.map((hit) => {
                  const at = index++;
                  return (
                    <div
                      key={hit.id}
                      id={`hit-${hit.id}`}
                      role="option"
                      aria-selected={at === active}
                      data-hit-index={at}
                      className={`hit${at === active ? ' hit-active' : ''}`}
                      onMouseEnter={() => setActive(at)}
                      onClick={() => onOpen(hit)}
                    >
                      <div className="hit-meta">
                        <span className="hit-speaker">{hit.speaker.split('-')[0] || '—'}</span>
                        <span className="hit-time">{hit.time}</span>
                      </div>
                      <div className="hit-snippet">
                        {snippet(hit.text, hit.highlights).map((part, i) =>
                          part.highlight ? (
                            <mark key={i}>{part.text}</mark>
                          ) : (
                            <span key={i}>{withEmoji(part.text)}</span>
                          ),
                        )}
                      </div>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          {search.data && (
            <SearchMore
              shown={hits.length}
              total={search.data.total}
              more={more}
              loading={pages.loadingMore}
              error={pages.moreError}
              onMore={loadMore}
            />
          )}
        </div>
      )}
    </div>
  );
}
