/**
 * Export the selection: pick a format; in the app a save dialog asks where, in the browser
 * (`scrollback serve`) a path box does. Shows where the file went, or why it did not.
 */
import { useState, type FormEvent } from 'react';
import type { ApiError, ExportFormat, ExportResult } from '../../shared/api';
import { api, transport } from '../api';
import { Dialog } from '../app/Dialog';
import { asApiError, errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { EXPORT_FORMATS, withExtension } from './exportPath';

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  md: 'export.formatMd',
  html: 'export.formatHtml',
  pdf: 'export.formatPdf',
  json: 'export.formatJson',
  csv: 'export.formatCsv',
  txt: 'export.formatTxt',
};

export function ExportDialog({ ids, onClose }: { ids: readonly number[]; onClose: () => void }) {
  const t = useT();
  const askPath = transport === 'http';
  const [format, setFormat] = useState<ExportFormat>('html');
  const [path, setPath] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (askPath && path.trim() === '') {
      setError({ code: 'invalid-argument', message: t('export.pathMissing') });
      return;
    }
    setWorking(true);
    setError(null);
    setResult(null);
    const target = askPath ? withExtension(path, format) : undefined;
    api
      .exportMessages({
        ids: [...ids],
        format,
        ...(target ? { path: target } : {}),
        ...(overwrite ? { overwrite: true } : {}),
      })
      .then(
        (value) => {
          setWorking(false);
          setResult(value);
        },
        (failure: unknown) => {
          setWorking(false);
          setError(asApiError(failure));
        },
      );
  };

  return (
    <Dialog
      title={t('export.title', { count: ids.length })}
      onClose={onClose}
      className="export-dialog"
    >
      <form onSubmit={submit} className="form">
        <fieldset className="format-choices">
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((choice) => (
            <label key={choice} className="radio">
              <input
                type="radio"
                name="format"
                value={choice}
                checked={format === choice}
                onChange={() => {
                  setFormat(choice);
                  if (path !== '') setPath(withExtension(path, choice));
                }}
              />
              <span>{t(FORMAT_LABELS[choice])}</span>
            </label>
          ))}
        </fieldset>
        {askPath && (
          <label className="field">
            <span>{t('export.path')}</span>
            <input
              type="text"
              value={path}
              placeholder={t('export.pathPlaceholder', { format })}
              onChange={(event) => setPath(event.target.value)}
              spellCheck={false}
            />
          </label>
        )}
        {(overwrite || error?.code === 'file-exists') && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={overwrite}
              onChange={(event) => setOverwrite(event.target.checked)}
            />
            <span>{t('export.overwrite')}</span>
          </label>
        )}
        <div role="status" aria-live="polite" className="export-status">
          {working && <p>{t('export.working')}</p>}
          {result &&
            (result.path === null ? (
              <p>{t('export.cancelled')}</p>
            ) : (
              <p className="export-done">
                {t('export.done', { count: result.messages, path: result.path })}
              </p>
            ))}
          {error && (
            <p className="form-problem">
              {errorSentence(error.code, t)} <span className="error-detail">{error.message}</span>
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            {result ? t('dialog.close') : t('dialog.cancel')}
          </button>
          <button
            type="submit"
            className="button button-accent"
            disabled={working || ids.length === 0}
          >
            {t('export.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
