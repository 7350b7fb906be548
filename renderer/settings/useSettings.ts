/**
 * The user's settings: read once from the service, changed optimistically, saved there, and
 * followed when they change elsewhere (the app's View menu).
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/api';
import { api, onApiEvent } from '../api';

/** Changes settings; resolves once they are saved (or kept for the session when they cannot be). */
export type UpdateSettings = (patch: Partial<Settings>) => Promise<void>;

export function useSettings(): { settings: Settings; update: UpdateSettings } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    api.getSettings({}).then(setSettings, () => {
      // Defaults are a fine way to read; the service will say what is wrong on the next call.
    });
    return onApiEvent((event) => {
      if (event.type === 'settings') setSettings(event.settings);
    });
  }, []);

  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    return api.setSettings(patch).then(
      (saved) => {
        setSettings(saved);
        // The page's Content-Security-Policy is fixed when it loads (the host sends it), so remote
        // images start or stop loading only after a reload; the route in the hash keeps the place.
        if (patch.loadRemoteImages !== undefined) window.location.reload();
      },
      () => {
        // Kept for this session even when it could not be saved.
      },
    );
  }, []);

  return { settings, update };
}
