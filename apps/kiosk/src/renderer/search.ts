import type { Language, Service } from '@reception/protocol';

/**
 * Folds text for forgiving matching: case, Vietnamese tone and vowel marks (so "khai sinh" finds
 * "Đăng ký khai sinh" typed without accents), đ/Đ, and the Arabic-keyboard forms of Urdu letters. Marks
 * on Devanagari and Arabic letters are kept: there they are part of the spelling, not decoration.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Procedures matching a typed query, in the citizen's language. Every word of the query must appear in the
 * procedure's name or keywords; names in Vietnamese also count because citizens of every language meet the
 * Vietnamese terms on forms and signs. Procedures whose name matches come before keyword-only matches;
 * otherwise the site's order is kept. An empty query returns every procedure.
 */
export function searchServices(services: readonly Service[], query: string, lang: Language): Service[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...services];
  const byName: Service[] = [];
  const byKeyword: Service[] = [];
  for (const s of services) {
    const name = fold([s.name[lang] ?? '', s.name.vi ?? ''].join(' | '));
    const keywords = fold([...(s.keywords?.[lang] ?? []), ...(s.keywords?.vi ?? [])].join(' | '));
    if (words.every((w) => name.includes(w))) byName.push(s);
    else if (words.every((w) => name.includes(w) || keywords.includes(w))) byKeyword.push(s);
  }
  return [...byName, ...byKeyword];
}
