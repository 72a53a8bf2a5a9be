import { documentText, LANGUAGES, type Facility, type Language, type Service } from '@reception/protocol';

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

const all = (t: Partial<Record<Language, string>> | undefined) =>
  LANGUAGES.map((l) => t?.[l] ?? '').join(' | ');

/**
 * Procedures matching a typed query. Every word of the query must appear in what is searched, tried in
 * three rounds, each ranked after the one before and in site order within it: (1) the name, in the
 * citizen's language or Vietnamese (citizens of every language meet the Vietnamese terms on forms and
 * signs); (2) names and keywords in every language (an English word typed in Vietnamese mode, "passport"
 * in Urdu mode); (3) the papers it needs ("CCCD", "hộ chiếu"). An empty query returns every procedure.
 */
export function searchServices(services: readonly Service[], query: string, lang: Language): Service[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...services];
  const rounds: Service[][] = [[], [], []];
  for (const s of services) {
    const own = fold([s.name[lang] ?? '', s.name.vi ?? ''].join(' | '));
    const keywords = fold([all(s.name), ...LANGUAGES.flatMap((l) => s.keywords?.[l] ?? [])].join(' | '));
    const papers = fold(s.required_documents.map((d) => all(documentText(d))).join(' | '));
    const has = (text: string) => words.every((w) => text.includes(w));
    if (has(own)) rounds[0]?.push(s);
    else if (has(`${own} | ${keywords}`)) rounds[1]?.push(s);
    else if (has(`${own} | ${keywords} | ${papers}`)) rounds[2]?.push(s);
  }
  return rounds.flat();
}

/** Facilities whose name, in any language, holds every word of the query ("nhà vệ sinh", "toilet"). */
export function searchFacilities(facilities: readonly Facility[], query: string): Facility[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return facilities.filter((f) => {
    const text = fold(`${all(f.name)} | ${f.id.replace(/_/g, ' ')}`);
    return words.every((w) => text.includes(w));
  });
}
