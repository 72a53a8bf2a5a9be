import type { Language, SiteCatalogue } from '@reception/protocol';
import { directionOf, translator, type Translator } from '@reception/i18n';

/**
 * The translator for the citizen's language, showing dates and times on the site's clock. Until the
 * catalogue has arrived the kiosk shows no date or time, so the machine's zone stands in.
 */
export function kioskTranslator(language: Language, site: SiteCatalogue | undefined): Translator {
  return translator(language, site?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Sets `lang` and `dir` on <html>, so fonts, line breaking and the mirrored layout follow the language. */
export function applyDocumentLanguage(doc: Document, lang: Language): void {
  doc.documentElement.lang = lang;
  doc.documentElement.dir = directionOf(lang);
}
