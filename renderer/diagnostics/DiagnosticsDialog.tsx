/** The files that could not be read, and why, so a user can fix or ignore them. */
import type { Diagnostic } from '../../shared/model';
import { api } from '../api';
import { Dialog } from '../app/Dialog';
import { errorSentence } from '../app/errors';
import { useApiQuery } from '../app/useApiQuery';
import { useT } from '../i18n/I18nContext';

export function DiagnosticsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const query = useApiQuery<Diagnostic[]>('diagnostics', () => api.getDiagnostics({}));
  const list = query.data ?? [];
  return (
    <Dialog title={t('diagnostics.title')} onClose={onClose} className="diagnostics-dialog">
      {query.error ? (
        <p className="form-problem">{errorSentence(query.error.code, t)}</p>
      ) : query.loading ? (
        <p>{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('diagnostics.empty')}</p>
      ) : (
        <>
          <p>{t('diagnostics.count', { count: list.length })}</p>
          <ul className="diagnostics-list" aria-label={t('diagnostics.title')}>
            {list.map((diagnostic, index) => (
              <li key={index}>
                <code className="diagnostic-path">
                  {diagnostic.path}
                  {diagnostic.line !== undefined && `:${diagnostic.line}`}
                </code>
                <span className="diagnostic-message">{diagnostic.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
