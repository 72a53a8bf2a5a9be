import type { IntentResult, LabelledUtterance } from '@reception/protocol';
import { INTENTS, LANGUAGES } from '@reception/protocol';

export interface Rates {
  n: number;
  accuracy: number;
  in_scope_accuracy: number;
  oos_recall: number;
  in_scope_rejected: number;
}

export interface SlotScore {
  /** Utterances whose label names this slot, and how many of them got exactly that value. */
  named: number;
  correct: number;
  accuracy: number;
  /** Answers that carried this slot although the label names none. */
  spurious: number;
}

export interface EvalReport extends Rates {
  per_language: Record<string, Rates>;
  per_intent: Record<string, { n: number; accuracy: number }>;
  confusions: { gold: string; predicted: string; count: number; examples: string[] }[];
  slots: Record<'procedure' | 'facility' | 'counter' | 'language', SlotScore>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function rates(pairs: readonly (readonly [LabelledUtterance, IntentResult])[]): Rates {
  let right = 0;
  let inScope = 0;
  let inRight = 0;
  let inRejected = 0;
  let oos = 0;
  let oosRight = 0;
  for (const [gold, got] of pairs) {
    if (gold.intent === got.intent) right++;
    if (gold.intent === 'out_of_scope') {
      oos++;
      if (got.intent === 'out_of_scope') oosRight++;
    } else {
      inScope++;
      if (got.intent === gold.intent) inRight++;
      if (got.intent === 'out_of_scope') inRejected++;
    }
  }
  return {
    n: pairs.length,
    accuracy: ratio(right, pairs.length),
    in_scope_accuracy: ratio(inRight, inScope),
    oos_recall: ratio(oosRight, oos),
    in_scope_rejected: ratio(inRejected, inScope),
  };
}

function slotScore(
  pairs: readonly (readonly [LabelledUtterance, IntentResult])[],
  key: keyof LabelledUtterance['slots'],
): SlotScore {
  let named = 0;
  let correct = 0;
  let spurious = 0;
  for (const [gold, got] of pairs) {
    const want = gold.slots[key];
    const have = got.slots[key];
    if (want !== undefined) {
      named++;
      if (have === want) correct++;
    } else if (have !== undefined) {
      spurious++;
    }
  }
  return { named, correct, accuracy: ratio(correct, named), spurious };
}

/** Scores classifier answers against labelled utterances (the `nlu eval` report). */
export function evaluate(pairs: readonly (readonly [LabelledUtterance, IntentResult])[]): EvalReport {
  const perLanguage: Record<string, Rates> = {};
  for (const lang of LANGUAGES) {
    const sub = pairs.filter(([g]) => g.lang === lang);
    if (sub.length > 0) perLanguage[lang] = rates(sub);
  }
  const perIntent: Record<string, { n: number; accuracy: number }> = {};
  for (const intent of INTENTS) {
    const sub = pairs.filter(([g]) => g.intent === intent);
    if (sub.length > 0) perIntent[intent] = { n: sub.length, accuracy: rates(sub).accuracy };
  }
  const confusions = new Map<
    string,
    { gold: string; predicted: string; count: number; examples: string[] }
  >();
  for (const [gold, got] of pairs) {
    if (gold.intent === got.intent) continue;
    const key = `${gold.intent}>${got.intent}`;
    const entry = confusions.get(key) ?? { gold: gold.intent, predicted: got.intent, count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(gold.text);
    confusions.set(key, entry);
  }
  return {
    ...rates(pairs),
    per_language: perLanguage,
    per_intent: perIntent,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
    slots: {
      procedure: slotScore(pairs, 'procedure'),
      facility: slotScore(pairs, 'facility'),
      counter: slotScore(pairs, 'counter'),
      language: slotScore(pairs, 'language'),
    },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The report as text lines for people: languages, intents, slots, confusions. */
export function formatReport(r: EvalReport): string[] {
  const lines = [
    `utterances ${r.n}: accuracy ${pct(r.accuracy)}, in-scope accuracy ${pct(r.in_scope_accuracy)}, ` +
      `out-of-scope recall ${pct(r.oos_recall)}, in-scope rejected ${pct(r.in_scope_rejected)}`,
    '',
    'language  n     accuracy  in-scope  oos-recall  rejected',
  ];
  for (const [lang, x] of Object.entries(r.per_language)) {
    lines.push(
      `${lang.padEnd(9)} ${String(x.n).padEnd(5)} ${pct(x.accuracy).padEnd(9)} ${pct(x.in_scope_accuracy).padEnd(9)} ` +
        `${pct(x.oos_recall).padEnd(11)} ${pct(x.in_scope_rejected)}`,
    );
  }
  lines.push('', 'intent                n     accuracy');
  for (const [intent, x] of Object.entries(r.per_intent)) {
    lines.push(`${intent.padEnd(21)} ${String(x.n).padEnd(5)} ${pct(x.accuracy)}`);
  }
  lines.push('', 'slot       named  accuracy  spurious');
  for (const [slot, s] of Object.entries(r.slots)) {
    lines.push(`${slot.padEnd(10)} ${String(s.named).padEnd(6)} ${pct(s.accuracy).padEnd(9)} ${s.spurious}`);
  }
  lines.push('', 'confusions (gold -> predicted: count, examples)');
  for (const c of r.confusions) {
    lines.push(
      `${c.gold} -> ${c.predicted}: ${c.count}  ${c.examples.map((e) => JSON.stringify(e)).join(' | ')}`,
    );
  }
  return lines;
}
