import { fileURLToPath } from 'node:url';

/** Committed models live in the repository's models/ folder (models/wake-word, models/speech-intent). */
export const MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));
export const WAKE_WORD_MODEL = `${MODELS_DIR}wake-word/wakeword.onnx`;
export const SPEECH_INTENT_MODEL = `${MODELS_DIR}speech-intent/speech-intent.onnx`;
