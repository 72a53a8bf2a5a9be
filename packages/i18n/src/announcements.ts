import type { Language } from '@reception/protocol';
import { translator } from './translator.ts';

/** BCP 47 tags for speech synthesis voices. */
export const SPEECH_LANG: Record<Language, string> = { vi: 'vi-VN', en: 'en-US', hi: 'hi-IN', ur: 'ur-PK' };

/** "B012" spoken as "B 0 1 2" so every voice reads the digits one by one, as the paper shows them. */
export function spokenNumber(number: string): string {
  return number.split('').join(' ');
}

/**
 * The call in one language: "Mời số B012 đến quầy số 3" (digits spaced for the voice when `spoken`). A call
 * holds no date or time, so the translator's time zone plays no part. The voice gets no bidi isolates:
 * they only order text on screen.
 */
export function callText(lang: Language, number: string, counter: number, spoken = false): string {
  const text = translator(lang, 'UTC').t('announce.call', {
    number: spoken ? spokenNumber(number) : number,
    counter,
  });
  return spoken ? text.replace(/[\u2066-\u2069]/g, '') : text;
}

export interface Utterance {
  lang: Language;
  text: string;
}

/**
 * Announcements one at a time: each call is spoken in every language of the site before the next call
 * starts, in the order the calls happened. `speak` resolves when the voice finished (or gave up).
 */
export class Announcer {
  private readonly queue: { number: string; counter: number }[] = [];
  private busy = false;

  constructor(
    private readonly languages: () => readonly Language[],
    private readonly speak: (u: Utterance) => Promise<void>,
    private readonly onChange: (current: { number: string; counter: number } | undefined) => void = () =>
      undefined,
  ) {}

  announce(number: string, counter: number): void {
    this.queue.push({ number, counter });
    void this.run();
  }

  get pending(): number {
    return this.queue.length + (this.busy ? 1 : 0);
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    for (let call = this.queue.shift(); call; call = this.queue.shift()) {
      this.onChange(call);
      for (const lang of this.languages()) {
        try {
          await this.speak({ lang, text: callText(lang, call.number, call.counter, true) });
        } catch {
          // A voice that fails must not stop the next announcements.
        }
      }
    }
    this.busy = false;
    this.onChange(undefined);
  }
}
