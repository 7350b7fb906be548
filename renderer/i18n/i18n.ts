/**
 * UI strings in English and Simplified Chinese. `en.ts` defines the keys; `zh-CN.ts` must give
 * every one of them (its type says so), and the i18n test checks both are complete and use the
 * same `{placeholders}`.
 */
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'en' | 'zh-CN';

export const CATALOGS: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** `{name}` placeholders replaced by values; unknown placeholders stay visible, to be noticed. */
export function formatMessage(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, values) => formatMessage(catalog[key] ?? en[key], values);
}

export type { MessageKey };
