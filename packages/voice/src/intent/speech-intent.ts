/** Intents the speech model knows (a subset of DESIGN.md section 9, the text classifier's names). */
export type SpokenIntent =
  | 'out_of_scope'
  | 'get_ticket'
  | 'start_procedure'
  | 'procedure_documents'
  | 'procedure_fee'
  | 'guide_to_counter'
  | 'find_facility'
  | 'dossier_status'
  | 'call_staff'
  | 'opening_hours'
  | 'greeting'
  | 'thanks_goodbye'
  | 'repeat'
  | 'cancel';

export type Language = 'vi' | 'en' | 'hi' | 'ur';

export interface SpeechIntentSlots {
  procedure?: string;
  facility?: string;
  language?: Language;
}

export interface SpeechIntentResult {
  /** `out_of_scope` when the model says so or its confidence is under the threshold. */
  intent: SpokenIntent;
  /** Probability of the model's best intent, in [0, 1]. */
  confidence: number;
  slots: SpeechIntentSlots;
  /** The language the citizen spoke (for the answer, including "please use the screen"). */
  language: Language;
  /** The model's own best intent before the threshold (for logs and evaluation). */
  best: SpokenIntent;
}

/**
 * Speech to intent for one utterance (closed domain, like Picovoice Rhino).
 *
 * Rules: `audio` is one endpointed utterance, 16 kHz mono float; an empty or all-silent utterance is
 * `out_of_scope`, never an error. The result never guesses: below the confidence threshold the intent is
 * `out_of_scope`, and the kiosk answers "please use the screen" in `language`. Slots hold only values the
 * intent takes (procedure for procedure intents, facility for find_facility). Implementations may be
 * swapped (an ASR + text classifier engine) without changing callers. `release()` frees resources.
 */
export interface SpeechIntent {
  readonly name: string;
  recognize(audio: Float32Array): Promise<SpeechIntentResult>;
  release(): Promise<void>;
}
