/**
 * Opens a link the user clicked in the system browser through the API (the app never navigates
 * its own window away); where the host cannot (a browser tab under `serve`), a new tab with no
 * access back to this page.
 */
import type { MouseEvent } from 'react';
import { api } from '../api';

export function openLink(event: MouseEvent, href: string): void {
  event.preventDefault();
  if (!/^https?:\/\//i.test(href)) return;
  api.openExternal({ url: href }).then(
    ({ opened }) => {
      if (!opened) window.open(href, '_blank', 'noopener,noreferrer');
    },
    () => window.open(href, '_blank', 'noopener,noreferrer'),
  );
}
