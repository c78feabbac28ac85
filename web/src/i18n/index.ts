import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import base_en from './en.json' with { type: 'json' };
import gtc_en from './gtc.en.json' with { type: 'json' };
import gtc_th from './gtc.th.json' with { type: 'json' };
import gtc_zh from './gtc.zh.json' with { type: 'json' };
import spine_en from './spine.en.json' with { type: 'json' };
import spine_th from './spine.th.json' with { type: 'json' };
import spine_zh from './spine.zh.json' with { type: 'json' };
import base_th from './th.json' with { type: 'json' };
import base_zh from './zh.json' with { type: 'json' };

// Feature areas keep their texts in files of their own (distinct top-level keys), merged here.
const th = { ...base_th, ...gtc_th, ...spine_th };
const zh = { ...base_zh, ...gtc_zh, ...spine_zh };
const en = { ...base_en, ...gtc_en, ...spine_en };

export const LANGUAGES = ['th', 'zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Names in their own script, so everyone can find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { th: 'ไทย', zh: '中文', en: 'English' };

const STORAGE_KEY = 'saphan.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user picked on this device, if any. */
export function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'th';
}

/** The key of a name in `{th, zh, en}` objects from the API. */
export function pick(names: { th: string; zh: string; en: string }, language: Language = currentLanguage()): string {
  return names[language];
}

/** BCP 47 tag for Intl formatting (Thai dates in the Buddhist calendar, as Thai users expect). */
export function intlLocale(language: Language = currentLanguage()): string {
  return language === 'th' ? 'th-TH' : language === 'zh' ? 'zh-CN' : 'en-GB';
}

export function formatDateTime(iso: string, language: Language = currentLanguage()): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`, no time zone) as people read it: in Thai, the Buddhist-era year (31 ธ.ค. 2570). */
export function formatDate(isoDate: string, language: Language = currentLanguage()): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A Gregorian year as people read it: 2566 in Thai (Buddhist era), 2023 otherwise. */
export function formatYear(year: number, language: Language = currentLanguage()): string {
  return language === 'th' ? String(year + 543) : String(year);
}

function syncDocument(language: string): void {
  document.documentElement.lang = language;
}

void i18next.use(initReactI18next).init({
  resources: { th: { translation: th }, zh: { translation: zh }, en: { translation: en } },
  lng: storedLanguage() ?? 'th',
  fallbackLng: 'th',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});
syncDocument(i18next.language);
i18next.on('languageChanged', syncDocument);

export default i18next;
