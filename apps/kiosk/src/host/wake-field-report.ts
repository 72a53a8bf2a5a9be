import { VOICE_LOG } from './voice-log.ts';

/**
 * The wake word in service, read from the kiosk host's own log (`wakeword:field`): how long it listened,
 * how often it woke, and what followed each wake. A wake after which nothing was said, or only something
 * out of scope, is the field's measure of false wakes: lobby chatter or the TV woke it, or a citizen woke
 * it and walked off. Misses leave no trace in a log (a citizen who was not heard did nothing the kiosk
 * saw); they are measured with recordings (`wakeword:calibrate`).
 */

/** What followed a wake in its session. */
export type WakeOutcome = 'request' | 'refused' | 'nothing_heard' | 'cut_short';

export interface WakeCounts {
  listened_hours: number;
  wakes: number;
  /** request: an in-scope intent; refused: out of scope; nothing_heard: no speech; cut_short: the session
   * ended (page reloaded, host restarted, log ended) before any of these. */
  after_wake: Record<WakeOutcome, number>;
  /** (refused + nothing_heard) per listening hour; null without listening time. */
  no_request_per_hour: number | null;
}

export interface FieldReport extends WakeCounts {
  by_keyword: Record<string, WakeCounts>;
  /** One entry per wake rule seen (a calibration or a model changes it), so that before and after compare. */
  by_rule: (WakeCounts & { rule: string })[];
  days: (WakeCounts & { date: string })[];
  lines: { read: number; voice: number; unreadable: number };
}

interface Tally {
  seconds: number;
  wakes: number;
  after_wake: Record<WakeOutcome, number>;
}

interface SessionState {
  rule: string;
  seconds: number;
  pending?: { keyword: string; day: string; rule: string };
}

const VOICE_MESSAGES: ReadonlySet<unknown> = new Set(Object.values(VOICE_LOG));
const RULE_UNKNOWN = 'unknown (the log starts after the session opened)';

const newTally = (): Tally => ({
  seconds: 0,
  wakes: 0,
  after_wake: { request: 0, refused: 0, nothing_heard: 0, cut_short: 0 },
});

function counts(t: Tally): WakeCounts {
  const hours = t.seconds / 3600;
  const noRequest = t.after_wake.refused + t.after_wake.nothing_heard;
  return {
    listened_hours: Math.round(hours * 1000) / 1000,
    wakes: t.wakes,
    after_wake: { ...t.after_wake },
    no_request_per_hour: hours > 0 ? Math.round((noRequest / hours) * 100) / 100 : null,
  };
}

/** The rule a session was opened with, as one readable key. */
function ruleKey(wake: unknown, rule: unknown): string {
  if (rule && typeof rule === 'object') {
    const r = rule as Record<string, unknown>;
    const threshold = Array.isArray(r.threshold) ? r.threshold.join(' / ') : String(r.threshold);
    const only =
      Array.isArray(r.keywords) && r.keywords.length === 1 ? `, ${String(r.keywords[0])} only` : '';
    return `${String(r.model)} model, threshold ${threshold} from the ${String(r.source)}, ${String(r.minConsecutive)} hit(s)${only}`;
  }
  return typeof wake === 'string' ? `${wake} engine` : RULE_UNKNOWN;
}

/**
 * A log line as pino wrote it, alone (`journalctl -o cat`) or after a prefix (journalctl's default output,
 * a file with timestamps): the JSON object from the first `{`. Undefined for anything else.
 */
export function parseLogLine(line: string): Record<string, unknown> | undefined {
  const at = line.indexOf('{');
  if (at < 0) return undefined;
  try {
    const v: unknown = JSON.parse(line.slice(at));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export class FieldReportBuilder {
  private readonly total = newTally();
  private readonly byKeyword = new Map<string, Tally>();
  private readonly byRule = new Map<string, Tally>();
  private readonly byDay = new Map<string, Tally>();
  private readonly sessions = new Map<string, SessionState>();
  private readonly lines = { read: 0, voice: 0, unreadable: 0 };
  private readonly day: Intl.DateTimeFormat;

  /** timeZone: where the days start and end (the centre's); default the machine's. */
  constructor(timeZone?: string) {
    this.day = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  addLine(line: string): void {
    if (line.trim() === '') return;
    this.lines.read++;
    const rec = parseLogLine(line);
    if (rec === undefined) {
      this.lines.unreadable++;
      return;
    }
    this.add(rec);
  }

  add(rec: Record<string, unknown>): void {
    const { msg, session, time } = rec;
    if (typeof session !== 'string' || typeof time !== 'number') return;
    if (!VOICE_MESSAGES.has(msg)) return;
    this.lines.voice++;
    const day = this.day.format(new Date(time));
    if (msg === VOICE_LOG.opened) {
      this.finish(session);
      this.sessions.set(session, { rule: ruleKey(rec.wake, rec.rule), seconds: 0 });
      return;
    }
    let s = this.sessions.get(session);
    if (!s) {
      s = { rule: RULE_UNKNOWN, seconds: 0 };
      this.sessions.set(session, s);
    }
    switch (msg) {
      case VOICE_LOG.listening:
      case VOICE_LOG.ended: {
        const seconds = typeof rec.seconds === 'number' ? rec.seconds : s.seconds;
        // A session first seen mid-way (the log was cut) counts from its first line here.
        const heard = s.rule === RULE_UNKNOWN && s.seconds === 0 ? 0 : Math.max(0, seconds - s.seconds);
        s.seconds = Math.max(s.seconds, seconds);
        for (const t of this.tallies(day, s.rule)) t.seconds += heard;
        if (msg === VOICE_LOG.ended) this.finish(session);
        return;
      }
      case VOICE_LOG.wake: {
        this.settle(s, 'cut_short');
        const keyword = typeof rec.keyword === 'string' ? rec.keyword : 'unknown';
        s.pending = { keyword, day, rule: s.rule };
        for (const t of this.tallies(day, s.rule, keyword)) t.wakes++;
        return;
      }
      case VOICE_LOG.noSpeech:
        this.settle(s, 'nothing_heard');
        return;
      case VOICE_LOG.intent:
        this.settle(s, rec.intent === 'out_of_scope' ? 'refused' : 'request');
        return;
    }
  }

  report(): FieldReport {
    for (const id of [...this.sessions.keys()]) this.finish(id);
    const sorted = (m: Map<string, Tally>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
    return {
      ...counts(this.total),
      // Per keyword, the rate is over all the listening time (each keyword is listened for all along).
      by_keyword: Object.fromEntries(
        sorted(this.byKeyword).map(([k, t]) => [k, counts({ ...t, seconds: this.total.seconds })]),
      ),
      by_rule: sorted(this.byRule).map(([rule, t]) => ({ rule, ...counts(t) })),
      days: sorted(this.byDay).map(([date, t]) => ({ date, ...counts(t) })),
      lines: { ...this.lines },
    };
  }

  /** The session is over (ended, reopened, or the log ended): a wake still waiting was cut short. */
  private finish(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.settle(s, 'cut_short');
    this.sessions.delete(id);
  }

  private settle(s: SessionState, outcome: WakeOutcome): void {
    const p = s.pending;
    if (!p) return;
    s.pending = undefined;
    for (const t of this.tallies(p.day, p.rule, p.keyword)) t.after_wake[outcome]++;
  }

  /** The tallies a line counts in: the total, its day, its rule, and its keyword when it has one. */
  private tallies(day: string, rule: string, keyword?: string): Tally[] {
    const get = (m: Map<string, Tally>, k: string) => {
      let t = m.get(k);
      if (!t) m.set(k, (t = newTally()));
      return t;
    };
    const out = [this.total, get(this.byDay, day), get(this.byRule, rule)];
    if (keyword !== undefined) out.push(get(this.byKeyword, keyword));
    return out;
  }
}
