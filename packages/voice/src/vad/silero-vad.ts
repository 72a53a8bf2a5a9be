import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EngineReleasedError, FrameLengthError, ModelLoadError } from '../errors.ts';
import { loadSession, ort, requireInputs } from '../onnx.ts';
import type { VoiceActivityDetector } from './voice-activity.ts';

const CONTEXT = 64; // samples of the previous frame the v5 model sees, as silero-vad's own wrapper does
const FRAME = 512; // 32 ms at 16 kHz

/** The Silero VAD v5 ONNX file shipped inside the npm package @ricky0123/vad-web. */
export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', 'silero_vad_v5.onnx');
}

/** Silero VAD v5 run with onnxruntime-node: speech probability for each 32 ms frame. */
export class SileroVad implements VoiceActivityDetector {
  readonly name = 'silero-v5';
  readonly frameLength = FRAME;
  private session: ort.InferenceSession | null;
  private state = SileroVad.zeroState();
  private context = new Float32Array(CONTEXT);
  private readonly input = new Float32Array(CONTEXT + FRAME);
  private readonly sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), [1]);

  private constructor(session: ort.InferenceSession) {
    this.session = session;
  }

  static async create(modelPath = sileroModelPath()): Promise<SileroVad> {
    const session = await loadSession(modelPath);
    requireInputs(session, modelPath, ['input', 'state', 'sr']);
    return new SileroVad(session);
  }

  private static zeroState(): ort.Tensor {
    return new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  }

  async process(frame: Float32Array): Promise<number> {
    const s = this.session;
    if (!s) throw new EngineReleasedError('SileroVad');
    if (frame.length !== FRAME) throw new FrameLengthError(FRAME, frame.length);
    this.input.set(this.context, 0);
    this.input.set(frame, CONTEXT);
    this.context = frame.slice(FRAME - CONTEXT);
    const out = await s.run({
      input: new ort.Tensor('float32', this.input.slice(), [1, CONTEXT + FRAME]),
      state: this.state,
      sr: this.sr,
    });
    const p = out.output?.data[0];
    const next = out.stateN;
    if (typeof p !== 'number' || !next)
      throw new ModelLoadError('model_invalid', 'silero', 'unexpected outputs');
    this.state = next;
    return p;
  }

  reset(): void {
    this.state = SileroVad.zeroState();
    this.context = new Float32Array(CONTEXT);
  }

  async release(): Promise<void> {
    const s = this.session;
    this.session = null;
    await s?.release();
  }
}
