/**
 * What a key does in the message list (a roving focus, as Signal's): arrows move one message,
 * PageUp/PageDown a screen, Home/End to either end, Space selects the focused message (Shift: a
 * range), the context-menu key or Shift+F10 opens its menu.
 */
export type ListKeyAction =
  | { kind: 'step'; offset: 1 | -1 }
  | { kind: 'page'; direction: 1 | -1 }
  | { kind: 'edge'; where: 'start' | 'end' }
  | { kind: 'select'; range: boolean }
  | { kind: 'menu' };

export function listKeyAction(event: { key: string; shiftKey: boolean }): ListKeyAction | null {
  switch (event.key) {
    case 'ArrowDown':
      return { kind: 'step', offset: 1 };
    case 'ArrowUp':
      return { kind: 'step', offset: -1 };
    case 'PageDown':
      return { kind: 'page', direction: 1 };
    case 'PageUp':
      return { kind: 'page', direction: -1 };
    case 'Home':
      return { kind: 'edge', where: 'start' };
    case 'End':
      return { kind: 'edge', where: 'end' };
    case ' ':
      return { kind: 'select', range: event.shiftKey };
    case 'ContextMenu':
      return { kind: 'menu' };
    case 'F10':
      return event.shiftKey ? { kind: 'menu' } : null;
    default:
      return null;
  }
}
