/**
 * The end of the search results: how many are shown of how many, and a "Show more" button that
 * loads the next page. Scrolling the button into view loads it too.
 */
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../shared/api';
import { errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';

export interface SearchMoreProps {
  shown: number;
  total: number;
  more: boolean;
  loading: boolean;
  error: ApiError | null;
  onMore: () => void;
}

export function SearchMore({ shown, total, more, loading, error, onMore }: SearchMoreProps) {
  const t = useT();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const latest = useRef(onMore);
  latest.current = onMore;

  // Reaching the end of the list by scrolling asks for the next page (not again after an error).
  useEffect(() => {
    const button = buttonRef.current;
    if (!button || !more || error || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, [more, error, shown]);

  if (!more) return null;
  // The button keeps its name and stays enabled while a page loads: focus stays on it, and a
  // second press asks for the same page, which is not sent twice.
  return (
    <div className="search-more">
      <span aria-live="polite">
        {t('search.shown', { shown, total })}
        {loading && ` · ${t('common.loading')}`}
      </span>
      {error && <span className="search-problem">{errorSentence(error.code, t)}</span>}
      <button
        ref={buttonRef}
        type="button"
        className="search-more-button"
        onClick={onMore}
        aria-busy={loading}
      >
        {t('search.showMore')}
      </button>
    </div>
  );
}
