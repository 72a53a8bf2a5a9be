import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface ThrottlePolicy {
  /** Failed logins of one username before each next answer is slowed down. */
  slowAfter: number;
  /** Failed logins of one username (within `windowS`) that lock it for `lockS`. */
  lockAfter: number;
  /** Failed logins from one address (within `windowS`) that lock that address for `lockS`. */
  addressLockAfter: number;
  windowS: number;
  lockS: number;
  /** First delay once slowed; it doubles with each further failure, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  slowAfter: 3,
  lockAfter: 10,
  addressLockAfter: 30,
  windowS: 15 * 60,
  lockS: 15 * 60,
  baseDelayMs: 500,
  maxDelayMs: 8000,
};

export type ThrottleVerdict = { locked: false; delayMs: number } | { locked: true; retryAfterS: number };

/**
 * Brute-force protection for staff login (rate-limiter-flexible's in-memory counters): after a few wrong
 * passwords for a username each answer is delayed, doubling each time; after more, the username is locked
 * for a while, and so is an address that tries many. Usernames are counted whether they exist or not, so a
 * lock tells nothing about which exist. A success clears the username's count.
 */
export class LoginThrottle {
  private readonly account: RateLimiterMemory;
  private readonly address: RateLimiterMemory;

  constructor(readonly policy: ThrottlePolicy = DEFAULT_THROTTLE) {
    const common = { duration: policy.windowS, blockDuration: policy.lockS };
    this.account = new RateLimiterMemory({ keyPrefix: 'login-account', points: policy.lockAfter, ...common });
    this.address = new RateLimiterMemory({
      keyPrefix: 'login-address',
      points: policy.addressLockAfter,
      ...common,
    });
  }

  /** The delay before answering this attempt, or a lock. */
  async check(username: string, address: string): Promise<ThrottleVerdict> {
    const [a, b] = await Promise.all([this.account.get(username), this.address.get(address)]);
    const accountLocked = (a?.consumedPoints ?? 0) >= this.policy.lockAfter;
    const addressLocked = (b?.consumedPoints ?? 0) >= this.policy.addressLockAfter;
    if (accountLocked || addressLocked) {
      const ms = Math.max(
        accountLocked ? (a?.msBeforeNext ?? 0) : 0,
        addressLocked ? (b?.msBeforeNext ?? 0) : 0,
      );
      return { locked: true, retryAfterS: Math.max(1, Math.ceil(ms / 1000)) };
    }
    return { locked: false, delayMs: this.delayFor(a?.consumedPoints ?? 0) };
  }

  /** Delay after `failures` wrong passwords: none at first, then doubling up to the maximum. */
  delayFor(failures: number): number {
    const p = this.policy;
    if (failures < p.slowAfter) return 0;
    return Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (failures - p.slowAfter));
  }

  async failed(username: string, address: string): Promise<void> {
    // `consume` rejects once the points are used up; that rejection is the lock, already recorded.
    await Promise.allSettled([this.account.consume(username), this.address.consume(address)]);
  }

  async succeeded(username: string): Promise<void> {
    await this.account.delete(username);
  }
}
