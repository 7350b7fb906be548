/**
 * Keyboard shortcuts that work anywhere in the reader: Ctrl/Cmd+F to search, [ and ] for the
 * previous and next day, Esc to clear the selection (then the person filter), and Ctrl/Cmd+C to
 * copy the selected messages when no text is selected (text selection copies as usual).
 */
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  focusSearch: () => void;
  previousDay: () => void;
  nextDay: () => void;
  /** Returns whether it did something (so Esc can fall through to the next thing to clear). */
  escape: () => boolean;
  /** The text to copy for Ctrl/Cmd+C, or null to let the browser copy as usual. */
  copyText: () => string | null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  // Handlers change every render; the listeners are installed once and read the latest.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = event.ctrlKey || event.metaKey;
      if (command && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        latest.current.focusSearch();
        return;
      }
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'Escape' && !isTyping(event.target)) {
        if (latest.current.escape()) event.preventDefault();
        return;
      }
      if (command || event.altKey || isTyping(event.target)) return;
      if (event.key === '[') {
        event.preventDefault();
        latest.current.previousDay();
      } else if (event.key === ']') {
        event.preventDefault();
        latest.current.nextDay();
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      if (hasTextSelection() || isTyping(event.target) || isTyping(document.activeElement)) return;
      const text = latest.current.copyText();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
    };
  }, []);
}
