// Moves WAL pages into the queue's main database file on its own thread and its own connection, so a
// checkpoint (page copies and an fsync of the main file) never stalls the event loop that issues tickets.
// The main thread decides when (see wal-checkpointer.ts); each request is one PASSIVE checkpoint, which
// never waits for a lock and never blocks a commit. Plain JavaScript: workers do not inherit the TS loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');

parentPort.on('message', (msg) => {
  if (msg?.op === 'checkpoint') {
    const t0 = performance.now();
    try {
      const [r] = db.pragma('wal_checkpoint(PASSIVE)');
      parentPort.postMessage({
        op: 'checkpointed',
        id: msg.id,
        log: r.log,
        checkpointed: r.checkpointed,
        ms: performance.now() - t0,
      });
    } catch (e) {
      parentPort.postMessage({ op: 'checkpointed', id: msg.id, error: String(e?.message ?? e) });
    }
  } else if (msg?.op === 'close') {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The main connection checkpoints on close as well.
    }
    db.close();
    parentPort.postMessage({ op: 'closed' });
  }
});
