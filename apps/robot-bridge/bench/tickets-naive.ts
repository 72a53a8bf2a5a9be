/**
 * One process of the naive baseline in `bench:tickets`: "read max + 1, then insert" on a shared SQLite
 * file, as a handler with an async database driver would do it (one event-loop turn between the read
 * and the insert, no transaction, no unique constraint). Prints how many rows it inserted.
 */
import Database from 'better-sqlite3';

const [file = '', countArg = '500'] = process.argv.slice(2);
const db = new Database(file);
db.pragma('busy_timeout = 5000');
const readMax = db.prepare<[string], { m: number | null }>(
  'SELECT MAX(seq) AS m FROM naive WHERE prefix = ?',
);
const insert = db.prepare('INSERT INTO naive (prefix, seq) VALUES (?, ?)');
const turn = () => new Promise((r) => setImmediate(r));

async function main(): Promise<void> {
  const prefixes = ['A', 'B', 'C'];
  for (let i = 0; i < Number(countArg); i++) {
    const prefix = prefixes[i % 3] ?? 'A';
    const max = readMax.get(prefix)?.m ?? 0;
    await turn();
    insert.run(prefix, max + 1);
  }
  db.close();
  process.stdout.write('done\n');
}

void main();
