import { spawn } from 'node:child_process';
import type { Language } from '@reception/protocol';
import { SpeechOutputError, type SpeechOutput } from './speech-output.ts';

/** espeak-ng voice per language: Northern Vietnamese, American English, Hindi, Urdu. */
export const ESPEAK_VOICES: Record<Language, string> = { vi: 'vi', en: 'en-us', hi: 'hi', ur: 'ur' };

export interface EspeakOptions {
  /** Words per minute (espeak-ng's default is 175; older listeners follow 140-160 better). */
  rate: number;
  /** Executable, `espeak-ng` on PATH by default. */
  command?: string;
}

/** Speech out through the espeak-ng command: offline, the four languages, text on stdin. */
export class EspeakSpeechOutput implements SpeechOutput {
  readonly name = 'espeak-ng';
  private readonly command: string;

  constructor(private readonly opts: EspeakOptions) {
    this.command = opts.command ?? 'espeak-ng';
    if (!(opts.rate >= 80 && opts.rate <= 450))
      throw new RangeError(`espeak-ng rate ${opts.rate} outside 80-450`);
  }

  speak(text: string, language: Language, signal?: AbortSignal): Promise<void> {
    if (!text.trim() || signal?.aborted) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const args = ['-v', ESPEAK_VOICES[language], '-s', String(this.opts.rate), '--stdin'];
      const child = spawn(this.command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
      const err: Buffer[] = [];
      let aborted = false;
      const onAbort = () => {
        aborted = true;
        child.kill('SIGTERM');
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e: NodeJS.ErrnoException) => {
        signal?.removeEventListener('abort', onAbort);
        const hint = e.code === 'ENOENT' ? ' (install it: apt-get install espeak-ng)' : '';
        reject(new SpeechOutputError(`cannot run ${this.command}: ${e.message}${hint}`, { cause: e }));
      });
      child.on('close', (code) => {
        signal?.removeEventListener('abort', onAbort);
        if (code === 0 || aborted) resolve();
        else {
          const msg = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-2).join(' ');
          reject(new SpeechOutputError(`${this.command} exited with ${code}: ${msg}`));
        }
      });
      child.stdin.on('error', () => undefined); // reported through 'close' / 'error'
      child.stdin.end(text, 'utf8');
    });
  }
}
