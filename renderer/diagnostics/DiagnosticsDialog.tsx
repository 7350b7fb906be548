/**
 * The files that could not be read, and why, so a user can fix or ignore them. They are grouped
 * by reason, the rarest first, so that 300 files with one small problem do not bury the one file
 * with another; each group shows its first files and opens to show them all.
 */
import { useMemo, useState } from 'react';
import { groupDiagnostics, type DiagnosticGroup } from '../../shared/diagnostics';
import type { Diagnostic } from '../../shared/model';
import { api } from '../api';
import { Dialog } from '../app/Dialog';
import { errorSentence } from '../app/errors';
import { useApiQuery } from '../app/useApiQuery';
import { useT } from '../i18n/I18nContext';

/** Files shown of a group before it is opened. */
const FIRST = 3;

export function DiagnosticsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const query = useApiQuery<Diagnostic[]>('diagnostics', () => api.getDiagnostics({}));
  const list = query.data;
  const groups = useMemo(() => groupDiagnostics(list ?? []), [list]);
  return (
    <Dialog title={t('diagnostics.title')} onClose={onClose} className="diagnostics-dialog">
      {query.error ? (
        <p className="form-problem">{errorSentence(query.error.code, t)}</p>
      ) : !list ? (
        <p>{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('diagnostics.empty')}</p>
      ) : (
        <>
          <p>{t('diagnostics.count', { count: list.length, reasons: groups.length })}</p>
          <ul className="diagnostic-groups" aria-label={t('diagnostics.title')}>
            {groups.map((group) => (
              <Group key={group.reason} group={group} />
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}

function Group({ group }: { group: DiagnosticGroup }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const count = group.diagnostics.length;
  const shown = open ? group.diagnostics : group.diagnostics.slice(0, FIRST);
  return (
    <li className="diagnostic-group">
      <h3 className="diagnostic-reason">
        <span>{group.reason}</span>
        <span className="diagnostic-count">{t('diagnostics.files', { count })}</span>
      </h3>
      <ul className="diagnostics-list">
        {shown.map((diagnostic, index) => (
          <li key={index}>
            <code className="diagnostic-path">
              {diagnostic.path}
              {diagnostic.line !== undefined && `:${diagnostic.line}`}
            </code>
            {diagnostic.message !== group.reason && (
              <span className="diagnostic-message">{diagnostic.message}</span>
            )}
          </li>
        ))}
      </ul>
      {count > FIRST && (
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('diagnostics.fewer') : t('diagnostics.more', { count: count - FIRST })}
        </button>
      )}
    </li>
  );
}
