import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intentResultSchema } from '@reception/protocol';
import { describe, expect, it } from 'vitest';

const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.ts');

function nlu(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { input, encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim().split('\n'), err: r.stderr };
}

describe('nlu classify', () => {
  it('answers one JSON line per input line, in order, and an error line for bad input', () => {
    const input = [
      JSON.stringify({ text: 'tôi muốn làm giấy khai sinh cho con', lang: 'vi' }),
      'not json',
      JSON.stringify({ text: 'where is counter 5' }),
      '',
      JSON.stringify({ lang: 'en' }),
      JSON.stringify({ text: 'which counter sells bus tickets?', lang: 'xx' }),
      JSON.stringify({ text: 'which counter sells bus tickets?' }),
    ].join('\n');
    const r = nlu(['classify'], `${input}\n`);
    expect(r.status).toBe(0);
    expect(r.out).toHaveLength(6);
    const [birth, bad1, counter, bad2, bad3, bus] = r.out.map(
      (l) => JSON.parse(l) as Record<string, unknown>,
    );
    expect(intentResultSchema.parse(birth)).toMatchObject({
      intent: 'start_procedure',
      slots: { procedure: 'birth_registration' },
    });
    expect(intentResultSchema.parse(counter)).toMatchObject({
      intent: 'guide_to_counter',
      slots: { counter: 5 },
    });
    expect(intentResultSchema.parse(bus)).toMatchObject({ intent: 'out_of_scope' });
    for (const bad of [bad1, bad2, bad3]) expect(bad).toMatchObject({ error: { code: 'input_invalid' } });
  });
});

describe('nlu eval', () => {
  it('prints per-language and per-intent accuracy, OOS recall, rejection and confusions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
    const file = join(dir, 'small.jsonl');
    const lines = [
      { lang: 'vi', text: 'nhà vệ sinh ở đâu', intent: 'find_facility', slots: { facility: 'restroom' } },
      { lang: 'en', text: 'where can I buy a bus ticket', intent: 'out_of_scope', slots: {} },
      { lang: 'en', text: 'hello robot', intent: 'cancel', slots: {} },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"broken": true}\n`);
    const r = nlu(['eval', file]);
    expect(r.status).toBe(0);
    const text = r.out.join('\n');
    for (const heading of ['language', 'intent', 'confusions', 'out-of-scope recall', 'in-scope rejected']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('cancel -> greeting: 1');
    const report = JSON.parse(r.out.at(-1) ?? '{}') as Record<string, unknown>;
    expect(report).toMatchObject({ n: 3, oos_recall: 1, invalid_lines: 1 });
    expect(r.err).toContain('input_invalid');
  });

  it('exits 2 with usage when no file is given', () => {
    expect(nlu(['eval']).status).toBe(2);
    expect(nlu(['frobnicate']).status).toBe(2);
  });
});
