import { VoiceError } from '../errors.ts';
import { OnnxWakeWord, type OnnxWakeWordOptions } from './onnx-wake-word.ts';
import { PorcupineWakeWord, type PorcupineWakeWordOptions } from './porcupine-wake-word.ts';
import type { WakeWordEngine } from './wake-word-engine.ts';

export interface WakeWordConfig {
  /** Set both an AccessKey and keyword files to use Porcupine; otherwise our ONNX model runs. */
  porcupine?: PorcupineWakeWordOptions | undefined;
  onnx?: OnnxWakeWordOptions;
}

export interface WakeWordChoice {
  engine: WakeWordEngine;
  /** Why Porcupine was configured but not used (shown to the IT person), if it was. */
  fallback?: VoiceError;
}

/**
 * Picks the wake word engine: Porcupine when configured and it starts, else ours. A Porcupine failure
 * (bad or unchecked AccessKey, bad keyword file) never leaves the kiosk deaf: it is returned as
 * `fallback` and the ONNX engine is used. Failures of our own model propagate (there is nothing left).
 */
export async function createWakeWordEngine(config: WakeWordConfig = {}): Promise<WakeWordChoice> {
  let fallback: VoiceError | undefined;
  if (config.porcupine) {
    try {
      return { engine: await PorcupineWakeWord.create(config.porcupine) };
    } catch (e) {
      if (!(e instanceof VoiceError)) throw e;
      fallback = e;
    }
  }
  const engine = await OnnxWakeWord.create(config.onnx);
  return fallback ? { engine, fallback } : { engine };
}
