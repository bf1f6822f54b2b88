// Clean shutdown (issue 17, item 6): on SIGTERM the gateway takes nothing new, lets requests in flight finish within
// server.afsluitSeconden, cuts off the rest (a client stalled halfway through its body), lets the outbox worker
// finish, closes the database and exits 0.
import { connect, Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayProces, GatewayProces } from '../support/proces';
import { TestDatabase, testDatabase } from '../support/gateway';

const AFSLUITSECONDEN = 2;

let map: string;
let db: TestDatabase;
let gw: GatewayProces;
let uitvoer = '';

beforeEach(async () => {
  map = mkdtempSync(join(tmpdir(), 'afsluiten-'));
  db = await testDatabase(map);
  const config = join(map, 'config.json');
  writeFileSync(config, JSON.stringify({ server: { afsluitSeconden: AFSLUITSECONDEN } }));
  gw = await startGatewayProces({ ...db.env, GATEWAY_CONFIG: config });
  uitvoer = '';
  gw.proces.stdout!.on('data', (d: Buffer) => (uitvoer += d.toString()));
});

afterEach(async () => {
  await gw.stop('SIGKILL');
  await db.verwijder();
  rmSync(map, { recursive: true, force: true });
});

const einde = (p: GatewayProces) => new Promise<number | null>((klaar) => p.proces.once('exit', (code) => klaar(code)));

/** A request whose headers promise a body that never comes whole. */
async function stilgevallenUpload(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const s = connect(Number(port), hostname);
  await new Promise<void>((klaar) => s.once('connect', () => klaar()));
  s.on('error', () => undefined); // the gateway cuts it off: that is the point
  s.write(`POST /OntvangAsynchroon HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: 100000\r\n\r\n<soapenv:Envelope`);
  await new Promise((r) => setTimeout(r, 300));
  return s;
}

it('exits 0 within the grace period plus two seconds while a client is stalled mid-body', async () => {
  const s = await stilgevallenUpload(gw.url);
  const gestopt = einde(gw);
  const begin = Date.now();
  gw.proces.kill('SIGTERM');
  const code = await gestopt;
  const duur = (Date.now() - begin) / 1000;
  s.destroy();
  expect(code).toBe(0);
  // It waited for the request in flight (the grace period), then cut it off.
  expect(duur).toBeGreaterThanOrEqual(AFSLUITSECONDEN - 0.5);
  expect(duur).toBeLessThan(AFSLUITSECONDEN + 2);
  expect(uitvoer).toMatch(/verbindingen die na de afsluittijd nog open zijn worden verbroken/);
  expect(uitvoer).toMatch(/gateway gestopt/);
});

it('exits 0 at once when nothing is in flight, and answers /health until the signal', async () => {
  expect((await fetch(`${gw.url}/health`)).status).toBe(200);
  const gestopt = einde(gw);
  const begin = Date.now();
  gw.proces.kill('SIGTERM');
  expect(await gestopt).toBe(0);
  expect((Date.now() - begin) / 1000).toBeLessThan(AFSLUITSECONDEN);
  expect(uitvoer).toMatch(/gateway gestopt/);
  expect(uitvoer).not.toMatch(/"level":50/); // no error on the way out (the outbox worker stops before the database)
});
