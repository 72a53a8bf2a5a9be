import { describe, expect, it } from 'vitest';
import {
  dossierStatusRequestSchema,
  groupReceiptCode,
  parseReceiptCode,
  RECEIPT_CODE_EXAMPLE,
  type ReceiptCodeProblem,
} from './dossiers.ts';

const problem = (input: string): ReceiptCodeProblem | undefined => {
  const r = parseReceiptCode(input);
  return r.ok ? undefined : r.problem;
};

describe('parseReceiptCode', () => {
  it('splits a canonical code into unit, day and number', () => {
    expect(parseReceiptCode('000.25.13.H26-251124-0007')).toEqual({
      ok: true,
      value: { code: '000.25.13.H26-251124-0007', unit: '000.25.13.H26', received_on: '2025-11-24', seq: 7 },
    });
    expect(parseReceiptCode(RECEIPT_CODE_EXAMPLE).ok).toBe(true);
  });

  it.each([
    ['  000.25.13.H26-251124-0007  ', 'surrounding spaces'],
    ['000.25.13.h26-251124-0007', 'lower-case letter'],
    ['0002513H262511240007', 'no separators (keypad)'],
    ['000 25 13 H26 251124 0007', 'spaces for separators'],
    ['000.25.13.H26 – 251124 – 0007', 'en dashes with spaces'],
    ['０００.２５.１３.Ｈ２６-２５１１２４-０００７', 'full-width characters'],
    ['000-25-13-H26.251124.0007', 'separators swapped'],
  ])('normalises %j (%s)', (input) => {
    const r = parseReceiptCode(input);
    expect(r.ok && r.value.code).toBe('000.25.13.H26-251124-0007');
  });

  it('refuses empty, over-long, malformed and impossible codes with the reason', () => {
    expect(problem('')).toBe('empty');
    expect(problem('   - . -  ')).toBe('empty');
    expect(problem('0'.repeat(10_000))).toBe('too_long');
    expect(problem('x'.repeat(65))).toBe('too_long');
    expect(problem('000.25.13.H26-251124-007')).toBe('bad_format');
    expect(problem('000.25.13.H26-251124-00077')).toBe('bad_format');
    expect(problem('000.25.13.126-251124-0007')).toBe('bad_format');
    expect(problem('000.25.13.H26-251124-0000')).toBe('bad_format');
    expect(problem('KS012')).toBe('bad_format');
    expect(problem('000.25.13.H26/251124/0007')).toBe('bad_format');
    expect(problem("000.25.13.H26-251124-0007'; DROP TABLE")).toBe('bad_format');
    expect(problem('000.25.13.H26-251324-0007')).toBe('bad_date');
    expect(problem('000.25.13.H26-250230-0007')).toBe('bad_date');
    expect(problem('000.25.13.H26-250001-0007')).toBe('bad_date');
    // 2024 was a leap year, 2025 was not.
    expect(problem('000.25.13.H26-240229-0001')).toBeUndefined();
    expect(problem('000.25.13.H26-250229-0001')).toBe('bad_date');
  });

  it('bounds the wire payload so a 10,000-character paste never reaches a lookup', () => {
    expect(dossierStatusRequestSchema.safeParse({ code: 'x'.repeat(10_000) }).success).toBe(false);
    expect(dossierStatusRequestSchema.safeParse({ code: RECEIPT_CODE_EXAMPLE }).success).toBe(true);
    expect(dossierStatusRequestSchema.safeParse({ code: 7 }).success).toBe(false);
  });
});

describe('groupReceiptCode', () => {
  it('puts the separators back while the citizen types', () => {
    expect(groupReceiptCode('')).toBe('');
    expect(groupReceiptCode('000')).toBe('000');
    expect(groupReceiptCode('0002')).toBe('000.2');
    expect(groupReceiptCode('0002513h2625')).toBe('000.25.13.H26-25');
    expect(groupReceiptCode('00025 13H26251124000799')).toBe('000.25.13.H26-251124-0007');
  });
});
