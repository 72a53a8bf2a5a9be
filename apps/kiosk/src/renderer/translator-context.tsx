import type { Translator } from '@reception/i18n';
import { createContext, useContext } from 'react';

const TranslatorContext = createContext<Translator | undefined>(undefined);

/** Provided once by the app for the citizen's language and the site's time zone (see kioskTranslator). */
export const TranslatorProvider = TranslatorContext.Provider;

/**
 * Every text the kiosk shows comes from here: `const i18n = useTranslator(); i18n.t('kiosk.take_ticket')`,
 * `i18n.money(fee)`, `i18n.time(at)`; `i18n.language` picks site texts with `textIn`.
 */
export function useTranslator(): Translator {
  const i18n = useContext(TranslatorContext);
  if (!i18n) throw new Error('useTranslator() needs a <TranslatorProvider> above it');
  return i18n;
}
