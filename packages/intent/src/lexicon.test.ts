import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise } from './features.ts';
import { CompiledLexicon, type Lexicon, matchLexicon } from './lexicon.ts';
import { MODEL_DIR } from './paths.ts';

const lexicons = JSON.parse(readFileSync(join(MODEL_DIR, 'lexicon.json'), 'utf8')) as Record<string, Lexicon>;
const texts = ['validation.jsonl', 'test.jsonl']
  .flatMap((f) => readFileSync(join(MODEL_DIR, 'data', f), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '')
  .map((l) => normalise((JSON.parse(l) as { text: string }).text));

describe('CompiledLexicon answers like matchLexicon (the rule shared with lexicon.py)', () => {
  it.each(Object.keys(lexicons))('%s lexicon on the held-out texts and on every entry', (kind) => {
    const lexicon = lexicons[kind] ?? {};
    const compiled = new CompiledLexicon(lexicon);
    const entries = Object.values(lexicon).flat();
    const inputs = [...texts, ...entries, ...entries.map((e) => `toi can ${e} gap`)];
    let found = 0;
    for (const t of inputs) {
      const want = matchLexicon(lexicon, t);
      expect(compiled.match(t), t).toBe(want);
      if (want !== undefined) found++;
    }
    expect(found).toBeGreaterThan(entries.length);
  });

  it('prefers the longest entry, then the first value in sorted order', () => {
    const lexicon = { b: ['khai sinh', 'x y'], a: ['x y'], c: ['ban sao khai sinh'] };
    const compiled = new CompiledLexicon(lexicon);
    expect(compiled.match('xin ban sao khai sinh')).toBe('c');
    expect(compiled.match('khai sinh')).toBe('b');
    expect(compiled.match('x y z')).toBe('a');
    expect(compiled.match('khai sinhx')).toBeUndefined();
    expect(compiled.match('')).toBeUndefined();
    for (const t of ['xin ban sao khai sinh', 'khai sinh', 'x y z', 'khai sinhx', ''])
      expect(compiled.match(t)).toBe(matchLexicon(lexicon, t));
  });
});
