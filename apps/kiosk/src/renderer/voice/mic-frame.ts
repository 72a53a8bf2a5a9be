/** Name under which the capture processor is registered in the AudioWorklet. */
export const MIC_PROCESSOR = 'kiosk-mic-16k';
/** Rate of the frames the page pushes to the host (shared/voice-api.ts VOICE_SAMPLE_RATE). */
export const MIC_RATE = 16000;
/** 40 ms at 16 kHz: one frame per message from the audio thread, one `pushAudio` per frame. */
export const MIC_FRAME_SAMPLES = 640;

/** What the AudioWorklet posts per frame: signed 16-bit samples at 16 kHz and their RMS level (0-1). */
export interface MicFrameMessage {
  pcm: ArrayBuffer;
  rms: number;
}
