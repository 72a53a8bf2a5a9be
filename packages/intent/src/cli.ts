/**
 * `npm run -s nlu -- classify [--model DIR]`: JSON lines `{"text", "lang"?}` on stdin, one line
 * `{"intent", "confidence", "slots"}` per input on stdout, in order (DESIGN.md section 9). A line that is not
 * such an object gets `{"error": {"code": "input_invalid", "message"}}` in its place; blank lines are skipped.
 *
 * `npm run -s nlu -- eval FILE.jsonl [--model DIR] [--json]`: scores labelled lines `{"lang", "text",
 * "intent", "slots"}` and prints per-language and per-intent accuracy, out-of-scope recall, in-scope
 * rejection, slot accuracy and the confusions; the last line is the report as one JSON object.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { IntentResult, LabelledUtterance } from '@reception/protocol';
import { IntentError } from './errors.ts';
import { evaluate, formatReport } from './evaluate.ts';
import { parseClassifyLine, parseLabelledLine } from './jsonl.ts';
import { OnnxIntentClassifier } from './onnx-intent-classifier.ts';

const USAGE = 'usage: nlu classify [--model DIR] < lines.jsonl | nlu eval FILE.jsonl [--model DIR]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function errorLine(err: unknown): string {
  const code = err instanceof IntentError ? err.code : 'internal';
  const message = err instanceof Error ? err.message : String(err);
  return JSON.stringify({ error: { code, message } });
}

async function classify(args: string[]): Promise<number> {
  const classifier = await OnnxIntentClassifier.load(option(args, '--model'));
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    let out: string;
    try {
      const req = parseClassifyLine(text, line);
      out = JSON.stringify(await classifier.classify(req.text, req.lang));
    } catch (err) {
      out = errorLine(err);
    }
    process.stdout.write(`${out}\n`);
  }
  await classifier.close();
  return 0;
}

async function evalFile(args: string[]): Promise<number> {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--model');
  if (file === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const classifier = await OnnxIntentClassifier.load(option(args, '--model'));
  const lines = (await readFile(file, 'utf8')).split('\n');
  const pairs: [LabelledUtterance, IntentResult][] = [];
  let bad = 0;
  for (const [i, text] of lines.entries()) {
    if (text.trim() === '') continue;
    try {
      const gold = parseLabelledLine(text, i + 1);
      pairs.push([gold, await classifier.classify(gold.text, gold.lang)]);
    } catch (err) {
      bad++;
      process.stderr.write(`${file}: ${errorLine(err)}\n`);
    }
  }
  await classifier.close();
  const report = evaluate(pairs);
  for (const l of formatReport(report)) process.stdout.write(`${l}\n`);
  if (bad > 0) process.stdout.write(`skipped ${bad} invalid line(s)\n`);
  process.stdout.write(`${JSON.stringify({ ...report, invalid_lines: bad })}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'classify':
      return classify(args);
    case 'eval':
      return evalFile(args);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`nlu: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
