// The transaction the caller's code runs in, found through `await` by one AsyncLocalStorage per database: the Sql
// keeps its connection state in it and the store its memory (transactiegeheugen.ts), so the process pays for one.
import { AsyncLocalStorage } from 'node:async_hooks';

/** One attempt of one transaction, as the code it runs sees it. */
export interface Lopend {
  /** False once the attempt has ended: work that outlived it (fire-and-forget) is outside any transaction. */
  open: boolean;
  /** Begun with isolatie `los`: other instances' commits may show between two reads, so nothing is remembered. */
  readonly los: boolean;
  /** What this attempt already read; set by the store (transactiegeheugen.ts), unknown to the Sql. */
  geheugen?: object;
}

export class LopendeTransacties<L extends Lopend> {
  private readonly als = new AsyncLocalStorage<L>();
  /** Attempts running now (PostgreSQL runs them side by side; SQLite one at a time). */
  private aantal = 0;

  /** The open attempt the caller runs in, or undefined outside one. */
  huidig(): L | undefined {
    const l = this.als.getStore();
    return l?.open ? l : undefined;
  }

  /** `werk` inside `l`; `l` is closed when it settles. */
  async run<T>(l: L, werk: () => Promise<T>): Promise<T> {
    this.aantal++;
    try {
      return await this.als.run(l, werk);
    } finally {
      l.open = false;
      // An enabled AsyncLocalStorage costs something on every promise the process creates (Node 20), also the
      // parsing and answering of other messages: switched off while no transaction needs it (run switches it on).
      if (--this.aantal === 0) this.als.disable();
    }
  }
}
