import { existsSync, statSync } from 'node:fs';
import { EngineReleasedError, FrameLengthError, PorcupineError } from '../errors.ts';
import { SAMPLE_RATE } from '../features/log-mel.ts';
import type { Keyword, WakeDetection, WakeWordEngine } from './wake-word-engine.ts';

/** The part of `@picovoice/porcupine-node`'s Porcupine class this adapter uses (a seam for tests). */
export interface PorcupineLike {
  readonly frameLength: number;
  readonly sampleRate: number;
  process(frame: Int16Array): number;
  release(): void;
}
export type PorcupineConstructor = new (
  accessKey: string,
  keywordPaths: string[],
  sensitivities: number[],
) => PorcupineLike;

export interface PorcupineWakeWordOptions {
  /** Picovoice Console AccessKey; Porcupine checks it online when it starts. */
  accessKey: string;
  /** Keyword files (.ppn for this platform) made in Picovoice Console, per keyword; at least one. */
  keywordPaths: Partial<Record<Keyword, string>>;
  /** Per-keyword sensitivity in [0, 1] (default 0.5). */
  sensitivity?: number;
  /** The Porcupine class; default: the one in `@picovoice/porcupine-node` (loaded on first use). */
  porcupine?: PorcupineConstructor;
}

function classify(e: unknown): PorcupineError {
  const msg = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.constructor.name : '';
  if (/AccessKey|Activation/i.test(msg) || /Activation|Key/.test(name)) {
    return new PorcupineError(
      'porcupine_access_key',
      `Porcupine rejected the AccessKey or could not check it online (it needs internet at start-up): ${msg}`,
      { cause: e },
    );
  }
  if (/keyword|\.ppn/i.test(msg)) {
    return new PorcupineError('porcupine_keyword_file', `Porcupine cannot use a keyword file: ${msg}`, {
      cause: e,
    });
  }
  return new PorcupineError('porcupine_failed', `Porcupine failed to start: ${msg}`, { cause: e });
}

function checkKeywordFile(keyword: Keyword, path: string): void {
  if (!path.endsWith('.ppn')) {
    throw new PorcupineError(
      'porcupine_keyword_file',
      `keyword file for ${keyword} must be a .ppn file: ${path}`,
    );
  }
  if (!existsSync(path))
    throw new PorcupineError('porcupine_keyword_file', `keyword file for ${keyword} not found: ${path}`);
  if (statSync(path).size === 0)
    throw new PorcupineError('porcupine_keyword_file', `keyword file for ${keyword} is empty: ${path}`);
}

/** Picovoice Porcupine behind `WakeWordEngine` (used when an AccessKey and keyword files are configured). */
export class PorcupineWakeWord implements WakeWordEngine {
  readonly name = 'porcupine';
  readonly sampleRate = SAMPLE_RATE;
  readonly frameLength: number;
  private handle: PorcupineLike | null;
  private readonly keywords: Keyword[];
  private readonly pcm: Int16Array;
  private samples = 0;

  private constructor(handle: PorcupineLike, keywords: Keyword[]) {
    this.handle = handle;
    this.keywords = keywords;
    this.frameLength = handle.frameLength;
    this.pcm = new Int16Array(handle.frameLength);
  }

  static async create(opts: PorcupineWakeWordOptions): Promise<PorcupineWakeWord> {
    if (!opts.accessKey.trim()) {
      throw new PorcupineError(
        'porcupine_access_key',
        'no Porcupine AccessKey configured (get one from Picovoice Console)',
      );
    }
    const entries = Object.entries(opts.keywordPaths).filter(
      (e): e is [Keyword, string] => typeof e[1] === 'string',
    );
    if (entries.length === 0)
      throw new PorcupineError('porcupine_keyword_file', 'no Porcupine keyword files configured');
    for (const [k, p] of entries) checkKeywordFile(k, p);
    const sensitivity = opts.sensitivity ?? 0.5;
    if (!(sensitivity >= 0 && sensitivity <= 1))
      throw new RangeError(`sensitivity ${sensitivity} not in [0, 1]`);
    let Ctor = opts.porcupine;
    if (!Ctor) {
      try {
        Ctor = (await import('@picovoice/porcupine-node')).Porcupine;
      } catch (e) {
        throw new PorcupineError(
          'porcupine_failed',
          `cannot load @picovoice/porcupine-node: ${(e as Error).message}`,
          {
            cause: e,
          },
        );
      }
    }
    let handle: PorcupineLike;
    try {
      handle = new Ctor(
        opts.accessKey,
        entries.map((e) => e[1]),
        entries.map(() => sensitivity),
      );
    } catch (e) {
      throw classify(e);
    }
    if (handle.sampleRate !== SAMPLE_RATE) {
      handle.release();
      throw new PorcupineError(
        'porcupine_failed',
        `Porcupine expects ${handle.sampleRate} Hz, not ${SAMPLE_RATE} Hz`,
      );
    }
    return new PorcupineWakeWord(
      handle,
      entries.map((e) => e[0]),
    );
  }

  process(frame: Float32Array): Promise<WakeDetection | null> {
    const h = this.handle;
    if (!h) return Promise.reject(new EngineReleasedError('PorcupineWakeWord'));
    if (frame.length !== this.frameLength)
      return Promise.reject(new FrameLengthError(this.frameLength, frame.length));
    for (let i = 0; i < frame.length; i++) {
      const v = Math.max(-1, Math.min(1, frame[i] ?? 0));
      this.pcm[i] = Math.round(v < 0 ? v * 32768 : v * 32767);
    }
    this.samples += frame.length;
    let index: number;
    try {
      index = h.process(this.pcm);
    } catch (e) {
      return Promise.reject(
        new PorcupineError('porcupine_failed', `Porcupine.process: ${(e as Error).message}`, { cause: e }),
      );
    }
    const keyword = this.keywords[index];
    return Promise.resolve(
      keyword === undefined ? null : { keyword, score: 1, time: this.samples / SAMPLE_RATE },
    );
  }

  reset(): void {
    // Porcupine keeps no state that can be cleared from outside; a new utterance starts clean after ~1 s.
  }

  release(): Promise<void> {
    this.handle?.release();
    this.handle = null;
    return Promise.resolve();
  }
}
