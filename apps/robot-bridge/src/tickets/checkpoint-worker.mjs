// Moves WAL pages into the queue's main database file on its own thread and its own connection, so a
// checkpoint (page copies and an fsync of the main file) never stalls the event loop that issues tickets.
// Plain JavaScript: worker threads do not inherit the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Housekeeping only: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);

parentPort.on('message', (msg) => {
  if (msg !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('closed');
});
