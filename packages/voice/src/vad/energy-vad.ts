import { FrameLengthError } from '../errors.ts';
import type { VoiceActivityDetector } from './voice-activity.ts';

/**
 * Baseline VAD for the benchmark: frame energy against an adaptive noise floor (the classic approach of
 * WebRTC-era endpointers before neural VADs). Probability-like output: a logistic of the dB margin.
 */
export class EnergyVad implements VoiceActivityDetector {
  readonly name = 'energy';
  readonly frameLength = 512;
  private floorDb = -60;
  private frames = 0;

  process(frame: Float32Array): Promise<number> {
    if (frame.length !== this.frameLength)
      return Promise.reject(new FrameLengthError(this.frameLength, frame.length));
    let s = 0;
    for (const v of frame) s += v * v;
    const db = 10 * Math.log10(s / frame.length + 1e-10);
    // the floor follows quiet frames quickly and loud frames slowly
    const rate = db < this.floorDb ? 0.3 : this.frames < 10 ? 0.2 : 0.01;
    this.floorDb += rate * (db - this.floorDb);
    this.frames++;
    return Promise.resolve(1 / (1 + Math.exp(-(db - this.floorDb - 9) / 2)));
  }

  reset(): void {
    this.floorDb = -60;
    this.frames = 0;
  }

  release(): Promise<void> {
    return Promise.resolve();
  }
}
