/**
 * UI strings in English and Simplified Chinese. `en.ts` defines the keys; `zh-CN.ts` must give
 * every one of them (its type says so), and the i18n test checks both use the same
 * `{placeholders}`. Numbers are written the locale's way (12,345), and a key with a `.one`
 * twin takes it for a count of one ("1 result").
 */
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'en' | 'zh-CN';

export const CATALOGS: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** `{name}` placeholders replaced by values; unknown placeholders stay visible, to be noticed. */
export function formatMessage(
  template: string,
  values?: Record<string, string | number>,
  formatNumber: (value: number) => string = String,
): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name]!;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  const numbers = new Intl.NumberFormat(locale);
  return (key, values) => {
    const one = `${key}.one`;
    const chosen = values?.count === 1 && one in catalog ? (one as MessageKey) : key;
    return formatMessage(catalog[chosen], values, (value) => numbers.format(value));
  };
}

export type { MessageKey };
