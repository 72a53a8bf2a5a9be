import type { Language, Translated } from '@reception/protocol';
import { LOCALES, MESSAGES } from './messages.ts';

/**
 * The text of a translated field in `lang`. The bridge refuses sites with a missing translation for an
 * enabled language, so the fallback only matters for a language the site does not enable.
 */
export function textIn(t: Translated, lang: Language, fallback: Language = 'vi'): string {
  return t[lang] ?? t[fallback] ?? Object.values(t).find((s) => s.length > 0) ?? '';
}

/** A fee in Vietnamese dong, spelled out the way a citizen reads it ("50.000 đồng Việt Nam"), or "Free". */
export function formatFee(amountVnd: number, lang: Language): string {
  if (amountVnd === 0) return MESSAGES[lang].free;
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'VND',
    currencyDisplay: 'name',
    maximumFractionDigits: 0,
  }).format(amountVnd);
}
