import { describe, expect, it } from 'vitest';
import type { SpeechIntent, SpeechIntentResult } from '../intent/speech-intent.ts';
import { EnergyVad } from '../vad/energy-vad.ts';
import type { VoiceActivityDetector } from '../vad/voice-activity.ts';
import type { WakeDetection, WakeWordEngine } from '../wake/wake-word-engine.ts';
import { VoicePipeline } from './voice-pipeline.ts';

/** Fires when a frame's first sample is exactly 0.777 (a marker we put in the audio). */
class MarkerWake implements WakeWordEngine {
  readonly name = 'marker';
  readonly frameLength = 640;
  readonly sampleRate = 16000;
  resets = 0;
  process(frame: Float32Array): Promise<WakeDetection | null> {
    return Promise.resolve(
      Math.abs((frame[0] ?? 0) - 0.777) < 1e-6 ? { keyword: 'hello_robot', score: 0.99, time: -1 } : null,
    );
  }
  reset(): void {
    this.resets++;
  }
  release(): Promise<void> {
    return Promise.resolve();
  }
}

/** Speech where |sample| > 0.05 in most of the frame. */
class LoudVad implements VoiceActivityDetector {
  readonly name = 'loud';
  readonly frameLength = 512;
  process(frame: Float32Array): Promise<number> {
    let n = 0;
    for (const v of frame) if (Math.abs(v) > 0.05) n++;
    return Promise.resolve(n > frame.length / 2 ? 0.95 : 0.02);
  }
  reset(): void {}
  release(): Promise<void> {
    return Promise.resolve();
  }
}

class RecordingIntent implements SpeechIntent {
  readonly name = 'recording';
  lengths: number[] = [];
  recognize(audio: Float32Array): Promise<SpeechIntentResult> {
    this.lengths.push(audio.length);
    return Promise.resolve({
      intent: 'get_ticket',
      confidence: 0.9,
      slots: {},
      language: 'en',
      best: 'get_ticket',
    });
  }
  release(): Promise<void> {
    return Promise.resolve();
  }
}

/** 2 s quiet, marker frame (wake), 0.5 s quiet, 1 s of "speech", 2 s quiet. */
function scene(): Float32Array {
  const x = new Float32Array(16000 * 6);
  x[32000] = 0.777; // first sample of wake frame 50 (50 * 640 = 32000)
  for (let i = 0; i < 16000; i++) x[32640 + 8000 + i] = 0.3 * Math.sin(i * 0.3) >= 0 ? 0.3 : -0.3;
  return x;
}

describe('VoicePipeline', () => {
  it('goes wake -> speech_start -> speech_end -> intent with times on the audio clock', async () => {
    const intent = new RecordingIntent();
    const p = new VoicePipeline(
      { wake: new MarkerWake(), vad: new LoudVad(), intent },
      { endpointer: { endSilenceMs: 480 } },
    );
    const x = scene();
    const events = [];
    for (let at = 0; at < x.length; at += 128) events.push(...(await p.push(x.subarray(at, at + 128))));
    expect(events.map((e) => e.type)).toEqual(['wake', 'speech_start', 'speech_end', 'intent']);
    const [wake, start, end] = events;
    if (wake?.type !== 'wake' || start?.type !== 'speech_start' || end?.type !== 'speech_end')
      throw new Error('order');
    expect(wake.detection.time).toBeCloseTo(32640 / 16000, 6);
    // speech starts 0.5 s after the wake frame; the VAD frame grid (32 ms) makes it at most one frame late
    expect(start.time).toBeGreaterThanOrEqual(2.54 - 0.001);
    expect(start.time).toBeLessThan(2.54 + 0.032);
    expect(end.end).toBeCloseTo(3.54, 1);
    expect(end.time - end.end).toBeCloseTo(0.48, 2);
    // the intent model got the speech plus 0.2 s pre-roll and a 0.3 s tail, not the whole capture
    expect(intent.lengths[0]).toBeGreaterThan(16000);
    expect(intent.lengths[0]).toBeLessThan(16000 + 0.65 * 16000);
    expect(p.listening).toBe(false);
  });

  it('gives up with no_speech when the citizen says nothing after the wake word', async () => {
    const p = new VoicePipeline(
      { wake: new MarkerWake(), vad: new LoudVad(), intent: new RecordingIntent() },
      { endpointer: { noSpeechTimeoutMs: 1000 } },
    );
    const x = new Float32Array(16000 * 4);
    x[640 * 3] = 0.777;
    const types = (await p.push(x)).map((e) => e.type);
    expect(types).toEqual(['wake', 'no_speech']);
  });

  it('drops audio while muted (the kiosk speaking) and resets the wake engine on unmute', async () => {
    const wake = new MarkerWake();
    const p = new VoicePipeline({ wake, vad: new EnergyVad(), intent: new RecordingIntent() });
    p.setMuted(true);
    expect(await p.push(scene())).toEqual([]);
    expect(p.time).toBeCloseTo(6, 6);
    p.setMuted(false);
    expect(wake.resets).toBe(1);
  });
});
