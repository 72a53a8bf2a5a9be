import type { Service } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { fold, searchFacilities, searchServices } from './search.ts';

const service = (id: string, name: Service['name'], keywords: Service['keywords'] = {}): Service => ({
  id,
  prefix: 'A',
  name,
  description: { vi: 'x' },
  required_documents: [{ vi: 'x' }],
  fee: { amount_vnd: 0 },
  processing_time: { vi: 'x' },
  counters: ['counter_1'],
  keywords,
});

const services = [
  service(
    'birth_registration',
    { vi: 'Đăng ký khai sinh', en: 'Birth registration', ur: 'پیدائش کا اندراج', hi: 'जन्म पंजीकरण' },
    { en: ['birth certificate', 'newborn'], vi: ['giấy khai sinh'], hi: ['बर्थ सर्टिफिकेट'] },
  ),
  service(
    'certified_copy',
    { vi: 'Chứng thực bản sao', en: 'Certified copy', ur: 'مصدقہ نقل', hi: 'प्रमाणित प्रतिलिपि' },
    { en: ['photocopy stamp', 'copy of my diploma'] },
  ),
  service(
    'marriage_registration',
    { vi: 'Đăng ký kết hôn', en: 'Marriage registration', ur: 'نکاح کا اندراج', hi: 'विवाह पंजीकरण' },
    { en: ['wedding', 'get married'] },
  ),
];
const ids = (list: Service[]) => list.map((s) => s.id);

describe('fold', () => {
  it('drops Vietnamese marks and case but keeps Devanagari vowel signs', () => {
    expect(fold('  ĐĂNG  Ký ')).toBe('dang ky');
    expect(fold('जन्म')).toBe('जन्म'.normalize('NFC'));
    expect(fold('جنم')).not.toBe('');
  });

  it('maps Arabic-keyboard yeh and kaf to their Urdu forms', () => {
    expect(fold('كي')).toBe('کی');
  });
});

describe('searchServices', () => {
  it('returns everything in site order for an empty query', () => {
    expect(ids(searchServices(services, '   ', 'en'))).toEqual([
      'birth_registration',
      'certified_copy',
      'marriage_registration',
    ]);
  });

  it('finds Vietnamese names typed without accents', () => {
    expect(ids(searchServices(services, 'khai sinh', 'vi'))).toEqual(['birth_registration']);
    expect(ids(searchServices(services, 'ket hon', 'vi'))).toEqual(['marriage_registration']);
  });

  it('matches keywords of the chosen language, after name matches', () => {
    expect(ids(searchServices(services, 'wedding', 'en'))).toEqual(['marriage_registration']);
    expect(ids(searchServices(services, 'copy', 'en'))).toEqual(['certified_copy']);
    expect(ids(searchServices(services, 'certificate', 'en'))).toEqual(['birth_registration']);
  });

  it('requires every word of the query', () => {
    expect(ids(searchServices(services, 'birth wedding', 'en'))).toEqual([]);
  });

  it('searches Urdu and Hindi names', () => {
    expect(ids(searchServices(services, 'نکاح', 'ur'))).toEqual(['marriage_registration']);
    expect(ids(searchServices(services, 'बर्थ', 'hi'))).toEqual(['birth_registration']);
  });

  it('lets every language find a procedure by its Vietnamese name', () => {
    expect(ids(searchServices(services, 'chung thuc', 'ur'))).toEqual(['certified_copy']);
  });
});

describe('searching as citizens type (the "tried as a new user" list)', () => {
  const withPapers = [
    {
      ...services[0]!,
      required_documents: [{ vi: 'Căn cước (CCCD) hoặc hộ chiếu', en: 'ID card or passport' }],
    },
    services[1]!,
  ];
  it('finds an English word typed in Vietnamese mode and a paper by its abbreviation', () => {
    expect(ids(searchServices(services, 'wedding', 'vi'))).toEqual(['marriage_registration']);
    expect(ids(searchServices(withPapers, 'CCCD', 'vi'))).toEqual(['birth_registration']);
    expect(ids(searchServices(withPapers, 'passport', 'ur'))).toEqual(['birth_registration']);
  });

  it('finds a facility by its name in any language', () => {
    const facilities = [
      { id: 'restroom' as const, name: { vi: 'Nhà vệ sinh', en: 'Restroom' }, place: 'restroom' },
      { id: 'photocopy' as const, name: { vi: 'Quầy photocopy', en: 'Photocopying' }, place: 'photocopy' },
    ];
    expect(searchFacilities(facilities, 'nha ve sinh').map((f) => f.id)).toEqual(['restroom']);
    expect(searchFacilities(facilities, 'Nhà vệ sinh').map((f) => f.id)).toEqual(['restroom']);
    expect(searchFacilities(facilities, 'photocopy').map((f) => f.id)).toEqual(['photocopy']);
    expect(searchFacilities(facilities, '')).toEqual([]);
  });
});
