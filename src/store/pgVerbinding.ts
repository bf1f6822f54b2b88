// One checked-out PostgreSQL connection whose 'error' event is always heard. A connection that ends while checked
// out (the server stopped or restarted) emits 'error' on its client, and the pool does not listen then: unheard, it
// ends the process. The listener is attached in pool.connect's callback, which the pool calls synchronously on
// acquiring: a promise would leave a gap, and a fresh connection's ready message and the server's shutdown notice can
// arrive in one network read, inside that gap.
import { Pool, PoolClient } from 'pg';

export interface Verbinding {
  client: PoolClient;
  /** Set when the connection broke: it is then dropped, not returned to the pool. */
  kapot?: Error;
}

export async function metVerbinding<T>(pool: Pool, werk: (v: Verbinding) => Promise<T>): Promise<T> {
  let verbroken!: (e: Error) => void;
  const v = await new Promise<Verbinding>((klaar, mislukt) =>
    pool.connect((fout, client) => {
      if (fout || !client) return mislukt(fout ?? new Error('geen verbinding'));
      const verbinding: Verbinding = { client };
      verbroken = (e) => (verbinding.kapot ??= e);
      client.on('error', verbroken);
      klaar(verbinding);
    }),
  );
  try {
    return await werk(v);
  } finally {
    v.client.off('error', verbroken);
    v.client.release(v.kapot);
  }
}
