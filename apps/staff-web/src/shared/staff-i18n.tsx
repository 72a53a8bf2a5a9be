import { LANGUAGES, type Language, type SiteCatalogue } from '@reception/protocol';
import { directionOf, translator, type Translator } from '@reception/i18n';
import { createContext, useContext, useEffect, useState } from 'react';

const KEY = 'reception.staff-language';

/** The staff member's language from an earlier visit in this browser; Vietnamese the first time. */
export function loadStaffLanguage(storage: Pick<Storage, 'getItem'>): Language {
  const saved = storage.getItem(KEY);
  return LANGUAGES.find((l) => l === saved) ?? 'vi';
}

/** The language of the staff pages, remembered in localStorage, and set on <html lang dir>. */
export function useStaffLanguage(): [Language, (language: Language) => void] {
  const [language, setLanguage] = useState<Language>(() => loadStaffLanguage(localStorage));
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
  }, [language]);
  const choose = (next: Language) => {
    localStorage.setItem(KEY, next);
    setLanguage(next);
  };
  return [language, choose];
}

/**
 * The translator of a page: the chosen language, dates and times on the site's clock. Before sign-in the
 * site is not known yet and no page shows a date or time, so the machine's zone stands in.
 */
export function pageTranslator(language: Language, site: SiteCatalogue | undefined): Translator {
  return translator(language, site?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}

const TranslatorContext = createContext<Translator | undefined>(undefined);

/** Provided once per page; every component takes its text from `useTranslator()`. */
export const TranslatorProvider = TranslatorContext.Provider;

export function useTranslator(): Translator {
  const i18n = useContext(TranslatorContext);
  if (!i18n) throw new Error('useTranslator() needs a <TranslatorProvider> above it');
  return i18n;
}

/** The page's language switch: every language by its own name. */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const i18n = useTranslator();
  return (
    <select
      className="language-switch"
      aria-label={i18n.t('common.language')}
      value={i18n.language}
      onChange={(e) => onChange(LANGUAGES.find((l) => l === e.target.value) ?? i18n.language)}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {translator(l, i18n.timeZone).t('common.language_name')}
        </option>
      ))}
    </select>
  );
}
