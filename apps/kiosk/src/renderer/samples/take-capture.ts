import { TAKE_MAX_SAMPLES } from '../../shared/samples-api.ts';

/** What a frame did to the take. */
export type TakeProgress =
  | { state: 'waiting' }
  | { state: 'recording' }
  | { state: 'done'; pcm: Int16Array<ArrayBuffer>; /** The cap ended it while still loud. */ capped: boolean }
  | { state: 'no_speech' };

export interface TakeCaptureOptions {
  /** Frames kept from before the voice started (its first consonant is often quiet): 320 ms. */
  preRollFrames?: number;
  /** Quiet frames after the voice that end the take: 600 ms. */
  endQuietFrames?: number;
  /** Frames to wait for a voice before giving up: 6 s. */
  waitFrames?: number;
  maxSamples?: number;
}

const HISTORY = 25; // frames (1 s at 40 ms) over which the room's floor is estimated
/** Levels (RMS of full scale): under about -46 dBFS nothing counts as a voice, whatever the room. */
const MIN_ONSET = 0.005;
const MIN_QUIET = 0.0035;

/**
 * One take of a wake phrase, cut from the microphone's 40 ms frames by level: it starts when a frame is
 * three times the room's floor (the quietest fifth of the last second), keeps a pre-roll from before that,
 * and ends after 600 ms under twice the floor or at the 3 s cap. So a volunteer speaks when ready, and the
 * take holds the whole phrase with quiet on both sides, whatever their pace. Feed every frame (`observe`
 * keeps the floor current between takes); `arm` starts a take.
 */
export class TakeCapture {
  private readonly history: number[] = [];
  private readonly preRoll: Int16Array[] = [];
  private recorded: Int16Array[] = [];
  private recordedSamples = 0;
  private armed = false;
  private started = false;
  private quiet = 0;
  private waited = 0;
  private floorAtOnset = 0;
  private readonly o: Required<TakeCaptureOptions>;

  constructor(opts: TakeCaptureOptions = {}) {
    this.o = {
      preRollFrames: opts.preRollFrames ?? 8,
      endQuietFrames: opts.endQuietFrames ?? 15,
      waitFrames: opts.waitFrames ?? 150,
      maxSamples: opts.maxSamples ?? TAKE_MAX_SAMPLES,
    };
  }

  /** Starts a new take (what was being recorded is dropped). */
  arm(): void {
    this.armed = true;
    this.started = false;
    this.recorded = [];
    this.recordedSamples = 0;
    this.quiet = 0;
    this.waited = 0;
  }

  disarm(): void {
    this.armed = false;
  }

  get floor(): number {
    const sorted = [...this.history].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length * 0.2)] ?? 0;
  }

  push(frame: Int16Array, rms: number): TakeProgress {
    if (!this.armed) {
      this.observe(frame, rms);
      return { state: 'waiting' };
    }
    if (!this.started) {
      const floor = this.floor;
      if (rms >= Math.max(MIN_ONSET, 3 * floor)) {
        this.started = true;
        this.floorAtOnset = floor;
        for (const f of this.preRoll) this.add(f);
      } else {
        this.observe(frame, rms);
        if (++this.waited >= this.o.waitFrames) {
          this.armed = false;
          return { state: 'no_speech' };
        }
        return { state: 'waiting' };
      }
    }
    this.add(frame);
    const quietNow = rms < Math.max(MIN_QUIET, 2 * this.floorAtOnset);
    this.quiet = quietNow ? this.quiet + 1 : 0;
    const full = this.recordedSamples >= this.o.maxSamples;
    if (this.quiet >= this.o.endQuietFrames || full) {
      this.armed = false;
      return { state: 'done', pcm: this.take(), capped: full && !quietNow };
    }
    return { state: 'recording' };
  }

  private observe(frame: Int16Array, rms: number): void {
    this.history.push(rms);
    if (this.history.length > HISTORY) this.history.shift();
    this.preRoll.push(frame);
    if (this.preRoll.length > this.o.preRollFrames) this.preRoll.shift();
  }

  private add(frame: Int16Array): void {
    this.recorded.push(frame);
    this.recordedSamples += frame.length;
  }

  private take(): Int16Array<ArrayBuffer> {
    this.preRoll.length = 0;
    return joinFrames(this.recorded, this.o.maxSamples);
  }
}

/** Consecutive frames as one run of samples, cut at `limit` samples. */
export function joinFrames(frames: readonly Int16Array[], limit = Infinity): Int16Array<ArrayBuffer> {
  const n = Math.min(
    limit,
    frames.reduce((sum, f) => sum + f.length, 0),
  );
  const out = new Int16Array(n);
  let at = 0;
  for (const f of frames) {
    if (at >= n) break;
    const part = f.subarray(0, n - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}
