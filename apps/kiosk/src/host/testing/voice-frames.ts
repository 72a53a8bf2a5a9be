import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWav16k } from '@reception/voice/audio/read-wav';
import type { VoiceEvent } from '../../shared/voice-api.ts';
import type { VoiceSessions } from '../voice-sessions.ts';

// Tests' audio for the host's voice sessions: packages/voice's committed WAVs (spoken by eval-only
// synthetic voices), sent as the page sends them.

const FIXTURES = fileURLToPath(new URL('../../../../../packages/voice/fixtures/', import.meta.url));

/** The WAV as the page sends it: 640-sample frames of signed 16-bit little-endian samples. */
export async function frames(name: string): Promise<Uint8Array[]> {
  return toFrames((await readWav16k(path.join(FIXTURES, name))).samples);
}

/** 16 kHz mono floats as the page sends them: 640-sample frames of signed 16-bit samples. */
export function toFrames(samples: Float32Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < samples.length; at += 640) {
    const chunk = samples.subarray(at, at + 640);
    const pcm = new Int16Array(chunk.length);
    chunk.forEach((x, i) => (pcm[i] = Math.round(Math.max(-1, Math.min(1, x)) * 32767)));
    out.push(new Uint8Array(pcm.buffer));
  }
  return out;
}

/** Pushes every frame and resolves with the events they caused once the host has processed them all. */
export async function play(
  sessions: VoiceSessions,
  session: string,
  name: string | Uint8Array[],
  events: VoiceEvent[],
): Promise<VoiceEvent[]> {
  const all = typeof name === 'string' ? await frames(name) : name;
  const before = events.length;
  // In step with the host, as real time would be (at most 0.4 s ahead; the backlog limit is 2 s).
  for (const [i, f] of all.entries()) {
    sessions.push(session, f);
    if (i % 10 === 9) await sessions.settled();
  }
  await sessions.settled();
  return events.slice(before);
}
