import { describe, expect, it } from 'vitest';
import { formatFee, textIn } from './format.ts';

describe('formatFee', () => {
  it('says free in the citizen language for a zero fee', () => {
    expect(formatFee(0, 'vi')).toBe('Miễn phí');
    expect(formatFee(0, 'en')).toBe('Free');
    expect(formatFee(0, 'ur')).toBe('مفت');
  });

  it('groups thousands the way each locale does and names the currency', () => {
    expect(formatFee(50_000, 'vi')).toMatch(/^50\.000 đồng/);
    expect(formatFee(1_500_000, 'en')).toMatch(/^1,500,000 Vietnamese dong$/i);
    expect(formatFee(50_000, 'hi')).toContain('50,000');
    expect(formatFee(50_000, 'ur')).toContain('50,000');
  });

  it('never shows fractional dong', () => {
    expect(formatFee(12_345, 'en')).not.toMatch(/\.\d/);
  });
});

describe('textIn', () => {
  it('picks the requested language, then the fallback', () => {
    expect(textIn({ vi: 'Xin chào', en: 'Hello' }, 'en')).toBe('Hello');
    expect(textIn({ vi: 'Xin chào', en: 'Hello' }, 'ur')).toBe('Xin chào');
    expect(textIn({ hi: 'नमस्ते' }, 'ur')).toBe('नमस्ते');
  });
});
