import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { LANGUAGE_NAMES, LANGUAGES, type Language, rememberLanguage } from '../i18n/index.js';
import { ME_KEY, useMe } from '../session.js';

/** Queries whose answers carry server texts in the Accept-Language language (eligibility reasons among them). */
const RELOCALISED = new Set(['sellers', 'seller', 'products']);

/** ไทย / 中文 / English: remembered on this device and, when signed in, saved to the profile. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const me = useMe().data;

  const choose = async (language: Language) => {
    rememberLanguage(language);
    await i18n.changeLanguage(language);
    // Server texts (rejection reasons, field errors) come in the Accept-Language language: fetch them again.
    void client.invalidateQueries({ predicate: (q) => RELOCALISED.has(String(q.queryKey[0])) });
    if (me && me.locale !== language) {
      try {
        const user = await api.updateMe({ locale: language });
        client.setQueryData(ME_KEY, { ...me, ...user });
      } catch {
        // The device keeps the choice even if the profile could not be saved.
      }
    }
  };

  return (
    <fieldset className="lang-switcher">
      <legend className="visually-hidden">{t('lang.label')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={language === i18n.language ? 'lang active' : 'lang'}
          aria-pressed={language === i18n.language}
          data-testid={`lang-${language}`}
          onClick={() => void choose(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
