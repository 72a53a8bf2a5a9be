import { readFile } from 'node:fs/promises';
import { describeZodError, staffIdentitySchema, type StaffIdentity } from '@reception/protocol';
import { parse } from 'yaml';
import { z } from 'zod';
import { hashPassword, verifyPassword } from './password.ts';

/** One account of `staff.yaml`: the public identity plus its password hash. */
export const staffAccountSchema = staffIdentitySchema.extend({
  /** `scrypt$<salt hex>$<hash hex>`, made with `npm run -s staff-password -- PASSWORD`. */
  password: z.string().regex(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{128}$/, 'must be scrypt$<salt>$<hash>'),
});
export type StaffAccount = z.output<typeof staffAccountSchema>;
export const staffFileSchema = z.object({ accounts: z.array(staffAccountSchema) }).strict();

export class StaffFileError extends Error {
  readonly code = 'STAFF_FILE_INVALID';
}

function toIdentity(a: StaffAccount): StaffIdentity {
  const { password: _password, ...who } = a;
  return who;
}

/**
 * Staff accounts from the site's `staff.yaml`. Checking a password costs one scrypt whether or not the
 * username exists (an unknown name is checked against a stand-in hash), so timing does not tell which
 * usernames exist.
 */
export class StaffAccounts {
  private readonly byName: ReadonlyMap<string, StaffAccount>;
  private constructor(
    accounts: readonly StaffAccount[],
    private readonly standIn: string,
    private readonly verify: typeof verifyPassword,
  ) {
    this.byName = new Map(accounts.map((a) => [a.username, a]));
  }

  /** `verify` is the password check (a test counts its calls); scrypt by default. */
  static async fromAccounts(
    accounts: readonly StaffAccount[],
    verify: typeof verifyPassword = verifyPassword,
  ): Promise<StaffAccounts> {
    return new StaffAccounts(accounts, await hashPassword('stand-in for unknown usernames'), verify);
  }

  static async fromFile(file: string): Promise<StaffAccounts> {
    let raw: unknown;
    try {
      raw = parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new StaffFileError(`${file}: ${(e as Error).message}`);
    }
    const parsed = staffFileSchema.safeParse(raw);
    if (!parsed.success) throw new StaffFileError(`${file}: ${describeZodError(parsed.error)}`);
    return StaffAccounts.fromAccounts(parsed.data.accounts);
  }

  /**
   * Usernames whose stored password is one of `passwords` (the published demo ones), in file order. One
   * scrypt per account and password: for checks at start, not per request.
   */
  async withPasswords(passwords: readonly string[]): Promise<string[]> {
    const accounts = [...this.byName.values()];
    const hits = await Promise.all(
      accounts.map(async (a) => {
        for (const p of passwords) if (await this.verify(p, a.password)) return true;
        return false;
      }),
    );
    return accounts.filter((_, i) => hits[i]).map((a) => a.username);
  }

  /** The identity behind a username, or undefined. */
  identity(username: string): StaffIdentity | undefined {
    const a = this.byName.get(username);
    return a && toIdentity(a);
  }

  /** The identity if the password is right; undefined otherwise. Always exactly one scrypt. */
  async check(username: string, password: string): Promise<StaffIdentity | undefined> {
    const account = this.byName.get(username);
    const ok = await this.verify(password, account?.password ?? this.standIn);
    return ok && account ? toIdentity(account) : undefined;
  }
}
