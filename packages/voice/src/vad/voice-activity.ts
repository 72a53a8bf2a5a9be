/**
 * A voice activity detector: speech probability per fixed-size frame of 16 kHz mono audio.
 *
 * Rules: frames of exactly `frameLength` samples, in order, awaited one at a time (the model is stateful);
 * `reset()` starts a new stream; `release()` frees native resources and later calls throw.
 */
export interface VoiceActivityDetector {
  readonly name: string;
  readonly frameLength: number;
  process(frame: Float32Array): Promise<number>;
  reset(): void;
  release(): Promise<void>;
}
