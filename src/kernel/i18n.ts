import i18next from 'i18next';
import type { MessageParams } from './errors.js';
import { MESSAGES } from './messages.js';

export const LOCALES = ['th', 'zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function resources(): Record<Locale, { translation: Record<string, string> }> {
  const out = { th: { translation: {} }, zh: { translation: {} }, en: { translation: {} } } as Record<Locale, { translation: Record<string, string> }>;
  for (const [code, text] of Object.entries(MESSAGES)) {
    for (const locale of LOCALES) out[locale].translation[code] = text[locale];
  }
  return out;
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: resources(),
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export function hasMessage(code: string): boolean {
  return Object.hasOwn(MESSAGES, code);
}

/** The message for `code` in `locale`; an unknown code falls back to the code itself, which tests catch. */
export function translate(code: string, locale: Locale, params: MessageParams = {}): string {
  return i18n.t(code, { lng: locale, ...params, defaultValue: code });
}

/**
 * Picks th, zh or en from an Accept-Language header, honouring q-values.
 * Every Chinese tag (zh, zh-CN, zh-Hans, zh-TW) maps to simplified Chinese for now (api.md).
 */
export function negotiateLocale(header: string | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { primary } of ranked) if (isLocale(primary)) return primary;
  return fallback;
}
