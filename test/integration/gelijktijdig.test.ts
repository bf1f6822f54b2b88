// Identification numbers under concurrency (field notes: duplicated until the counter became a database
// sequence): 8 parallel clients × 100 genereerZaakIdentificatie give 800 distinct identificaties, in one
// process through inject, over real HTTP, and with two gateway processes sharing one database (the SQLite file, or
// in the PostgreSQL run one PostgreSQL database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { path } from '../../src/stuf/xml';
import { TestDatabase, startGateway, testDatabase } from '../support/gateway';
import { startGatewayProces, GatewayProces } from '../support/proces';
import { bericht, inEnvelope, ZDS12 } from '../support/soap';
import * as m from '../support/zdsBerichten';

const CLIENTS = 8;
const PER_CLIENT = 100;

const verzoek = (client: number, i: number) => inEnvelope(m.genereerZaakIdentificatie({ ref: `C${client}-${i}-${process.pid}`, zender: `CLIENT${client}` }));
const identificatieUit = (xml: string) => path(bericht(xml), 'zaak', 'identificatie')!.text;

/** Runs CLIENTS clients in parallel, each sending PER_CLIENT requests one after another. */
async function parallel(stuur: (client: number, i: number) => Promise<string>): Promise<string[]> {
  const perClient = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const ids: string[] = [];
      for (let i = 0; i < PER_CLIENT; i++) ids.push(await stuur(c, i));
      return ids;
    }),
  );
  return perClient.flat();
}

async function viaHttp(url: string, client: number, i: number): Promise<string> {
  const r = await fetch(`${url}/VerwerkSynchroonVrijBericht`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: ZDS12 + 'genereerZaakIdentificatie_Di02' },
    body: verzoek(client, i),
  });
  const body = await r.text();
  if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${body}`);
  return identificatieUit(body);
}

it('gives 800 distinct identificaties to 8 parallel clients in one process', async () => {
  const gw = await startGateway();
  try {
    const ids = await parallel(async (c, i) => {
      const r = await gw.stuur(verzoek(c, i), { pad: '/VerwerkSynchroonVrijBericht', actie: ZDS12 + 'genereerZaakIdentificatie_Di02' });
      return identificatieUit(r.body);
    });
    expect(ids).toHaveLength(CLIENTS * PER_CLIENT);
    expect(new Set(ids).size).toBe(CLIENTS * PER_CLIENT);
  } finally {
    await gw.sluit();
  }
});

describe('over real HTTP', () => {
  let map: string;
  let db: TestDatabase;
  const processen: GatewayProces[] = [];
  beforeEach(async () => {
    map = mkdtempSync(join(tmpdir(), 'zdsgw-proc-'));
    db = await testDatabase(map);
  });
  afterEach(async () => {
    await Promise.all(processen.splice(0).map((p) => p.stop()));
    await db.verwijder();
    rmSync(map, { recursive: true, force: true });
  });

  it('gives 800 distinct identificaties to 8 parallel HTTP clients', async () => {
    const p = await startGatewayProces(db.env);
    processen.push(p);
    const ids = await parallel((c, i) => viaHttp(p.url, c, i));
    expect(new Set(ids).size).toBe(CLIENTS * PER_CLIENT);
  });

  it('gives 800 distinct identificaties when two gateway processes share one database', async () => {
    const a = await startGatewayProces(db.env);
    processen.push(a);
    const b = await startGatewayProces(db.env);
    processen.push(b);
    const ids = await parallel((c, i) => viaHttp(c % 2 === 0 ? a.url : b.url, c, i));
    expect(new Set(ids).size).toBe(CLIENTS * PER_CLIENT);
    expect(ids.every((id) => /^0599\d{12}$/.test(id))).toBe(true);
  });
});
