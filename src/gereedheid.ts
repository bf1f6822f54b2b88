// Whether this instance should get traffic (`GET /health/ready`): its database answers, holds the schema this code
// expects (a rolling update whose new instance has not migrated yet is not ready), and its outbox worker runs.
// `/health/live` asks nothing of these: a database that is away makes an instance unready, not dead.
import type { Store } from './store';
import { SCHEMA_VERSIE } from './store/migraties';

export interface Gereedheid {
  gereed: boolean;
  database: boolean;
  schema: boolean;
  bezorger: boolean;
}

export async function gereedheid(store: Store, bezorger: { readonly loopt: boolean }): Promise<Gereedheid> {
  const database = await store.isBruikbaar();
  const schema = database && (await store.schemaVersie().catch(() => 0)) === SCHEMA_VERSIE;
  const loopt = bezorger.loopt;
  return { gereed: database && schema && loopt, database, schema, bezorger: loopt };
}
