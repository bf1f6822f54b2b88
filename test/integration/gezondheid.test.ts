// /health/live, /health/ready and /version (issue 17): what an orchestrator and an operator ask of an instance,
// without credentials even in beveiligd mode; and `--version` on the command line.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway, TestGateway } from '../support/gateway';
import { beveiligd } from '../support/planBerichten';

const WORTEL = join(__dirname, '..', '..');
const VERSIE = (JSON.parse(readFileSync(join(WORTEL, 'package.json'), 'utf8')) as { version: string }).version;

const vraag = async (g: TestGateway, url: string) => {
  const r = await g.app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as Record<string, unknown> };
};

describe('health and version', () => {
  let g: TestGateway;
  beforeEach(async () => {
    g = await startGateway(beveiligd()); // no credentials below: these answer without
  });
  afterEach(async () => {
    await g.sluit().catch(() => undefined);
  });

  it('is live and ready with its database, schema and outbox worker; says its version and commit', async () => {
    expect(await vraag(g, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await vraag(g, '/health/ready')).toEqual({ status: 200, body: { gereed: true, database: true, schema: true, bezorger: true } });
    const v = await vraag(g, '/version');
    expect(v.status).toBe(200);
    expect(v.body.versie).toBe(VERSIE);
    expect(v.body.commit).toMatch(/^\S+$/);
  });

  it('is not ready, but live, while the database holds an older schema, the worker is stopped, or the database is gone', async () => {
    const store = g.app.gateway.store;
    const nu = await store.schemaVersie();
    await store.sql.voer('DELETE FROM schema_versie WHERE versie = ?', [nu]);
    expect(await vraag(g, '/health/ready')).toEqual({ status: 503, body: { gereed: false, database: true, schema: false, bezorger: true } });
    await store.sql.voer('INSERT INTO schema_versie (versie) VALUES (?)', [nu]);
    expect((await vraag(g, '/health/ready')).status).toBe(200);

    await (g.app.gateway.bezorger as unknown as { stop(): Promise<void> }).stop();
    expect(await vraag(g, '/health/ready')).toEqual({ status: 503, body: { gereed: false, database: true, schema: true, bezorger: false } });

    await store.sluit();
    expect(await vraag(g, '/health/ready')).toEqual({ status: 503, body: { gereed: false, database: false, schema: false, bezorger: false } });
    expect(await vraag(g, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('prints version and commit for --version and exits 0, without configuration or database', () => {
    const r = spawnSync(process.execPath, [join(WORTEL, 'dist', 'main.js'), '--version'], { encoding: 'utf8', env: { ...process.env, GATEWAY_CONFIG: '/bestaat/niet.yaml' }, timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^zds-gateway ${VERSIE.replace(/\./g, '\\.')} \\(\\S+\\)\\n$`));
  });
});
