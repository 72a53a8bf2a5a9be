import type { Language } from '@reception/protocol';
import type { Logger } from 'pino';
import type { SpeechOutput } from './speech-output.ts';

/**
 * One voice for the whole kiosk: a new `say` cuts the current one short (the citizen moved on), `hush`
 * silences it. Tells listeners when the speaker starts and stops, so the page can show it. Logs the
 * language and length of what it says, never the text (it may hold a receipt code).
 */
export class Speaker {
  private current: AbortController | undefined;
  private readonly listeners = new Set<(speaking: boolean) => void>();

  constructor(
    private readonly output: SpeechOutput,
    private readonly log: Logger,
  ) {}

  get engine(): string {
    return this.output.name;
  }

  get speaking(): boolean {
    return this.current !== undefined;
  }

  onChange(listener: (speaking: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Speaks `text`; resolves `finished: false` when something else interrupted it. */
  async say(text: string, language: Language): Promise<{ finished: boolean }> {
    this.current?.abort();
    const mine = new AbortController();
    this.current = mine;
    this.emit(true);
    const started = Date.now();
    try {
      await this.output.speak(text, language, mine.signal);
      this.log.info(
        { language, chars: text.length, ms: Date.now() - started, interrupted: mine.signal.aborted },
        'spoke',
      );
      return { finished: !mine.signal.aborted };
    } finally {
      if (this.current === mine) {
        this.current = undefined;
        this.emit(false);
      }
    }
  }

  hush(): void {
    const c = this.current;
    if (!c) return;
    this.current = undefined;
    c.abort();
    this.emit(false);
  }

  private emit(speaking: boolean): void {
    for (const l of this.listeners) l(speaking);
  }
}
