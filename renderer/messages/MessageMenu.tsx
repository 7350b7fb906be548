/**
 * A message's menu, opened by a right click or the context-menu key: copy its text, copy a link
 * to it, select it (an event is not selected), and where it comes from: its file and line,
 * copied on click, or every file and line it was read from ("Show source"). A menu as the
 * platform's are: arrow keys move, Enter chooses, Esc or a click elsewhere closes, and focus
 * returns where it was.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Message } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import type { MenuPosition } from './MessageRow';

export interface MessageMenuProps {
  message: Message;
  position: MenuPosition;
  selected: boolean;
  onCopyText: () => void;
  onCopyLink: () => void;
  onSelect: () => void;
  onCopySource: () => void;
  onShowSources: () => void;
  onClose: () => void;
}

export function MessageMenu(props: MessageMenuProps) {
  const { message, position, onClose } = props;
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState(position);
  const returnTo = useRef<Element | null>(null);

  // Kept inside the window, and focused on its first item.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    returnTo.current = document.activeElement;
    const box = menu.getBoundingClientRect();
    setPlace({
      x: Math.max(4, Math.min(position.x, window.innerWidth - box.width - 4)),
      y: Math.max(4, Math.min(position.y, window.innerHeight - box.height - 4)),
    });
    menu.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [position]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus({ preventScroll: true });
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : items.length - 1;
      items[(at + step) % items.length]?.focus();
    } else if (event.key === 'Home') items[0]?.focus();
    else if (event.key === 'End') items[items.length - 1]?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const item = (label: string, run: () => void, extra?: string) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="menu-item"
      onClick={() => {
        run();
        onClose();
      }}
    >
      <span>{label}</span>
      {extra && <span className="menu-detail">{extra}</span>}
    </button>
  );

  return (
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={t('menu.label')}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
    >
      {item(t('menu.copyText'), props.onCopyText)}
      {item(t('menu.copyLink'), props.onCopyLink)}
      {message.kind !== 'event' &&
        item(props.selected ? t('menu.unselect') : t('menu.select'), props.onSelect)}
      {item(t('menu.copySource'), props.onCopySource, `${message.path}:${message.line}`)}
      {item(
        t('menu.showSources'),
        props.onShowSources,
        message.copies ? t('menu.copies', { count: message.copies }) : undefined,
      )}
    </div>
  );
}
