/** Applies the theme to the document and follows the system's dark mode and language. */
import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/api';
import type { Locale } from '../i18n/i18n';
import { resolveLocale, resolveTheme } from './appearance';

function systemPrefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export function useAppearance(settings: Settings): { theme: 'light' | 'dark'; locale: Locale } {
  const [prefersDark, setPrefersDark] = useState(systemPrefersDark);

  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = () => setPrefersDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  const theme = resolveTheme(settings.theme, prefersDark);
  const locale = resolveLocale(settings.locale, navigator.languages ?? [navigator.language]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return { theme, locale };
}
