/**
 * Keyboard shortcuts that work anywhere in the reader: Ctrl/Cmd+F to search, [ and ] for the
 * previous and next day, Esc to clear the selection (then the person filter), Ctrl/Cmd+C to copy
 * the selected messages when no text is selected (text selection copies as usual). In the
 * browser (`scrollback serve`) also Ctrl/Cmd+O and Ctrl/Cmd+E, and Ctrl/Cmd+= / - / 0 for the
 * text size, which the app's own menu does there.
 */
import { useEffect, useRef } from 'react';
import { transport } from '../api';

export interface ShortcutHandlers {
  focusSearch: () => void;
  previousDay: () => void;
  nextDay: () => void;
  /** Returns whether it did something (so Esc can fall through to the next thing to clear). */
  escape: () => boolean;
  /** The text to copy for Ctrl/Cmd+C, or null to let the browser copy as usual. */
  copyText: () => string | null;
  openFolder: () => void;
  exportSelection: () => void;
  /** +1 larger, -1 smaller, 0 back to normal. */
  zoom: (step: 1 | -1 | 0) => void;
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

/** Keys the app's menu answers in the desktop app; only the page answers them in a browser. */
const BROWSER_ONLY: Record<string, (handlers: ShortcutHandlers) => void> = {
  o: (handlers) => handlers.openFolder(),
  e: (handlers) => handlers.exportSelection(),
  '=': (handlers) => handlers.zoom(1),
  '+': (handlers) => handlers.zoom(1),
  '-': (handlers) => handlers.zoom(-1),
  '0': (handlers) => handlers.zoom(0),
};

export function useShortcuts(handlers: ShortcutHandlers): void {
  // Handlers change every render; the listeners are installed once and read the latest.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && !event.altKey && key === 'f') {
        event.preventDefault();
        latest.current.focusSearch();
        return;
      }
      if (document.querySelector('dialog[open]')) return;
      const browserOnly = BROWSER_ONLY[key];
      if (command && !event.altKey && transport === 'http' && browserOnly) {
        event.preventDefault();
        browserOnly(latest.current);
        return;
      }
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
