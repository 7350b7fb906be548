/**
 * The bar over an opened search result, as Telegram shows one: which result of how many in this
 * conversation, and buttons (or ↑/↓ on the bar, Enter/Shift+Enter in the search box) to step.
 */
import type { KeyboardEvent } from 'react';
import { useT } from '../i18n/I18nContext';
import { IconButton } from '../app/IconButton';

export function HitStepper({
  position,
  total,
  onStep,
  onClose,
}: {
  position: number;
  total: number;
  /** +1: the next, older result; -1: the previous, newer one. */
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
}) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowUp') onStep(-1);
    else if (event.key === 'ArrowDown') onStep(1);
    else return;
    event.preventDefault();
  };
  return (
    <div className="hit-stepper" role="toolbar" aria-label={t('hits.label')} onKeyDown={onKeyDown}>
      <span aria-live="polite">{t('hits.position', { position, total })}</span>
      <span className="hit-stepper-spacer" />
      <IconButton
        label={t('hits.newer')}
        shortcut="Shift+Enter"
        disabled={position <= 1}
        onClick={() => onStep(-1)}
      >
        ⌃
      </IconButton>
      <IconButton
        label={t('hits.older')}
        shortcut="Enter"
        disabled={position >= total}
        onClick={() => onStep(1)}
      >
        ⌄
      </IconButton>
      <IconButton label={t('dialog.close')} onClick={onClose}>
        ×
      </IconButton>
    </div>
  );
}
