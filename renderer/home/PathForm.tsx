/** A box to type an archive folder's path, for hosts without a folder dialog. */
import { useState } from 'react';
import { useT } from '../i18n/I18nContext';

export function PathForm({
  busy,
  onOpen,
  onCancel,
}: {
  busy: boolean;
  onOpen: (path: string) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [path, setPath] = useState('');
  return (
    <form
      className="path-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim() !== '') onOpen(path);
      }}
    >
      <label className="field">
        <span>{t('welcome.pathLabel')}</span>
        <input
          type="text"
          autoFocus
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder={t('welcome.pathPlaceholder')}
          spellCheck={false}
        />
      </label>
      <div className="dialog-actions">
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="button button-accent"
          disabled={busy || path.trim() === ''}
        >
          {t('welcome.open')}
        </button>
      </div>
    </form>
  );
}
