import type { Language, Translated } from '@reception/protocol';

/**
 * The text of a site field (`name`, `description`, ...) in `language`. The bridge refuses a site with a
 * missing translation for an enabled language, so the fallback (the site's default language, then any
 * text at all) only matters for a language the site does not enable.
 */
export function textIn(text: Translated, language: Language, fallback: Language = 'vi'): string {
  return text[language] ?? text[fallback] ?? Object.values(text).find((s) => s.length > 0) ?? '';
}
