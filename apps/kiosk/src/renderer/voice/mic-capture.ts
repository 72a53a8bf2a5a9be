import { MIC_PROCESSOR, type MicFrameMessage } from './mic-frame.ts';
import workletUrl from './mic-worklet.ts?worker&url';

/** Why the kiosk cannot hear: the shown reason (each has its own message in every language). */
export type MicProblem = 'denied' | 'no_microphone' | 'failed';

export class MicCaptureError extends Error {
  constructor(
    readonly code: MicProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** `getUserMedia`'s failures, by the DOMException names browsers give them. */
export function micProblemOf(e: unknown): MicProblem {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'NotReadableError':
      return 'no_microphone';
    default:
      return 'failed';
  }
}

export interface MicCapture {
  /** The device in use, as the system names it. */
  readonly deviceLabel: string;
  /** The capture context's rate, resampled to 16 kHz on the audio thread. */
  readonly sampleRate: number;
  stop(): Promise<void>;
}

export interface MicCaptureOptions {
  /** Part of a device label to prefer (KIOSK_MICROPHONE); empty or unmatched: the default input. */
  preferLabel: string;
  /** One 40 ms frame of 16 kHz mono signed 16-bit samples, with its RMS level in [0, 1]. */
  onFrame: (pcm: Int16Array<ArrayBuffer>, rms: number) => void;
  /** The track ended by itself (microphone unplugged or taken away). */
  onEnded: () => void;
}

// The wake word and intent models were trained on plain audio: no noise suppression, gain control or echo
// cancellation. WebRTC's echo canceller changes the signal enough to matter: through it the first wake-word
// model scored "Hello Robot" in dialog-oos.wav 0.79 (under its threshold) against 0.91 without it (measured
// with the model of 2026-12-05; the WAV's keyword voice has changed since). The kiosk's own voice
// is kept out by the host instead, which drops the audio while the kiosk speaks (voice-sessions.ts).
const AUDIO: MediaTrackConstraints = {
  channelCount: 1,
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
};

async function openStream(preferLabel: string): Promise<MediaStream> {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media) throw new MicCaptureError('failed', 'no mediaDevices: the page is not a secure context');
  let stream: MediaStream;
  try {
    stream = await media.getUserMedia({ audio: AUDIO, video: false });
  } catch (e) {
    throw new MicCaptureError(micProblemOf(e), `getUserMedia: ${String(e)}`, { cause: e });
  }
  const want = preferLabel.toLowerCase();
  if (!want) return stream;
  // Labels are readable once the permission is granted, i.e. now.
  const inputs = (await media.enumerateDevices()).filter((d) => d.kind === 'audioinput');
  const match = inputs.find((d) => d.label.toLowerCase().includes(want));
  const current = stream.getAudioTracks()[0]?.getSettings().deviceId;
  if (!match || match.deviceId === current) return stream;
  for (const t of stream.getTracks()) t.stop();
  try {
    return await media.getUserMedia({ audio: { ...AUDIO, deviceId: { exact: match.deviceId } } });
  } catch (e) {
    throw new MicCaptureError(micProblemOf(e), `getUserMedia(${match.label}): ${String(e)}`, { cause: e });
  }
}

/**
 * Opens the microphone and starts the AudioWorklet that turns it into 16 kHz frames. An AudioContext that
 * the browser's autoplay rule keeps suspended starts at the first touch (kiosk browsers are launched with
 * `--autoplay-policy=no-user-gesture-required`, see deploy/, so it normally starts at once).
 */
export async function startMicCapture(opts: MicCaptureOptions): Promise<MicCapture> {
  const stream = await openStream(opts.preferLabel);
  const track = stream.getAudioTracks()[0];
  if (!track) throw new MicCaptureError('no_microphone', 'the stream has no audio track');
  const ctx = new AudioContext({ latencyHint: 'interactive' });
  const resume = () => void ctx.resume();
  try {
    await ctx.audioWorklet.addModule(workletUrl);
    const source = ctx.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(ctx, MIC_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
    });
    node.port.onmessage = (e: MessageEvent<MicFrameMessage>) =>
      opts.onFrame(new Int16Array(e.data.pcm), e.data.rms);
    // Connected to the output (it writes silence) so that the graph pulls it on every render quantum.
    source.connect(node).connect(ctx.destination);
    const suspended = (): boolean => ctx.state === 'suspended';
    if (suspended()) {
      await Promise.race([ctx.resume(), new Promise((r) => setTimeout(r, 500))]);
      if (suspended()) window.addEventListener('pointerdown', resume, { once: true });
    }
  } catch (e) {
    for (const t of stream.getTracks()) t.stop();
    void ctx.close();
    throw new MicCaptureError('failed', `audio worklet: ${String(e)}`, { cause: e });
  }
  track.addEventListener('ended', opts.onEnded, { once: true });
  return {
    deviceLabel: track.label,
    sampleRate: ctx.sampleRate,
    stop: async () => {
      window.removeEventListener('pointerdown', resume);
      track.removeEventListener('ended', opts.onEnded);
      for (const t of stream.getTracks()) t.stop();
      await ctx.close();
    },
  };
}
