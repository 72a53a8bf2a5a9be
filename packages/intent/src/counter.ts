import { normalise } from './features.ts';

/**
 * Counter-number slot, by rule: a number (digits in any of the served scripts, which normalisation turns
 * into ASCII, or a number word in vi/en/hi/ur, native or Latin script) right after a counter word ("quầy 5",
 * "counter number five", "काउंटर ५", "کاؤنٹر نمبر ۷", "counter saat") or right before it ("5 नंबर काउंटर",
 * "پانچ نمبر کاؤنٹر", "the third counter", "desk 3", "तीसरी खिड़की", "چوتھی کھڑکی"). Filler words such as
 * "số", "number", "नंबर" may sit between.
 */

const COUNTER_WORDS = [
  'quầy',
  'counter',
  'desk',
  'window',
  'booth',
  'bàn',
  'काउंटर',
  'काउन्टर',
  'खिड़की',
  'डेस्क',
  'मेज़',
  'khidki',
  'khirki',
  'mez',
  'کاؤنٹر',
  'کھڑکی',
  'ڈیسک',
  'میز',
];
const FILLERS = [
  'số',
  'thứ',
  'number',
  'no',
  'nr',
  'num',
  'नंबर',
  'नम्बर',
  'nambar',
  'نمبر',
  'the',
  'wala',
  'wale',
];
// Cardinals and ordinals (all genders and the oblique forms that follow "the ... counter").
const NUMBER_WORDS: Record<number, string[]> = {
  1: [
    'một',
    'nhất',
    'one',
    'first',
    'एक',
    'पहले',
    'पहला',
    'पहली',
    'ایک',
    'پہلے',
    'پہلا',
    'پہلی',
    'ek',
    'aik',
    'pehla',
    'pehle',
    'pehli',
  ],
  2: [
    'hai',
    'nhì',
    'two',
    'second',
    'दो',
    'दूसरे',
    'दूसरा',
    'दूसरी',
    'دو',
    'دوسرے',
    'دوسرا',
    'دوسری',
    'do',
    'doosra',
    'dusra',
    'doosre',
    'dusre',
    'doosri',
    'dusri',
  ],
  3: [
    'ba',
    'three',
    'third',
    'तीन',
    'तीसरे',
    'तीसरा',
    'तीसरी',
    'تین',
    'تیسرے',
    'تیسرا',
    'تیسری',
    'teen',
    'teesra',
    'teesre',
    'teesri',
  ],
  4: [
    'bốn',
    'tư',
    'four',
    'fourth',
    'चार',
    'चौथा',
    'चौथे',
    'चौथी',
    'چار',
    'چوتھا',
    'چوتھے',
    'چوتھی',
    'char',
    'chaar',
    'chautha',
    'chauthe',
    'chotha',
    'chothe',
  ],
  5: [
    'năm',
    'five',
    'fifth',
    'पाँच',
    'पांच',
    'पाँचवाँ',
    'पाँचवें',
    'पाँचवीं',
    'पांचवां',
    'पांचवें',
    'पांचवीं',
    'پانچ',
    'پانچواں',
    'پانچویں',
    'paanch',
    'panch',
    'panchwan',
    'paanchvan',
    'panchvi',
    'paanchvi',
  ],
  6: [
    'sáu',
    'six',
    'sixth',
    'छह',
    'छः',
    'छे',
    'छठा',
    'छठे',
    'छठी',
    'چھ',
    'چھٹا',
    'چھٹے',
    'چھٹی',
    'chhe',
    'chhah',
    'chhay',
    'chhata',
    'chhate',
  ],
  7: [
    'bảy',
    'bẩy',
    'seven',
    'seventh',
    'सात',
    'सातवाँ',
    'सातवें',
    'सातवीं',
    'سات',
    'ساتواں',
    'ساتویں',
    'saat',
    'sat',
    'satwan',
    'saatvan',
  ],
  8: [
    'tám',
    'eight',
    'eighth',
    'आठ',
    'आठवाँ',
    'आठवें',
    'आठवीं',
    'آٹھ',
    'آٹھواں',
    'آٹھویں',
    'aath',
    'ath',
    'athwan',
    'aathvan',
  ],
  9: ['chín', 'nine', 'ninth', 'नौ', 'نو', 'nau'],
  10: ['mười', 'ten', 'tenth', 'दस', 'دس', 'das'],
};

const counterWords = new Set(COUNTER_WORDS.map(normalise));
const fillers = new Set(FILLERS.map(normalise));
const numberWords = new Map<string, number>();
for (const [n, words] of Object.entries(NUMBER_WORDS)) {
  for (const w of words) numberWords.set(normalise(w), Number(n));
}

function numberAt(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  if (/^\d{1,2}$/.test(token)) {
    const n = Number(token);
    return n > 0 ? n : undefined;
  }
  return numberWords.get(token);
}

function scan(tokens: readonly string[], from: number, step: 1 | -1): number | undefined {
  let i = from;
  for (let skipped = 0; i >= 0 && i < tokens.length && skipped <= 2; i += step) {
    const token = tokens[i] ?? '';
    const n = numberAt(token);
    if (n !== undefined) return n;
    if (!fillers.has(token)) return undefined;
    skipped++;
  }
  return undefined;
}

/** The counter number named in a normalised text, if any. */
export function extractCounter(norm: string): number | undefined {
  const tokens = norm.split(' ');
  for (let k = 0; k < tokens.length; k++) {
    if (!counterWords.has(tokens[k] ?? '')) continue;
    const n = scan(tokens, k + 1, 1) ?? scan(tokens, k - 1, -1);
    if (n !== undefined) return n;
  }
  return undefined;
}
