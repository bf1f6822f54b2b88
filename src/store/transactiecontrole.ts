// A check for the test suite, off in production: that no code inside a transaction reaches the database around it,
// through the store it was not given. On SQLite such a statement would wait for the transaction it is part of
// (the transaction would never end); on PostgreSQL it would run on another connection, outside the snapshot and
// the commit. The check needs an AsyncLocalStorage, which costs something on every promise (Node 20): hence only
// under ZDS_TRANSACTIECONTROLE=aan (jest.config.js sets it, so also the gateways the tests start have it).
import { AsyncLocalStorage } from 'node:async_hooks';

export class Transactiecontrole {
  private readonly als = process.env.ZDS_TRANSACTIECONTROLE === 'aan' ? new AsyncLocalStorage<{ open: boolean }>() : undefined;

  /** `werk` marked as inside a transaction until it settles; unmarked (no promise of its own) when the check is off. */
  binnen<T>(werk: () => Promise<T>): Promise<T> {
    return this.als ? this.gemerkt(this.als, werk) : werk();
  }

  private async gemerkt<T>(als: AsyncLocalStorage<{ open: boolean }>, werk: () => Promise<T>): Promise<T> {
    const merk = { open: true };
    try {
      return await als.run(merk, werk);
    } finally {
      merk.open = false;
    }
  }

  /** Throws when the caller runs inside a transaction: it should use the transaction's own Sql or Store. */
  buiten(wat: string): void {
    if (this.als?.getStore()?.open) {
      throw new Error(`${wat} buiten de lopende transactie om: gebruik de store die de transactie meegeeft`);
    }
  }
}
