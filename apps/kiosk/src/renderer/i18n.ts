import { RTL_LANGUAGES, type Language } from '@reception/protocol';
import { MESSAGES, type Messages } from './messages.ts';

export function messagesFor(lang: Language): Messages {
  return MESSAGES[lang];
}

export function directionOf(lang: Language): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/** Sets `lang` and `dir` on <html>, so fonts, line breaking and the mirrored layout follow the language. */
export function applyDocumentLanguage(doc: Document, lang: Language): void {
  doc.documentElement.lang = lang;
  doc.documentElement.dir = directionOf(lang);
}
