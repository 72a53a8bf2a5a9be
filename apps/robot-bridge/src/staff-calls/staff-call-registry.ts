import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ErrorCode, Language, StaffCall, StaffCallReason, StaffCallReceipt } from '@reception/protocol';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type StaffCallErrorCode = 'UNKNOWN_CALL' | 'CALL_CLOSED' | 'RATE_LIMITED';

export class StaffCallError extends Error {
  constructor(
    readonly code: StaffCallErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'StaffCallError';
  }

  get wireCode(): ErrorCode {
    switch (this.code) {
      case 'UNKNOWN_CALL':
        return 'NOT_FOUND';
      case 'CALL_CLOSED':
        return 'CONFLICT';
      case 'RATE_LIMITED':
        return 'RATE_LIMITED';
      default: {
        const never: never = this.code;
        return never;
      }
    }
  }
}

/** A change the bridge broadcasts: to staff always, to the calling kiosk when it is acknowledged or expired. */
export interface StaffCallChange {
  kind: 'new' | 'update';
  call: StaffCall;
  /** The calling kiosk's identity (its socket actor), to reach its sockets; never sent to staff. */
  kiosk: string;
}

export type StaffCallOutcome =
  'created' | 'replayed' | 'rate_limited' | 'acknowledged' | 'expired' | 'cancelled';

export interface StaffCallRegistryOptions {
  /** How long an open call waits for a staff member before it expires. */
  expiryMs: number;
  /** New calls per kiosk: at most `calls` per `windowS` seconds. */
  limit: { calls: number; windowS: number };
  /** How long closed calls stay in `list()` (default one hour). */
  historyMs?: number;
  log: Logger;
  /** Counts each outcome (metrics). */
  onOutcome?: (outcome: StaffCallOutcome) => void;
  now?: () => number;
}

interface Entry {
  call: StaffCall;
  kiosk: string;
  timer?: NodeJS.Timeout | undefined;
}

/**
 * Citizens' calls for a staff member, kept in memory: a call lives for minutes, so a bridge restart simply
 * drops the open ones (kiosks reconnect and their citizens press the button again; staff consoles reload
 * the list). A kiosk has at most one open call; pressing again returns it without counting against the
 * rate limit. Every change is emitted as `change` after it is made.
 */
export class StaffCallRegistry extends EventEmitter<{ change: [StaffCallChange] }> {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<StaffCallReceipt>>();
  private readonly limiter: RateLimiterMemory;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(private readonly o: StaffCallRegistryOptions) {
    super();
    this.limiter = new RateLimiterMemory({ points: o.limit.calls, duration: o.limit.windowS });
    this.now = o.now ?? Date.now;
    this.log = o.log.child({ ns: 'staff-calls' });
  }

  /** A citizen at kiosk `kiosk.key` (shown to staff as `kiosk.name`) calls for a staff member. */
  async call(
    kiosk: { key: string; name: string },
    request: { reason?: StaffCallReason | undefined; language?: Language | undefined },
  ): Promise<StaffCallReceipt> {
    // Two presses in flight at once get the one call the first makes.
    const inFlight = this.pending.get(kiosk.key);
    if (inFlight) {
      const first = await inFlight;
      this.o.onOutcome?.('replayed');
      return { ...first, replayed: true };
    }
    const open = this.openCallOf(kiosk.key);
    if (open) return this.replay(open);
    const made = this.open(kiosk, request);
    this.pending.set(kiosk.key, made);
    try {
      return await made;
    } finally {
      this.pending.delete(kiosk.key);
    }
  }

  private async open(
    kiosk: { key: string; name: string },
    request: { reason?: StaffCallReason | undefined; language?: Language | undefined },
  ): Promise<StaffCallReceipt> {
    try {
      await this.limiter.consume(kiosk.key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.ceil(e.msBeforeNext / 1000);
      this.o.onOutcome?.('rate_limited');
      this.log.warn({ kiosk: kiosk.name, retry_in_s: seconds }, 'staff call refused');
      throw new StaffCallError('RATE_LIMITED', `too many calls from this kiosk; next in ${seconds} s`);
    }
    const at = this.now();
    const call: StaffCall = {
      call_id: randomUUID(),
      kiosk_name: kiosk.name,
      at: new Date(at).toISOString(),
      reason: request.reason ?? null,
      language: request.language ?? null,
      state: 'open',
      expires_at: new Date(at + this.o.expiryMs).toISOString(),
      acknowledged_by: null,
      closed_at: null,
    };
    const entry: Entry = { call, kiosk: kiosk.key };
    entry.timer = setTimeout(() => this.close(entry, 'expired', null), this.o.expiryMs);
    entry.timer.unref();
    this.entries.set(call.call_id, entry);
    this.prune();
    this.o.onOutcome?.('created');
    this.log.info({ call: call.call_id, kiosk: kiosk.name, reason: call.reason }, 'staff call');
    this.emit('change', { kind: 'new', call, kiosk: kiosk.key });
    return { call_id: call.call_id, at: call.at, expires_at: call.expires_at, replayed: false };
  }

  /** A staff member (`by`, their display name) takes the call; the calling kiosk is told. */
  acknowledge(callId: string, by: string): StaffCall {
    const entry = this.entries.get(callId);
    if (!entry) throw new StaffCallError('UNKNOWN_CALL', 'no such call');
    if (entry.call.state !== 'open') {
      const who = entry.call.acknowledged_by ? ` by ${entry.call.acknowledged_by}` : '';
      throw new StaffCallError('CALL_CLOSED', `the call was already ${entry.call.state}${who}`);
    }
    return this.close(entry, 'acknowledged', by);
  }

  /** The calling kiosk withdraws its call (the citizen left, or the kiosk reset). */
  cancel(kioskKey: string, callId: string): StaffCall {
    const entry = this.entries.get(callId);
    // Another kiosk's call reads as unknown: a kiosk learns nothing about the others.
    if (!entry || entry.kiosk !== kioskKey) throw new StaffCallError('UNKNOWN_CALL', 'no such call');
    if (entry.call.state !== 'open') {
      throw new StaffCallError('CALL_CLOSED', `the call was already ${entry.call.state}`);
    }
    return this.close(entry, 'cancelled', null);
  }

  /** Open calls and those closed within the history window, newest first. */
  list(): StaffCall[] {
    this.prune();
    return [...this.entries.values()].map((e) => e.call).reverse();
  }

  /** Stops the expiry timers (the bridge is stopping). */
  dispose(): void {
    for (const e of this.entries.values()) clearTimeout(e.timer);
    this.entries.clear();
    this.removeAllListeners();
  }

  private openCallOf(kioskKey: string): Entry | undefined {
    for (const e of this.entries.values()) if (e.kiosk === kioskKey && e.call.state === 'open') return e;
    return undefined;
  }

  private replay(e: Entry): StaffCallReceipt {
    this.o.onOutcome?.('replayed');
    return { call_id: e.call.call_id, at: e.call.at, expires_at: e.call.expires_at, replayed: true };
  }

  private close(entry: Entry, state: 'acknowledged' | 'expired' | 'cancelled', by: string | null): StaffCall {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.call = { ...entry.call, state, acknowledged_by: by, closed_at: new Date(this.now()).toISOString() };
    this.o.onOutcome?.(state);
    this.log.info({ call: entry.call.call_id, kiosk: entry.call.kiosk_name, state, by }, 'staff call closed');
    this.emit('change', { kind: 'update', call: entry.call, kiosk: entry.kiosk });
    return entry.call;
  }

  /** Forgets closed calls past the history window, and the oldest closed ones beyond 500 entries. */
  private prune(): void {
    const horizon = this.now() - (this.o.historyMs ?? 3_600_000);
    let excess = this.entries.size - 500;
    for (const [id, e] of this.entries) {
      if (e.call.state === 'open') continue;
      if (excess > 0 || Date.parse(e.call.closed_at ?? '') < horizon) {
        this.entries.delete(id);
        excess--;
      }
    }
  }
}
