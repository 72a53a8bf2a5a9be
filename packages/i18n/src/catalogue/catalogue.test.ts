import { LANGUAGES } from '@reception/protocol';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../languages.ts';
import { CATALOGUE, type MessageKey } from './index.ts';

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
});
