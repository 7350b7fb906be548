/** The bar that appears while messages are selected: the count, Copy, Export and Clear (Esc). */
import { useT } from '../i18n/I18nContext';

export function SelectionBar({
  count,
  note,
  onCopy,
  onExport,
  onClear,
}: {
  count: number;
  note: string | null;
  onCopy: () => void;
  onExport: () => void;
  onClear: () => void;
}) {
  const t = useT();
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selection.toolbar')}>
      <span className="selection-count" aria-live="polite">
        {t('selection.count', { count })}
      </span>
      {note && <span className="selection-note">{note}</span>}
      <span className="selection-spacer" />
      <button type="button" className="button" onClick={onCopy} title="Ctrl/Cmd+C">
        {t('selection.copy')}
      </button>
      <button type="button" className="button button-accent" onClick={onExport}>
        {t('selection.export')}
      </button>
      <button type="button" className="button button-quiet" onClick={onClear} title="Esc">
        {t('selection.clear')}
      </button>
    </div>
  );
}
