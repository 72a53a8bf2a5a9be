import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';
import pLimit from 'p-limit';

/** scrypt with Node's defaults (N=16384, r=8, p=1), 64-byte key: the parameters of every stored hash. */
const KEY_LENGTH = 64;

function scryptAsync(password: BinaryLike, salt: BinaryLike, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

// Hashing runs on libuv's thread pool, off the event loop. At most two at once: the pool (4 threads) also
// makes the ticket database durable, and a burst of logins must not queue those syncs behind 16 hashes.
const hashing = pLimit(2);

/** `scrypt$<salt hex>$<hash hex>` for a staff account's `password` field. */
export async function hashPassword(password: string, salt = randomBytes(16)): Promise<string> {
  const key = await hashing(() => scryptAsync(password, salt, KEY_LENGTH));
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

/**
 * Checks a password against a stored hash: one scrypt, whatever the outcome, compared in constant time.
 * A malformed stored value is simply a mismatch (the staff file's schema already refuses those at start).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, saltHex = '', hashHex = ''] = stored.split('$');
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await hashing(() => scryptAsync(password, Buffer.from(saltHex, 'hex'), KEY_LENGTH));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
