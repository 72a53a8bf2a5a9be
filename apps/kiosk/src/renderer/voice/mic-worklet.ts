import { Resampler } from '@reception/voice/audio/resample';
import { MIC_FRAME_SAMPLES, MIC_PROCESSOR, MIC_RATE, type MicFrameMessage } from './mic-frame.ts';

// The AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: typeof AudioWorkletProcessor): void;

/**
 * Runs on the audio thread: mixes the capture to mono, resamples it from the context's rate to 16 kHz with
 * packages/voice's band-limited windowed-sinc `Resampler` (the one the CLIs use, so a file and the
 * microphone reach the models the same way), and posts 40 ms frames of signed 16-bit samples with their RMS
 * level. Outputs silence.
 */
class MicProcessor extends AudioWorkletProcessor {
  private readonly resampler = new Resampler(Math.round(sampleRate), MIC_RATE);
  private frame = new Int16Array(MIC_FRAME_SAMPLES);
  private filled = 0;
  private sumSquares = 0;

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    const first = channels?.[0];
    if (!channels || !first) return true;
    let mono = first;
    if (channels.length > 1) {
      mono = new Float32Array(first.length);
      for (const ch of channels)
        for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) + (ch[i] ?? 0) / channels.length;
    }
    for (const x of this.resampler.process(mono)) {
      const v = Math.max(-1, Math.min(1, x));
      this.frame[this.filled++] = Math.round(v * 32767);
      this.sumSquares += v * v;
      if (this.filled === MIC_FRAME_SAMPLES) this.post();
    }
    return true;
  }

  private post(): void {
    const msg: MicFrameMessage = {
      pcm: this.frame.buffer,
      rms: Math.sqrt(this.sumSquares / MIC_FRAME_SAMPLES),
    };
    this.port.postMessage(msg, [this.frame.buffer]);
    this.frame = new Int16Array(MIC_FRAME_SAMPLES);
    this.filled = 0;
    this.sumSquares = 0;
  }
}

registerProcessor(MIC_PROCESSOR, MicProcessor);
