import { DOSSIER_STATUSES, DOSSIER_STEPS, STAFF_CALL_REASONS } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import { Translator } from '../translator.ts';
import { CATALOGUE } from './index.ts';

describe('dossier and staff call texts', () => {
  it('name every status, next step, workflow step and call reason the protocol has', () => {
    const keys = new Set(Object.keys(CATALOGUE));
    const wanted = [
      ...DOSSIER_STATUSES.flatMap((s) => [`dossier.status_${s}`, `dossier.next_${s}`]),
      ...DOSSIER_STEPS.map((s) => `dossier.step_${s}`),
      ...STAFF_CALL_REASONS.map((r) => `staff_call.reason_${r}`),
    ];
    expect(wanted.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('word the late warning with plurals and keep the rest of the sentence', () => {
    const en = new Translator('en', 'Asia/Ho_Chi_Minh');
    expect(en.t('dossier.late_warning', { days: 1 })).toMatch(/^This dossier is 1 day late\. We are sorry/);
    expect(en.t('dossier.late_warning', { days: 4 })).toMatch(/^This dossier is 4 days late\./);
    const vi = new Translator('vi', 'Asia/Ho_Chi_Minh');
    expect(vi.t('dossier.late_warning', { days: 4 })).toMatch(/^Hồ sơ đã trễ hẹn 4 ngày\./);
    const ur = new Translator('ur', 'Asia/Ho_Chi_Minh');
    expect(ur.t('staff_call.someone_coming_named', { name: 'Lan' })).toBe(
      '\u2068Lan\u2069 آپ کی مدد کے لیے آ رہے ہیں۔',
    );
  });
});
