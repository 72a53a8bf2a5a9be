import type { Language, SiteCatalogue } from '@reception/protocol';
import { callText } from '@reception/i18n';
import type { SpeechSynthesizer } from './speech-synthesizer.ts';

/** A call as the display hears it: the ticket, the counter, and the language its holder chose. */
export interface Call {
  number: string;
  counter: number;
  language: Language | null;
}

/** A call waiting in, or going through, the voice queue. */
export interface Announcement extends Call {
  /** The languages it is spoken in, in order. */
  languages: Language[];
  /** When the call reached the display (the announcer's clock, ms). */
  at: number;
}

/**
 * The languages a call is spoken in: the site's `languages.announce.languages` (the default language when
 * not set), then the holder's own language when it is another enabled one, unless the site says not to.
 * Every enabled language is on screen anyway; speaking them all made each call four utterances long.
 */
export function spokenLanguages(site: SiteCatalogue['languages'], citizen: Language | null): Language[] {
  const list = (site.announce?.languages ?? [site.default]).filter((l) => site.enabled.includes(l));
  const addCitizen = site.announce?.citizen_language !== false;
  if (addCitizen && citizen && site.enabled.includes(citizen) && !list.includes(citizen)) list.push(citizen);
  return list;
}

export interface AnnouncerOptions {
  speech: SpeechSynthesizer;
  /** The site's languages as of now (the site can change while the display runs). */
  languages: () => SiteCatalogue['languages'];
  /** Milliseconds; `Date.now` on the display, a virtual clock in tests. */
  now?: () => number;
  /** The announcement being spoken, or undefined when the queue is empty (for the banner). */
  onChange?: (current: Announcement | undefined) => void;
  /** Heard when an announcement starts (with the clock then). */
  onStart?: (a: Announcement, startedAt: number) => void;
  /** Heard when an announcement is dropped unspoken: `by` the newer call, or withdrawn (undefined). */
  onDrop?: (a: Announcement, by: Announcement | undefined) => void;
}

/**
 * The display's voice queue: one announcement at a time, in the order of the calls, each call one item
 * spoken in its few languages. A call that has not started yet is dropped when a newer call for the same
 * counter (or the same ticket at another counter) arrives: nobody needs to hear the older one any more.
 */
export class Announcer {
  private readonly queue: Announcement[] = [];
  private busy = false;
  private readonly now: () => number;

  constructor(private readonly o: AnnouncerOptions) {
    this.now = o.now ?? Date.now;
  }

  announce(call: Call): void {
    const a: Announcement = {
      ...call,
      languages: spokenLanguages(this.o.languages(), call.language),
      at: this.now(),
    };
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const old = this.queue[i];
      if (old && (old.counter === a.counter || old.number === a.number)) {
        this.queue.splice(i, 1);
        this.o.onDrop?.(old, a);
      }
    }
    this.queue.push(a);
    void this.run();
  }

  /**
   * The ticket left its counter (transferred, cancelled, served or not come) before its call was spoken:
   * its waiting announcements are dropped. One already being spoken ends as it is.
   */
  withdraw(number: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const old = this.queue[i];
      if (old?.number === number) {
        this.queue.splice(i, 1);
        this.o.onDrop?.(old, undefined);
      }
    }
  }

  /** Announcements queued or being spoken. */
  get pending(): number {
    return this.queue.length + (this.busy ? 1 : 0);
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    for (let a = this.queue.shift(); a; a = this.queue.shift()) {
      this.o.onChange?.(a);
      this.o.onStart?.(a, this.now());
      const { number, counter } = a;
      try {
        await this.o.speech.speak(
          a.languages.map((lang) => ({ lang, text: callText(lang, number, counter, true) })),
        );
      } catch {
        // A voice that fails must not stop the next announcements.
      }
    }
    this.busy = false;
    this.o.onChange?.(undefined);
  }
}
