export interface EndpointerOptions {
  /** Probability at or above which a frame is speech (default 0.5). */
  startThreshold: number;
  /** Probability below which a frame is silence once speech started (default 0.35; hysteresis). */
  endThreshold: number;
  /** Silence after speech that ends the utterance, ms (default 500). */
  endSilenceMs: number;
  /** Speech shorter than this is ignored as a click or cough, ms (default 150). */
  minSpeechMs: number;
  /** Cap on the utterance from its first speech frame, ms (default 8000). */
  maxUtteranceMs: number;
  /** Give up if no speech starts within this time, ms (default 5000). */
  noSpeechTimeoutMs: number;
}

export const DEFAULT_ENDPOINTER: EndpointerOptions = {
  startThreshold: 0.5,
  endThreshold: 0.35,
  endSilenceMs: 500,
  minSpeechMs: 150,
  maxUtteranceMs: 8000,
  noSpeechTimeoutMs: 5000,
};

export type EndpointEvent =
  | { type: 'speech_start'; time: number }
  | { type: 'speech_end'; reason: 'silence' | 'cap'; start: number; end: number; time: number }
  | { type: 'no_speech'; time: number };

/**
 * End-of-utterance state machine over VAD probabilities (pure, no audio). `time` values are seconds from
 * `begin()`: `start`/`end` bound the speech, `time` is when the decision was taken (end + endSilence for
 * a silence endpoint). One utterance per `begin()`; after an event that ends it, updates return null.
 */
export class Endpointer {
  private readonly o: EndpointerOptions;
  private readonly frameS: number;
  private t = 0;
  private speechStart = -1;
  private lastSpeechEnd = -1;
  private candidateStart = -1;
  private done = false;

  constructor(frameLength: number, sampleRate: number, opts: Partial<EndpointerOptions> = {}) {
    this.o = { ...DEFAULT_ENDPOINTER, ...opts };
    if (this.o.endThreshold > this.o.startThreshold)
      throw new RangeError('endThreshold must be <= startThreshold');
    if (this.o.endSilenceMs <= 0 || this.o.maxUtteranceMs <= 0)
      throw new RangeError('durations must be positive');
    this.frameS = frameLength / sampleRate;
  }

  get options(): Readonly<EndpointerOptions> {
    return this.o;
  }

  begin(): void {
    this.t = 0;
    this.speechStart = -1;
    this.lastSpeechEnd = -1;
    this.candidateStart = -1;
    this.done = false;
  }

  update(prob: number): EndpointEvent | null {
    if (this.done) return null;
    const start = this.t;
    this.t += this.frameS;
    const end = this.t;
    if (this.speechStart < 0) {
      if (prob >= this.o.startThreshold) {
        if (this.candidateStart < 0) this.candidateStart = start;
        if ((end - this.candidateStart) * 1000 >= this.o.minSpeechMs) {
          this.speechStart = this.candidateStart;
          this.lastSpeechEnd = end;
          return { type: 'speech_start', time: this.speechStart };
        }
      } else if (prob < this.o.endThreshold) this.candidateStart = -1;
      if (end * 1000 >= this.o.noSpeechTimeoutMs) {
        this.done = true;
        return { type: 'no_speech', time: end };
      }
      return null;
    }
    if (prob >= this.o.endThreshold) this.lastSpeechEnd = end;
    if ((end - this.speechStart) * 1000 >= this.o.maxUtteranceMs) {
      this.done = true;
      return { type: 'speech_end', reason: 'cap', start: this.speechStart, end, time: end };
    }
    if ((end - this.lastSpeechEnd) * 1000 >= this.o.endSilenceMs) {
      this.done = true;
      return {
        type: 'speech_end',
        reason: 'silence',
        start: this.speechStart,
        end: this.lastSpeechEnd,
        time: end,
      };
    }
    return null;
  }
}
