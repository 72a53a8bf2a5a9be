import { ERROR_CODES, LANGUAGES } from '@reception/protocol';
import { translator } from '@reception/i18n';
import { describe, expect, it } from 'vitest';
import { errorText, toStaffError } from './staff-error.tsx';

describe('staff error wording', () => {
  it('has its own plain words for every wire error code in every language', () => {
    for (const language of LANGUAGES) {
      const i18n = translator(language, 'UTC');
      const texts = ERROR_CODES.map((code) => errorText(i18n, { code }));
      expect(new Set(texts).size, language).toBe(ERROR_CODES.length);
      expect(errorText(i18n, { code: 'UNREACHABLE' })).toBe(i18n.t('staff.server_unreachable'));
    }
  });

  it('reads a refused socket as its code and anything else as an unreachable server', () => {
    expect(toStaffError(new Error('FORBIDDEN'))).toEqual({ code: 'FORBIDDEN' });
    expect(toStaffError(new Error('websocket error'))).toEqual({
      code: 'UNREACHABLE',
      detail: 'websocket error',
    });
  });
});
