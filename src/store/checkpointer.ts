// WAL checkpoints off the event loop. With synchronous=NORMAL a WAL commit does not fsync, but SQLite's automatic
// checkpoint does, inside whichever commit crosses the threshold: that request (and every request waiting behind it
// on the single event loop) stalls for milliseconds. Here a worker thread with its own connection checkpoints
// PASSIVE on a timer instead, and the main connection's automatic checkpoint is switched off.
import { Worker } from 'node:worker_threads';
import type { Db } from './db';

// Plain JavaScript, evaluated in the worker: it must run the same under ts-jest and from dist/.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.pad);
db.pragma('busy_timeout = 5000');
const controleer = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { /* busy: next round */ } };
const timer = setInterval(controleer, workerData.ms);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch (e) { /* another process holds it */ }
  db.close();
  parentPort.postMessage('gestopt');
});
`;

export class Checkpointer {
  private constructor(private readonly worker: Worker) {}

  static start(db: Db, pad: string, ms: number): Checkpointer {
    db.pragma('wal_autocheckpoint = 0');
    const worker = new Worker(WORKER, { eval: true, workerData: { module: require.resolve('better-sqlite3'), pad, ms } });
    worker.unref(); // never keeps the process alive on its own
    return new Checkpointer(worker);
  }

  /** A last TRUNCATE checkpoint, then the worker ends. */
  async stop(): Promise<void> {
    await new Promise<void>((klaar) => {
      const timer = setTimeout(klaar, 5000);
      this.worker.once('message', () => {
        clearTimeout(timer);
        klaar();
      });
      this.worker.once('exit', () => klaar());
      this.worker.postMessage('stop');
    });
    await this.worker.terminate();
  }
}
