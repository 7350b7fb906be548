/**
 * Where a message was read: its own file and line and, when overlapping exports hold it too, the
 * copies folded into it, each with its file and line (getMessageSources), to copy and look up.
 */
import type { Message } from '../../shared/model';
import { api } from '../api';
import { Dialog } from '../app/Dialog';
import { errorSentence } from '../app/errors';
import { useApiQuery } from '../app/useApiQuery';
import { useT } from '../i18n/I18nContext';
import { copyToClipboard } from '../selection/copyToClipboard';

export function SourcesDialog({
  message,
  onNote,
  onClose,
}: {
  message: Message;
  onNote: (note: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const query = useApiQuery(`sources ${message.id}`, () =>
    api.getMessageSources({ id: message.id }).then((result) => result.sources),
  );
  const sources = query.data ?? [];
  const copy = (text: string) =>
    copyToClipboard(text).then(
      () => onNote(t('menu.sourceCopied')),
      () => onNote(t('selection.copyFailed')),
    );
  return (
    <Dialog title={t('sources.title')} onClose={onClose} className="sources-dialog">
      <p className="sources-message">
        {message.day} {message.time} {message.speaker}
      </p>
      {query.error ? (
        <p className="form-problem">{errorSentence(query.error.code, t)}</p>
      ) : query.loading && sources.length === 0 ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <p>
            {sources.length > 1
              ? t('sources.copies', { count: sources.length - 1 })
              : t('sources.one')}
          </p>
          <ul className="sources-list">
            {sources.map((source, index) => (
              <li key={`${source.path}:${source.line}`}>
                <code className="diagnostic-path">
                  {source.path}:{source.line}
                </code>
                {index === 0 && sources.length > 1 && (
                  <span className="sources-shown">{t('sources.shown')}</span>
                )}
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => void copy(`${source.path}:${source.line}`)}
                  aria-label={t('sources.copy', { source: `${source.path}:${source.line}` })}
                >
                  {t('selection.copy')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
