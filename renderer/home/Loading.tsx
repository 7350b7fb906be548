/** Progress while an archive is listed, read and indexed. */
import type { ArchiveStatus } from '../../shared/api';
import { useT } from '../i18n/I18nContext';

export function Loading({ status }: { status: Extract<ArchiveStatus, { state: 'loading' }> }) {
  const t = useT();
  const fraction = status.total > 0 ? Math.min(1, status.done / status.total) : 0;
  const phase =
    status.phase === 'listing'
      ? t('loading.listing')
      : status.phase === 'reading'
        ? t('loading.reading')
        : t('loading.indexing');
  return (
    <main className="welcome">
      <div className="welcome-card">
        <h1>{t('loading.title')}</h1>
        <p className="loading-root">{status.root}</p>
        <progress
          className="progress"
          max={status.total > 0 ? status.total : undefined}
          value={status.total > 0 ? status.done : undefined}
          aria-label={phase}
        />
        <p className="loading-phase" aria-live="polite">
          {phase}
          {status.total > 0 &&
            ` · ${t('loading.progress', { done: status.done, total: status.total, percent: Math.round(fraction * 100) })}`}
        </p>
      </div>
    </main>
  );
}
