/**
 * What is open over the reader, as one piece of state: a dialog, a message's menu, a message's
 * sources, and which failed or pending open of another folder the user has dismissed.
 */
import { useState } from 'react';
import type { ArchiveStatus } from '../../shared/api';
import type { Message } from '../../shared/model';
import type { MenuPosition } from '../messages/MessageRow';

export type DialogName = 'settings' | 'export' | 'diagnostics' | 'gallery' | null;
export type PendingOpen = Extract<ArchiveStatus, { state: 'loading' | 'failed' }> | null;

export interface Overlays {
  dialog: DialogName;
  setDialog: (dialog: DialogName) => void;
  menu: { message: Message; position: MenuPosition } | null;
  setMenu: (menu: Overlays['menu']) => void;
  sources: Message | null;
  setSources: (message: Message | null) => void;
  /** An open under way or failed shows in the dialog until the user closes it. */
  dismissed: PendingOpen;
  setDismissed: (pending: PendingOpen) => void;
}

export function useOverlays(): Overlays {
  const [dialog, setDialog] = useState<DialogName>(null);
  const [menu, setMenu] = useState<Overlays['menu']>(null);
  const [sources, setSources] = useState<Message | null>(null);
  const [dismissed, setDismissed] = useState<PendingOpen>(null);
  return { dialog, setDialog, menu, setMenu, sources, setSources, dismissed, setDismissed };
}
