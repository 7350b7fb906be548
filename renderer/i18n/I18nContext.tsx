/** The active language for components: `useT()` gives the translate function. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, type Locale, type Translate } from './i18n';

const I18nContext = createContext<{ locale: Locale; t: Translate }>({
  locale: 'en',
  t: createTranslator('en'),
});

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The active language, for what Intl formats (sizes, durations, zone names). */
export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}
