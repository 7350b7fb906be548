/** Which theme and language the settings ask for, given what the system prefers. */
import type { Settings } from '../../shared/api';
import type { Locale } from '../i18n/i18n';

export function resolveTheme(
  setting: Settings['theme'],
  systemPrefersDark: boolean,
): 'light' | 'dark' {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

/** Chinese for any zh* system language, English otherwise, unless the user picked one. */
export function resolveLocale(
  setting: Settings['locale'],
  systemLanguages: readonly string[],
): Locale {
  if (setting !== 'system') return setting;
  for (const language of systemLanguages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
