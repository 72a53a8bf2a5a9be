import { describe, expect, it } from 'vitest';
import { callText } from './announcements.ts';

describe('announcements', () => {
  it('says the Vietnamese call as the centres do', () => {
    expect(callText('vi', 'B012', 3)).toBe('Mời số B012 đến quầy số 3');
    expect(callText('vi', 'B012', 3, true)).toBe('Mời số B 0 1 2 đến quầy số 3');
  });

  it('keeps the Latin ticket number in place in Urdu on screen, and plain for the voice', () => {
    expect(callText('ur', 'B012', 3)).toBe('نمبر \u2068B012\u2069، براہ کرم کاؤنٹر 3 پر تشریف لائیں');
    expect(callText('ur', 'B012', 3, true)).toBe('نمبر B 0 1 2، براہ کرم کاؤنٹر 3 پر تشریف لائیں');
  });
});
