/**
 * Settings: theme, language, who "I" am, text size, echo duplicates, remote images, the speaker
 * sidebar, and the time zone of times stored only as instants.
 */
import type { Settings } from '../../shared/api';
import type { PersonRow } from '../speakers/people';
import { Dialog } from '../app/Dialog';
import { useT } from '../i18n/I18nContext';
import { PersonPicker, TimeZonePicker } from './pickers';

const TEXT_SIZES = [0.9, 1, 1.15, 1.3, 1.5];

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
        <PersonPicker
          label={t('settings.me')}
          people={people}
          value={settings.me}
          onChange={(me) => onChange({ me })}
        />
        <fieldset className="segmented-field">
          <legend>{t('settings.textSize')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('settings.textSize')}>
            {TEXT_SIZES.map((size) => (
              <button
                key={size}
                type="button"
                role="radio"
                aria-checked={settings.textSize === size}
                onClick={() => onChange({ textSize: size })}
              >
                {t('common.percent', { percent: Math.round(size * 100) })}
              </button>
            ))}
          </div>
        </fieldset>
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
        <TimeZonePicker value={settings.timeZone} onChange={(timeZone) => onChange({ timeZone })} />
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
            <dt>↑ ↓ Home End PgUp PgDn</dt>
            <dd>{t('shortcut.messages')}</dd>
            <dt>Space, Shift+F10</dt>
            <dd>{t('shortcut.messageKeys')}</dd>
            <dt>Enter, Shift+Enter</dt>
            <dd>{t('shortcut.results')}</dd>
            <dt>Esc</dt>
            <dd>{t('shortcut.escape')}</dd>
          </dl>
        </div>
      </div>
    </Dialog>
  );
}
