import { describe, expect, it } from 'vitest';
import { textIn } from './translated.ts';

describe('textIn', () => {
  it('picks the requested language, then the fallback, then any text', () => {
    expect(textIn({ vi: 'Xin chào', en: 'Hello' }, 'en')).toBe('Hello');
    expect(textIn({ vi: 'Xin chào', en: 'Hello' }, 'ur')).toBe('Xin chào');
    expect(textIn({ vi: 'Xin chào', en: 'Hello' }, 'ur', 'en')).toBe('Hello');
    expect(textIn({ hi: 'नमस्ते' }, 'ur')).toBe('नमस्ते');
    expect(textIn({}, 'ur')).toBe('');
  });
});
