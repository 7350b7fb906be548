/** The app: settings and appearance, then the screen the archive's state calls for. */
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
  const { status, refresh, changes } = useArchiveStatus();

  let screen;
  if (status === null) screen = <main className="welcome" aria-busy="true" />;
  else if (status.state === 'loading') screen = <Loading status={status} />;
  else if (status.state === 'ready')
    screen = (
      <Reader
        key={status.archive.root}
        archive={status.archive}
        settings={settings}
        onSettings={update}
        changes={changes}
        onArchiveOpened={refresh}
      />
    );
  else
    screen = (
      <Welcome
        failure={status.state === 'failed' ? { root: status.root, error: status.error } : null}
        onOpened={refresh}
      />
    );

  return <I18nProvider locale={locale}>{screen}</I18nProvider>;
}
