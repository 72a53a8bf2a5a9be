import { LANGUAGES } from '@reception/protocol';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../languages.ts';
import { announce } from './announce.ts';
import { common } from './common.ts';
import { display } from './display.ts';
import { CATALOGUE, type MessageKey } from './index.ts';
import { kiosk } from './kiosk.ts';
import { kioskAssist } from './kiosk-assist.ts';
import { kioskJourneys } from './kiosk-journeys.ts';
import { kioskVoice } from './kiosk-voice.ts';
import { kioskSamples } from './kiosk-samples.ts';
import { rating } from './rating.ts';
import { staffCounter } from './staff-counter.ts';
import { staffReport } from './staff-report.ts';
import { staff } from './staff.ts';
import { staffConsole } from './staff-console.ts';
import { staffConsolePanels } from './staff-console-panels.ts';

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** Names of the arguments a message uses, found in its parsed ICU tree (nested plural/select cases too). */
function argumentsOf(elements: readonly Element[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    // Types 1-6 are argument, number, date, time, select, plural; 0 literal, 7 pound, 8 tag.
    if (e.type >= 1 && e.type <= 6 && e.value) into.add(e.value);
    for (const option of Object.values(e.options ?? {})) argumentsOf(option.value, into);
  }
  return into;
}

/** The literal text of a message (every plural and select case), without argument names or keywords. */
function literalText(elements: readonly Element[]): string {
  let out = '';
  for (const e of elements) {
    if (e.type === 0 && e.value) out += e.value;
    for (const option of Object.values(e.options ?? {})) out += ` ${literalText(option.value)}`;
  }
  return out;
}

/** Latin words a Hindi or Urdu reader meets as they are: file formats, QR codes, axes and units. */
const LATIN_ALLOWED = new Set(['CSV', 'QR', 'x', 'y', 'm']);

describe('message catalogue', () => {
  const keys = Object.keys(CATALOGUE) as MessageKey[];

  it.each(keys)('%s parses in every language and uses the same arguments in each', (key) => {
    const names = LANGUAGES.map((language) => {
      const text = CATALOGUE[key][language];
      expect(text.trim(), `${key} in ${language} is empty`).not.toBe('');
      const ast = new IntlMessageFormat(text, LOCALES[language], undefined, { ignoreTag: true }).getAst();
      return [...argumentsOf(ast)].sort().join(',');
    });
    expect(new Set(names).size, `${key}: arguments differ between languages (${names.join(' | ')})`).toBe(1);
  });

  it.each(keys)('%s leaves no Vietnamese or English word untranslated in Hindi and Urdu', (key) => {
    for (const language of ['hi', 'ur'] as const) {
      const ast = new IntlMessageFormat(CATALOGUE[key][language], LOCALES[language], undefined, {
        ignoreTag: true,
      }).getAst() as Element[];
      const latin = literalText(ast).match(/\p{Script=Latin}+/gu) ?? [];
      expect(
        latin.filter((w) => !LATIN_ALLOWED.has(w)),
        `${key} in ${language}`,
      ).toEqual([]);
    }
  });
});

describe('namespace files', () => {
  it('never define the same key twice (a later spread would silently replace the earlier message)', () => {
    const files = {
      common,
      kiosk,
      kioskJourneys,
      kioskAssist,
      kioskVoice,
      kioskSamples,
      staff,
      staffCounter,
      staffConsole,
      staffConsolePanels,
      staffReport,
      display,
      announce,
      rating,
    };
    const seen = new Map<string, string>();
    for (const [file, messages] of Object.entries(files)) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), `${key} is in both ${seen.get(key)} and ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });
});
