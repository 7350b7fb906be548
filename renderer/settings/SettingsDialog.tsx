/** Settings: theme, language, who "I" am, echo duplicates, remote images, the speaker sidebar. */
import type { Settings } from '../../shared/api';
import type { PersonRow } from '../speakers/people';
import { Dialog } from '../app/Dialog';
import { useT } from '../i18n/I18nContext';

export interface SettingsDialogProps {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  people: readonly PersonRow[];
  onClose: () => void;
}

export function SettingsDialog({ settings, onChange, people, onClose }: SettingsDialogProps) {
  const t = useT();
  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings-dialog">
      <div className="form">
        <fieldset className="segmented-field">
          <legend>{t('settings.theme')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('settings.theme')}>
            {(['system', 'light', 'dark'] as const).map((theme) => (
              <button
                key={theme}
                type="button"
                role="radio"
                aria-checked={settings.theme === theme}
                onClick={() => onChange({ theme })}
              >
                {t(
                  theme === 'system'
                    ? 'settings.themeSystem'
                    : theme === 'light'
                      ? 'settings.themeLight'
                      : 'settings.themeDark',
                )}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="segmented-field">
          <legend>{t('settings.language')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
            {(['system', 'en', 'zh-CN'] as const).map((locale) => (
              <button
                key={locale}
                type="button"
                role="radio"
                aria-checked={settings.locale === locale}
                onClick={() => onChange({ locale })}
              >
                {locale === 'system'
                  ? t('settings.languageSystem')
                  : locale === 'en'
                    ? 'English'
                    : '简体中文'}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span>{t('settings.me')}</span>
          <select
            value={settings.me ?? ''}
            onChange={(event) =>
              onChange({ me: event.target.value === '' ? null : event.target.value })
            }
          >
            <option value="">{t('settings.meNone')}</option>
            {settings.me !== null && !people.some((person) => person.id === settings.me) && (
              <option value={settings.me}>{settings.me}</option>
            )}
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.names.join(' / ')}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.showEchoes}
            onChange={(event) => onChange({ showEchoes: event.target.checked })}
          />
          <span>
            {t('settings.showEchoes')}
            <small>{t('settings.showEchoesHint')}</small>
          </span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.loadRemoteImages}
            onChange={(event) => onChange({ loadRemoteImages: event.target.checked })}
          />
          <span>
            {t('settings.loadRemoteImages')}
            <small>{t('settings.loadRemoteImagesHint')}</small>
          </span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.showSpeakers}
            onChange={(event) => onChange({ showSpeakers: event.target.checked })}
          />
          <span>{t('settings.showSpeakers')}</span>
        </label>
        <div className="shortcuts">
          <h3>{t('settings.shortcuts')}</h3>
          <dl>
            <dt>Ctrl/Cmd+F</dt>
            <dd>{t('shortcut.search')}</dd>
            <dt>[ ]</dt>
            <dd>{t('shortcut.days')}</dd>
            <dt>Shift/Ctrl/Cmd + {t('shortcut.click')}</dt>
            <dd>{t('shortcut.select')}</dd>
            <dt>Ctrl/Cmd+C</dt>
            <dd>{t('shortcut.copy')}</dd>
            <dt>Esc</dt>
            <dd>{t('shortcut.escape')}</dd>
          </dl>
        </div>
      </div>
    </Dialog>
  );
}
