import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureIds, featureStrings, fnv1a32, normalise } from './features.ts';
import { MODEL_DIR } from './paths.ts';

interface GoldenCase {
  text: string;
  normalised: string;
  features: string[];
  feature_count: number;
  ids: Record<string, number[]>;
}
interface Golden {
  buckets: number[];
  fnv1a32: Record<string, number>;
  cases: GoldenCase[];
}

const golden = JSON.parse(readFileSync(join(MODEL_DIR, 'golden', 'features.json'), 'utf8')) as Golden;

describe('features match the Python implementation (golden vectors)', () => {
  it('has cases in every script we serve', () => {
    expect(golden.cases.length).toBeGreaterThan(30);
  });

  it('hashes with FNV-1a 32 over UTF-8', () => {
    for (const [s, h] of Object.entries(golden.fnv1a32)) expect(fnv1a32(s), s).toBe(h);
  });

  it.each(golden.cases.map((c) => [JSON.stringify(c.text).slice(0, 40), c] as const))(
    'normalises and hashes %s',
    (_name, c) => {
      const norm = normalise(c.text);
      expect(norm).toBe(c.normalised);
      const strings = featureStrings(norm);
      expect(strings.length).toBe(c.feature_count);
      expect(strings.slice(0, 40)).toEqual(c.features);
      for (const b of golden.buckets) expect(featureIds(norm, b)).toEqual(c.ids[String(b)]);
    },
  );
});

describe('featureIds (allocation-free hashing) equals hashing the feature strings', () => {
  it.each(golden.cases.map((c) => [JSON.stringify(c.text).slice(0, 30), c.text] as const))(
    '%s',
    (_n, text) => {
      const norm = normalise(text);
      expect(featureIds(norm, 1 << 16)).toEqual(featureStrings(norm).map((f) => fnv1a32(f) % (1 << 16)));
    },
  );
  it('handles astral code points and lone surrogates like TextEncoder', () => {
    for (const s of ['𝓐𝓑 😀 a', '\ud800x', 'x\udfff']) {
      expect(featureIds(s, 1 << 16)).toEqual(featureStrings(s).map((f) => fnv1a32(f) % (1 << 16)));
    }
  });
});
