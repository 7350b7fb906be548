/**
 * Export the selection: pick a format; in the app a save dialog asks where, in the browser
 * (`scrollback serve`) a path box does. In the browser the full path the file will get (`~` and
 * relative paths start at the home folder, a folder gets a file name) shows under the box as it
 * is typed, and nothing is written to a path the dialog has not shown. Shows where the file went,
 * or why it did not.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError, ExportFormat, ExportResult, ExportTarget } from '../../shared/api';
import { api, transport } from '../api';
import { Dialog } from '../app/Dialog';
import { asApiError, errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { EXPORT_FORMATS, idBounds, withExtension } from './exportPath';

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  md: 'export.formatMd',
  html: 'export.formatHtml',
  pdf: 'export.formatPdf',
  json: 'export.formatJson',
  csv: 'export.formatCsv',
  txt: 'export.formatTxt',
};

/** Typing settles this long before the full path is asked for. */
const RESOLVE_DELAY_MS = 250;

/** Where the typed path leads, for the text and format it was asked for. */
interface ShownTarget {
  typed: string;
  format: ExportFormat;
  target: ExportTarget | null;
  error: ApiError | null;
}

export function ExportDialog({ ids, onClose }: { ids: readonly number[]; onClose: () => void }) {
  const t = useT();
  const askPath = transport === 'http';
  const [format, setFormat] = useState<ExportFormat>('html');
  const [path, setPath] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState<ShownTarget | null>(null);

  const resolveTarget = (typed: string, chosen: ExportFormat): Promise<ShownTarget> =>
    api.resolveExportPath({ path: typed, format: chosen, ...idBounds(ids) }).then(
      (target) => ({ typed, format: chosen, target, error: null }),
      (failure: unknown) => ({ typed, format: chosen, target: null, error: asApiError(failure) }),
    );

  // The full path, shown as the user types (the browser cannot know the server's folders).
  useEffect(() => {
    if (!askPath || path.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void resolveTarget(path, format).then((next) => {
        if (current) setShown(next);
      });
    }, RESOLVE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // resolveTarget reads ids too, which do not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [askPath, path, format]);

  const isCurrent = (candidate: ShownTarget | null): candidate is ShownTarget =>
    candidate !== null && candidate.typed === path && candidate.format === format;
  const current = isCurrent(shown) ? shown : null;

  const write = (target: string | undefined) => {
    setWorking(true);
    setError(null);
    setResult(null);
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!askPath) return write(undefined);
    if (path.trim() === '') {
      setError({ code: 'invalid-argument', message: t('export.pathMissing') });
      return;
    }
    // Shown already: write there, unless what was shown is a refusal.
    if (current) {
      if (current.target?.problem === null) write(current.target.path);
      return;
    }
    // Not shown yet: write at once only where the typed text already was the full path (less
    // the extension the format adds); otherwise show where it leads and wait for a second press.
    setWorking(true);
    void resolveTarget(path, format).then((next) => {
      setWorking(false);
      setShown(next);
      const literal = path.trim();
      const resolved = next.target?.path;
      if (
        next.target?.problem === null &&
        (resolved === literal || resolved === `${literal}.${format}`)
      )
        write(resolved);
    });
  };

  const target = current?.target ?? null;
  const problem = current?.error ?? target?.problem ?? null;
  const mayReplace = target !== null && target.exists && target.problem === null;

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
                  setError(null);
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
              onChange={(event) => {
                setPath(event.target.value);
                // What an earlier path met says nothing about this one.
                setError(null);
              }}
              spellCheck={false}
            />
            {target && (
              <small className="export-target" data-path={target.path}>
                {mayReplace
                  ? t(overwrite ? 'export.targetReplaces' : 'export.targetExists', {
                      path: target.path,
                    })
                  : t('export.target', { path: target.path })}
              </small>
            )}
          </label>
        )}
        {(mayReplace || (!askPath && (overwrite || error?.code === 'file-exists'))) && (
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
          {(error ?? problem) && (
            <p className="form-problem">
              {errorSentence((error ?? problem)!.code, t)}{' '}
              <span className="error-detail">{(error ?? problem)!.message}</span>
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
