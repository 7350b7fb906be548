/**
 * The app: settings and appearance, then the screen the archive's state calls for. An archive
 * that is open stays open while another is being opened, and when that fails: the reader shows
 * the progress and the failure in its "Open another folder" dialog.
 */
import { useState } from 'react';
import type { ArchiveInfo } from '../../shared/api';
import { I18nProvider } from '../i18n/I18nContext';
import { Loading } from '../home/Loading';
import { Welcome } from '../home/Welcome';
import { useAppearance } from '../settings/useAppearance';
import { useSettings } from '../settings/useSettings';
import { Reader } from './Reader';
import { useArchiveStatus } from './useArchiveStatus';

export function App() {
  const { settings, update } = useSettings();
  const { locale } = useAppearance(settings);
  const { status, refresh, reread, changes } = useArchiveStatus();
  // The last archive that was ready in this page.
  const [shown, setShown] = useState<ArchiveInfo | null>(null);
  if (status?.state === 'ready' && status.archive !== shown) setShown(status.archive);

  let screen;
  if (status === null) screen = <main className="welcome" aria-busy="true" />;
  else if (status.state === 'ready' || (shown !== null && status.state !== 'empty')) {
    const archive = status.state === 'ready' ? status.archive : shown!;
    screen = (
      <Reader
        key={archive.root}
        archive={archive}
        pending={status.state === 'loading' || status.state === 'failed' ? status : null}
        settings={settings}
        onSettings={update}
        changes={changes}
        onArchiveOpened={refresh}
        onReread={reread}
      />
    );
  } else if (status.state === 'loading') screen = <Loading status={status} />;
  else
    screen = (
      <Welcome
        failure={status.state === 'failed' ? { root: status.root, error: status.error } : null}
        onOpened={refresh}
      />
    );

  return <I18nProvider locale={locale}>{screen}</I18nProvider>;
}
