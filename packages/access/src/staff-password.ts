import { hashPassword } from './password.ts';

/** `npm run -s staff-password -- PASSWORD` prints the value for a staff account's `password` field. */
const password = process.argv[2];
if (!password || password.length < 8) {
  process.stderr.write('usage: npm run -s staff-password -- PASSWORD   (at least 8 characters)\n');
  process.exit(2);
}
process.stdout.write(`${await hashPassword(password)}\n`);
