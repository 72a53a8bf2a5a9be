/** Every failure `@reception/voice` reports, as a closed union (exhaustive switches stay honest). */
export type VoiceErrorCode =
  | 'wav_empty'
  | 'wav_corrupt'
  | 'wav_unsupported'
  | 'model_missing'
  | 'model_invalid'
  | 'frame_length'
  | 'engine_released'
  | 'porcupine_access_key'
  | 'porcupine_keyword_file'
  | 'porcupine_failed'
  | 'speech_output_failed'
  | CalibrationErrorCode;

/** What can go wrong calibrating the wake word on site, or loading a site calibration. */
export type CalibrationErrorCode =
  'calibration_too_little_audio' | 'calibration_unreachable' | 'calibration_invalid' | 'calibration_stale';

/** Base class: every error thrown by `@reception/voice` is a `VoiceError` with a stable `code`. */
export class VoiceError extends Error {
  readonly code: VoiceErrorCode;
  constructor(code: VoiceErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A WAV file that cannot be read: empty, truncated, not RIFF/WAVE, or an encoding we do not decode. */
export class WavFormatError extends VoiceError {
  declare readonly code: 'wav_empty' | 'wav_corrupt' | 'wav_unsupported';
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- narrows the accepted codes
  constructor(code: 'wav_empty' | 'wav_corrupt' | 'wav_unsupported', message: string) {
    super(code, message);
  }
}

/** A model file that is absent or that onnxruntime cannot load, or whose inputs are not what we expect. */
export class ModelLoadError extends VoiceError {
  readonly file: string;
  constructor(
    code: 'model_missing' | 'model_invalid',
    file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(code, `${file}: ${message}`, options);
    this.file = file;
  }
}

/** A frame handed to an engine whose length is not the engine's `frameLength`. */
export class FrameLengthError extends VoiceError {
  constructor(expected: number, got: number) {
    super('frame_length', `expected a frame of ${expected} samples, got ${got}`);
  }
}

/** An engine used after `release()`. */
export class EngineReleasedError extends VoiceError {
  constructor(engine: string) {
    super('engine_released', `${engine} was released; create a new engine`);
  }
}

/** Porcupine could not start: the AccessKey, a keyword file or the library itself. */
export class PorcupineError extends VoiceError {
  declare readonly code: 'porcupine_access_key' | 'porcupine_keyword_file' | 'porcupine_failed';
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- narrows the accepted codes
  constructor(
    code: 'porcupine_access_key' | 'porcupine_keyword_file' | 'porcupine_failed',
    message: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}

/** The speech synthesiser could not be run or failed. */
export class SpeechOutputError extends VoiceError {
  constructor(message: string, options?: ErrorOptions) {
    super('speech_output_failed', message, options);
  }
}

/**
 * A site calibration of the wake word that cannot be made (too little audio, no threshold meets the
 * target) or used (unreadable file, or made for another model).
 */
export class CalibrationError extends VoiceError {
  declare readonly code: CalibrationErrorCode;
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- narrows the accepted codes
  constructor(code: CalibrationErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
