import { spawn } from 'node:child_process';
import { SpeechOutputError } from '../errors.ts';
import type { Language } from '../intent/speech-intent.ts';
import type { SpeechOutput } from './speech-output.ts';

/** espeak-ng voice per language (Northern Vietnamese, American English, Hindi, Urdu). */
export const ESPEAK_VOICES: Record<Language, string> = { vi: 'vi', en: 'en-us', hi: 'hi', ur: 'ur' };

export interface EspeakOptions {
  /** Words per minute (espeak-ng default 175). */
  rate?: number;
  /** Executable (default `espeak-ng` on PATH). */
  command?: string;
}

/** Fixes the RIFF and data sizes that espeak-ng leaves unset when it writes a WAV to a pipe. */
function fixStreamedWavSizes(wav: Buffer): Uint8Array {
  const out = new Uint8Array(wav);
  const view = new DataView(out.buffer);
  if (out.length < 44) throw new SpeechOutputError(`espeak-ng wrote ${out.length} bytes, not a WAV file`);
  view.setUint32(4, out.length - 8, true);
  // espeak-ng writes a canonical 44-byte header: the data chunk size is at byte 40
  view.setUint32(40, out.length - 44, true);
  return out;
}

/** Speech out through the espeak-ng command (offline, the four languages). */
export class EspeakSpeechOutput implements SpeechOutput {
  readonly name = 'espeak-ng';
  private readonly rate: number;
  private readonly command: string;

  constructor(opts: EspeakOptions = {}) {
    this.rate = opts.rate ?? 175;
    this.command = opts.command ?? 'espeak-ng';
    if (!(this.rate >= 80 && this.rate <= 450))
      throw new RangeError(`espeak-ng rate ${this.rate} outside 80-450`);
  }

  private args(language: Language, toStdout: boolean): string[] {
    const a = ['-v', ESPEAK_VOICES[language], '-s', String(this.rate), '--stdin'];
    return toStdout ? [...a, '--stdout'] : a;
  }

  private run(args: string[], text: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e: NodeJS.ErrnoException) => {
        const hint = e.code === 'ENOENT' ? ' (install it: apt-get install espeak-ng)' : '';
        reject(new SpeechOutputError(`cannot run ${this.command}: ${e.message}${hint}`, { cause: e }));
      });
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(out));
        else {
          const msg = Buffer.concat(err).toString('utf8').trim();
          reject(new SpeechOutputError(`${this.command} exited with ${code}: ${msg}`));
        }
      });
      child.stdin.on('error', () => undefined); // reported through 'close' / 'error'
      child.stdin.end(text, 'utf8');
    });
  }

  async synthesize(text: string, language: Language): Promise<Uint8Array> {
    if (!text.trim()) throw new SpeechOutputError('nothing to say: the text is empty');
    return fixStreamedWavSizes(await this.run(this.args(language, true), text));
  }

  async speak(text: string, language: Language): Promise<void> {
    if (!text.trim()) return;
    await this.run(this.args(language, false), text);
  }
}
