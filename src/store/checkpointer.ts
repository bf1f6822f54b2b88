// WAL checkpoints off the event loop. With synchronous=NORMAL a WAL commit does not fsync, but SQLite's automatic
// checkpoint does, inside whichever commit crosses the threshold: that request (and every request waiting behind it
// on the single event loop) stalls for milliseconds. Here a worker thread with its own connection checkpoints
// PASSIVE on a timer instead, and the main connection's automatic checkpoint is switched off.
// Under sustained writes the worker's PASSIVE checkpoint never catches up with the last commit, so SQLite never
// starts the WAL over: it grew by some 80 MB/s under the creeerZaak bench (0.5 GB in 20 s), and every commit paid
// for new file blocks. A RESTART from the worker starves behind the busy writer. So past MAX_WAL_BYTES the worker
// steps aside and tells the main thread, which checkpoints PASSIVE itself between two requests: the worker has copied nearly all
// frames already, so little is left, and as the only writer the main connection then catches up with the last
// commit; its next commit writes the WAL from its start again, over blocks that already exist.
import { Worker } from 'node:worker_threads';
import type { SqliteSql } from './sqlite';

// Plain JavaScript, evaluated in the worker: it must run the same under ts-jest and from dist/.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.pad);
db.pragma('busy_timeout = 5000');
const paginaGrootte = db.pragma('page_size', { simple: true });
let wachtOpHoofd = false; // while the main thread checkpoints, this one stays off the checkpoint lock
const controleer = () => {
  if (wachtOpHoofd) return;
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log * paginaGrootte > workerData.maxWalBytes) {
      wachtOpHoofd = true;
      parentPort.postMessage('vol');
    }
  } catch (e) { /* busy: next round */ }
};
const timer = setInterval(controleer, workerData.ms);
parentPort.on('message', (m) => {
  if (m === 'verder') wachtOpHoofd = false;
  if (m !== 'stop') return;
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch (e) { /* another process holds it */ }
  db.close();
  parentPort.postMessage('gestopt');
});
`;

/** Size of the WAL past which the worker starts it over (see above), unless the caller sets another. */
export const MAX_WAL_BYTES = 32 * 1024 * 1024;

export class Checkpointer {
  private constructor(private readonly worker: Worker) {}

  static start(sql: SqliteSql, pad: string, ms: number, maxWalBytes = MAX_WAL_BYTES): Checkpointer {
    sql.db.pragma('wal_autocheckpoint = 0');
    const worker = new Worker(WORKER, { eval: true, workerData: { module: require.resolve('better-sqlite3'), pad, ms, maxWalBytes } });
    worker.unref(); // never keeps the process alive on its own
    let gepland = false;
    worker.on('message', (m) => {
      if (m !== 'vol' || gepland) return;
      gepland = true;
      // Between two of our transactions (a transaction now spans awaits, so the check phase alone is not enough):
      // then the checkpoint can reach the last commit.
      setImmediate(() => {
        void sql
          .buitenTransactie((db) => {
            if (!db.open) return;
            try {
              db.pragma('wal_checkpoint(PASSIVE)');
            } catch {
              /* busy (another process): the worker asks again */
            }
          })
          .finally(() => {
            gepland = false;
            worker.postMessage('verder');
          })
          .catch(() => undefined); // nothing to report: the checkpoint catches its own failure
      });
    });
    return new Checkpointer(worker);
  }

  /** A last TRUNCATE checkpoint, then the worker ends. */
  async stop(): Promise<void> {
    await new Promise<void>((klaar) => {
      const timer = setTimeout(klaar, 5000);
      this.worker.on('message', (m) => {
        if (m !== 'gestopt') return;
        clearTimeout(timer);
        klaar();
      });
      this.worker.once('exit', () => klaar());
      this.worker.postMessage('stop');
    });
    await this.worker.terminate();
  }
}
