import { intentResultSchema, languageSchema } from '@reception/protocol';
import { z } from 'zod';

/**
 * The voice part of the host API (DESIGN.md sections 2 and 7). The page captures the microphone (an
 * AudioWorklet resamples it to 16 kHz mono) and pushes the frames to the host; the host runs wake word ->
 * Silero VAD -> speech intent (packages/voice, onnxruntime-node) and pushes back what it heard. Audio goes
 * from the page to the host on this machine only (IPC in Electron, 127.0.0.1 in browser mode) and is
 * never stored, logged or sent on.
 *
 * - `listen {}` opens a session (one at a time: a new one ends the previous, as a reloaded page would);
 * - `pushAudio {session, pcm}`: consecutive 16 kHz mono samples, signed 16-bit little-endian, in order
 *   and without gaps (at most PUSH_MAX_SAMPLES per call); `pcm` is bytes, the one non-JSON argument;
 * - `stopListening {session}` ends it; so does the page's connection closing;
 * - event `voice`: `wake`, then `speech_start` / `speech_end` (the utterance) or `no_speech`, then
 *   `intent`; `ended` when the host ends a session by itself.
 *
 * While the kiosk speaks (the host's speaker), and for a moment after, the host drops the audio: the wake
 * word never hears the kiosk's own voice. A push resolves once queued; the host processes the session's
 * audio in order and ends the session (`overrun`) if it falls more than 2 s behind.
 */

export const VOICE_SAMPLE_RATE = 16000;
/** Largest chunk of one `pushAudio` (1 s); pages send 40 ms frames. */
export const PUSH_MAX_SAMPLES = 16000;

const sessionId = z.string().min(8).max(64);

export const listenRequestSchema = z.object({}).strict();

/**
 * Signed 16-bit samples, at least one and at most `maxSamples`, as bytes as they arrive: a Buffer
 * (socket.io) or a Uint8Array (Electron's structured clone).
 */
export function pcmSchema(maxSamples: number) {
  return z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength > 0 && b.byteLength % 2 === 0, 'whole 16-bit samples, at least one')
    .refine((b) => b.byteLength <= maxSamples * 2, `at most ${maxSamples} samples`);
}

export const pushAudioRequestSchema = z
  .object({ session: sessionId, pcm: pcmSchema(PUSH_MAX_SAMPLES) })
  .strict();
export type PushAudioRequest = z.input<typeof pushAudioRequestSchema>;

export const stopListeningRequestSchema = z.object({ session: sessionId }).strict();

export interface ListenOutcome {
  session: string;
  sampleRate: typeof VOICE_SAMPLE_RATE;
  /** Wake word engine in use (`onnx` or `porcupine`). */
  wakeEngine: string;
}

export const keywordSchema = z.enum(['xin_chao_robot', 'hello_robot']);
export type Keyword = z.infer<typeof keywordSchema>;

/**
 * The wake phrases as they must be said, in the script and language they are said in, whatever the screen's
 * language. In a right-to-left sentence the translator isolates them (FSI ... PDI) like any text value.
 */
export const WAKE_PHRASE: Record<Keyword, { text: string; lang: 'vi' | 'en' }> = {
  xin_chao_robot: { text: 'Xin chào Robot', lang: 'vi' },
  hello_robot: { text: 'Hello Robot', lang: 'en' },
};

/** The phrases in quotes (default both), joined by `separator`, for a sentence that names them. */
export const quotedWakePhrases = (
  separator: string,
  keywords: readonly Keyword[] = keywordSchema.options,
): string => keywords.map((k) => `“${WAKE_PHRASE[k].text}”`).join(separator);

/** Why the host ended a session by itself. */
export const sessionEndSchema = z.enum(['replaced', 'overrun', 'failed', 'closed']);

export const voiceEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('wake'), session: sessionId, keyword: keywordSchema, score: z.number() }),
  z.object({ type: z.literal('speech_start'), session: sessionId }),
  z.object({
    type: z.literal('speech_end'),
    session: sessionId,
    reason: z.enum(['silence', 'cap']),
  }),
  z.object({ type: z.literal('no_speech'), session: sessionId }),
  z.object({
    type: z.literal('intent'),
    session: sessionId,
    result: intentResultSchema,
    /** The language the citizen spoke, as the speech-intent model heard it. */
    language: languageSchema,
    /**
     * Index, in the session's samples (counted from its first pushed sample), of the end of the speech: the
     * page maps it to the time it captured that sample to measure end of speech -> intent on screen.
     */
    speechEndSample: z.number().int().nonnegative(),
    /** Host time from the endpoint decision to the intent (model), ms. */
    computeMs: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('ended'), session: sessionId, reason: sessionEndSchema }),
]);
export type VoiceEvent = z.infer<typeof voiceEventSchema>;
