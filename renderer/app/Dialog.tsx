/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Esc closes it, and
 * assistive technology hears a dialog with its title.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n/I18nContext';
import { IconButton } from './IconButton';

export function Dialog({
  title,
  onClose,
  children,
  className,
  onKeyDown,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Keys anywhere in the dialog (its close button included), e.g. the lightbox's arrows. */
  onKeyDown?: (event: KeyboardEvent) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog-content">
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <IconButton label={t('dialog.close')} onClick={onClose}>
            ×
          </IconButton>
        </header>
        {children}
      </div>
    </dialog>
  );
}
