/** What shows with no archive open: open a folder, or the sample archive to look around. */
import iconUrl from '../../assets/icon/icon.svg';
import type { ApiError } from '../../shared/api';
import { errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import { PathForm } from './PathForm';
import { useOpenArchive } from './useOpenArchive';

export function Welcome({
  failure,
  onOpened,
}: {
  failure: { root: string; error: ApiError } | null;
  onOpened: () => void;
}) {
  const t = useT();
  const open = useOpenArchive(onOpened);
  const error = open.error ?? failure?.error ?? null;
  return (
    <main className="welcome">
      <div className="welcome-card">
        <img className="welcome-logo" src={iconUrl} alt="" width={72} height={72} />
        <h1>{t('welcome.title')}</h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
        {open.askPath ? (
          <PathForm busy={open.busy} onOpen={open.openPath} onCancel={open.cancel} />
        ) : (
          <div className="welcome-actions">
            <button
              type="button"
              className="button button-accent button-large"
              onClick={open.chooseFolder}
              disabled={open.busy}
            >
              {t('welcome.openFolder')}
            </button>
            <button
              type="button"
              className="button button-large"
              onClick={open.openSample}
              disabled={open.busy}
            >
              {t('welcome.openSample')}
            </button>
          </div>
        )}
        {error && (
          <p className="form-problem" role="alert">
            {failure && !open.error ? t('welcome.failed', { path: failure.root }) + ' ' : ''}
            {errorSentence(error.code, t)} <span className="error-detail">{error.message}</span>
          </p>
        )}
      </div>
    </main>
  );
}
