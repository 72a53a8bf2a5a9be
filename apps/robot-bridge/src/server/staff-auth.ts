import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

export const staffAccountSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9_.-]{2,32}$/),
    display_name: z.string().min(1),
    role: z.enum(['staff', 'admin']),
    /** `scrypt$<salt hex>$<hash hex>`, made with `npm run -s staff-password -- PASSWORD`. */
    password: z.string().regex(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{128}$/, 'must be scrypt$<salt>$<hash>'),
    /** Counters this person may operate; empty means any. */
    counters: z.array(z.string()).default([]),
  })
  .strict();
export type StaffAccount = z.infer<typeof staffAccountSchema>;
export const staffFileSchema = z.object({ accounts: z.array(staffAccountSchema) }).strict();

export interface StaffIdentity {
  username: string;
  display_name: string;
  role: 'staff' | 'admin';
  counters: string[];
}

function toIdentity(a: StaffAccount): StaffIdentity {
  return { username: a.username, display_name: a.display_name, role: a.role, counters: a.counters };
}

export function hashPassword(password: string, salt = randomBytes(16)): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 64).toString('hex')}`;
}

function verifyPassword(password: string, stored: string): boolean {
  const [, saltHex = '', hashHex = ''] = stored.split('$');
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

export class StaffAuthError extends Error {
  constructor(
    readonly code: 'BAD_CREDENTIALS' | 'STAFF_FILE_INVALID',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Staff accounts from a YAML file and in-memory login sessions. Sessions end after `ttlMs` or at logout;
 * a restart of the bridge logs everyone out (they log in again; nothing else is lost).
 */
export class StaffSessions {
  private readonly sessions = new Map<string, { who: StaffIdentity; expires: number }>();
  constructor(
    private readonly accounts: readonly StaffAccount[],
    private readonly ttlMs = 12 * 3600_000,
    private readonly now: () => number = Date.now,
  ) {}

  static async fromFile(file: string): Promise<StaffSessions> {
    let raw: unknown;
    try {
      raw = parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new StaffAuthError('STAFF_FILE_INVALID', `${file}: ${(e as Error).message}`);
    }
    const parsed = staffFileSchema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new StaffAuthError('STAFF_FILE_INVALID', `${file}: ${why}`);
    }
    return new StaffSessions(parsed.data.accounts);
  }

  login(username: string, password: string): { token: string; who: StaffIdentity; expires_at: string } {
    const account = this.accounts.find((a) => a.username === username);
    // Hash even for unknown users so timing does not reveal which usernames exist.
    const ok = verifyPassword(password, account?.password ?? hashPassword('x'));
    if (!account || !ok) throw new StaffAuthError('BAD_CREDENTIALS', 'wrong username or password');
    const token = randomBytes(24).toString('base64url');
    const who = toIdentity(account);

    const expires = this.now() + this.ttlMs;
    this.sessions.set(token, { who, expires });
    return { token, who, expires_at: new Date(expires).toISOString() };
  }

  /** The account behind a username (what it may operate), or undefined if there is none. */
  identity(username: string): StaffIdentity | undefined {
    const account = this.accounts.find((a) => a.username === username);
    return account && toIdentity(account);
  }

  verify(token: string): StaffIdentity | undefined {
    const s = this.sessions.get(token);
    if (!s) return undefined;
    if (s.expires <= this.now()) {
      this.sessions.delete(token);
      return undefined;
    }
    return s.who;
  }

  logout(token: string): void {
    this.sessions.delete(token);
  }
}
