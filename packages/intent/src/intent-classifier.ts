import type { IntentResult, Language, RankedIntents } from '@reception/protocol';

/**
 * Maps one citizen utterance (typed search text or a speech transcript) to an intent and its slots.
 *
 * Rules every implementation keeps (the contract tests in `classifier.test.ts` check them):
 * - `classify` never throws for any string: empty, whitespace, very long (100 kB), binary garbage, emoji,
 *   scripts the kiosk does not serve. Such inputs answer `out_of_scope`. It rejects only after `close()`
 *   (with `IntentError` code `closed`).
 * - `intent` is one of the 20 names of DESIGN.md section 9; `confidence` is in [0, 1].
 * - `out_of_scope` is the answer whenever the classifier is not confident enough (below its calibrated
 *   threshold) as well as for inputs it recognises as outside the centre's services. Callers must not
 *   guess an intent from a low-confidence answer; they offer the touch menu instead.
 * - `slots` only holds what the text names: `procedure` (one of the 12 service ids), `facility` (only with
 *   `find_facility`), `counter` (a positive integer) and `language` (only with `change_language`). An
 *   `out_of_scope` answer has no slots.
 * - `lang` is a hint from the kiosk (the citizen's current language); the answer must not depend on it
 *   being right, because citizens mix languages.
 * - Answers are deterministic for a given model; calls may run concurrently.
 * - `rank` answers exactly what `classify` answers (`result`), plus up to `max` in-scope candidates in
 *   decreasing probability, each with the slots it would carry; the top candidate is the answer's intent
 *   whenever the answer is in scope. Candidates are for offering choices ("Did you mean..."), never for
 *   acting on without the citizen's confirmation.
 */
export interface IntentClassifier {
  classify(text: string, lang?: Language): Promise<IntentResult>;
  rank(text: string, lang?: Language, max?: number): Promise<RankedIntents>;
  /** Frees the model; later `classify` calls reject. Safe to call twice. */
  close(): Promise<void>;
}
