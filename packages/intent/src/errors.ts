/** Every failure `@reception/intent` reports, as a closed union. */
export type IntentErrorCode =
  'model_missing' | 'model_invalid' | 'closed' | 'input_invalid' | 'eval_file_invalid';

/** Base class: every error thrown by `@reception/intent` is an `IntentError` with a stable `code`. */
export class IntentError extends Error {
  readonly code: IntentErrorCode;
  constructor(code: IntentErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The model files (model.onnx, model.json, lexicon.json) are absent: retrain or check the path. */
export class ModelMissingError extends IntentError {
  constructor(path: string, options?: ErrorOptions) {
    super('model_missing', `${path}: not found; run /usr/bin/python3 models/intent/train.py`, options);
  }
}

/** A model file exists but does not match what this code expects (labels, inputs, outputs). */
export class ModelInvalidError extends IntentError {
  constructor(path: string, message: string, options?: ErrorOptions) {
    super('model_invalid', `${path}: ${message}`, options);
  }
}

/** `classify` was called after `close()`. */
export class ClassifierClosedError extends IntentError {
  constructor() {
    super('closed', 'the intent classifier was closed');
  }
}

/** One input line of the CLI is not a JSON object of the expected shape. */
export class InputLineError extends IntentError {
  readonly line: number;
  constructor(line: number, message: string) {
    super('input_invalid', `line ${line}: ${message}`);
    this.line = line;
  }
}
