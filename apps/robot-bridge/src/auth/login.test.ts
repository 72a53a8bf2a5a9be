import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { REPO_ROOT } from '../config.ts';
import { BridgeClients, FAST_THROTTLE, startTestBridge } from '../testing/bridge-clients.ts';
import { LoginThrottle, StaffAccounts, staffFileSchema, verifyPassword } from '@reception/access';

// Issue 17's login and session defects, each named after it.
let bridge: RunningBridge;
let root: string;
const clients = new BridgeClients(() => bridge);

beforeAll(async () => {
  ({ bridge, root } = await startTestBridge({
    throttle: { ...FAST_THROTTLE, lockAfter: 5, addressLockAfter: 12 },
  }));
});
afterEach(() => clients.closeAll());
afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('staff login', () => {
  it('password_hashing_is_off_the_event_loop_so_16_logins_do_not_stall_healthz', async () => {
    let finished = 0;
    const logins = Array.from({ length: 16 }, () =>
      clients.login('counter3', 'demo-counter').then(() => finished++),
    );
    // Let the 16 requests reach the bridge, then ask for /healthz: it answers while most hashes still run.
    await new Promise((r) => setTimeout(r, 50));
    const health = await fetch(`${bridge.url}/healthz`);
    const doneWhenHealthAnswered = finished;
    expect(health.status).toBe(200);
    await Promise.all(logins);
    // Hashed on the event loop, all 16 would be answered first (requests are handled in arrival order).
    expect(doneWhenHealthAnswered).toBeLessThan(16);
  });

  it('login_is_slowed_then_locked_per_account_after_repeated_failures', async () => {
    const throttle = new LoginThrottle();
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => throttle.delayFor(n))).toEqual([0, 0, 0, 500, 1000, 2000, 8000]);

    for (let i = 0; i < 5; i++) expect((await clients.login('counter5', 'wrong-password')).status).toBe(401);
    // Locked: even the right password is refused, with a Retry-After.
    const locked = await clients.login('counter5', 'demo-counter');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address still logs in (the address lock is higher).
    expect((await clients.login('counter6', 'demo-counter')).status).toBe(200);
    // Unknown usernames are counted and locked the same way, so a lock does not reveal who exists.
    for (let i = 0; i < 5; i++) expect((await clients.login('nobody', 'x')).status).toBe(401);
    expect((await clients.login('nobody', 'x')).status).toBe(429);
  });

  it('login_is_locked_per_address_after_many_failures_across_accounts', async () => {
    // 10 failures so far from this address (test above); 2 more lock the address for every account.
    expect((await clients.login('counter7', 'wrong')).status).toBe(401);
    expect((await clients.login('counter8', 'wrong')).status).toBe(401);
    expect((await clients.login('counter2', 'demo-counter')).status).toBe(429);
  });

  it('unknown_username_costs_the_same_single_hash_as_a_known_one', async () => {
    const file = staffFileSchema.parse(
      parse(readFileSync(path.join(REPO_ROOT, 'sites/demo-ward/staff.yaml'), 'utf8')),
    );
    let hashes = 0;
    const accounts = await StaffAccounts.fromAccounts(file.accounts, (p, stored) => {
      hashes++;
      return verifyPassword(p, stored);
    });
    for (const [user, password, ok] of [
      ['counter1', 'demo-counter', true],
      ['counter1', 'wrong', false],
      ['no-such-user', 'demo-counter', false],
    ] as const) {
      hashes = 0;
      expect(Boolean(await accounts.check(user, password)), user).toBe(ok);
      expect(hashes, `${user}: scrypt runs`).toBe(1);
    }
  });
});
