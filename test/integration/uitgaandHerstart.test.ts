// The outbox survives a crash: gateways as separate processes (node dist/main.js serve) on one database, killed
// with SIGKILL. What was committed but not delivered is delivered by the next process, in order per zaak, nothing
// lost; a message that was in flight when its process died is delivered again, with the same referentienummer,
// once its claim lapses (at least once).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import type { Store } from '../../src/store';
import { openStore } from '../../src/store/openen';
import { TestDatabase, testDatabase } from '../support/gateway';
import { GatewayProces, startGatewayProces } from '../support/proces';
import { Ontvangen, TestOntvanger, gebeurtenisVan, tekstVan } from '../support/ontvanger';
import { inEnvelope } from '../support/soap';
import { Dialect, Dienst, actie, creeerZaak, legeRelatie, status, wijzig } from '../support/dialecten';

const d: Dialect = 'zds12';
const TIMEOUT_SECONDEN = 2;
/** As in bezorger.ts: a claim lasts the HTTP timeout plus a margin. */
const CLAIM_MS = (TIMEOUT_SECONDEN + 10) * 1000;

interface Rij {
  id: number;
  volgorde: string;
  referentienummer: string;
  status: string;
  pogingen: number;
  volgende_poging: number;
}

let map: string;
let db: TestDatabase;
/** The test's own connection to the processes' database, opened at the first look at the outbox. */
let lezer: Store | undefined;
let abonnee: TestOntvanger;
const processen: GatewayProces[] = [];

beforeEach(async () => {
  map = mkdtempSync(join(tmpdir(), 'zdsgw-herstart-'));
  db = await testDatabase(map);
  abonnee = await new TestOntvanger('herstart', 'ABONNEE').start();
});
afterEach(async () => {
  await Promise.all(processen.splice(0).map((p) => p.stop('SIGKILL')));
  await abonnee.stop();
  await lezer?.sluit();
  lezer = undefined;
  await db.verwijder();
  rmSync(map, { recursive: true, force: true });
});

/** A gateway process on the database in `map`, with the subscriber as its only destination. */
async function gateway(): Promise<GatewayProces> {
  const config = join(map, 'gateway.json');
  writeFileSync(config, JSON.stringify({
    database: db.config,
    bestemmingen: [{ naam: 'abonnee', adres: abonnee.adres, ontvanger: { organisatie: '0599', applicatie: 'ABONNEE' } }],
    abonnementen: [{ bestemming: 'abonnee' }],
    bezorging: { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: TIMEOUT_SECONDEN, maxPogingen: 1000 },
  }));
  const p = await startGatewayProces({ GATEWAY_CONFIG: config });
  processen.push(p);
  return p;
}

async function stuur(p: GatewayProces, xml: string, dienst: Dienst): Promise<void> {
  const r = await fetch(`${p.url}/OntvangAsynchroon`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: actie(d, dienst) }, body: inEnvelope(xml) });
  const body = await r.text();
  if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${body}`);
}

const nieuweZaak = (id: string) => creeerZaak(d, { id });
const updateZaak = (id: string, omschrijving: string) =>
  wijzig(d, 'updateZaak', id, '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>', `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving>`);
const zetStatus = (id: string, volgnummer: number, datum: string) =>
  wijzig(d, 'actualiseerZaakstatus', id, legeRelatie('heeft', 'ZAKSTT', 'T'), status(volgnummer, `Status ${volgnummer}`, datum));

/** The outbox as another reader sees it: a connection of its own next to the running gateway (no checkpoints of its own). */
async function uitgaand(): Promise<Rij[]> {
  lezer ??= await openStore({ ...parseConfig({ database: db.config }).database, checkpointMs: 0 });
  return lezer.sql.alle<Rij>('SELECT id, volgorde, referentienummer, status, pogingen, volgende_poging FROM uitgaand ORDER BY id');
}

async function totAlles(klaar: (rijen: Rij[]) => boolean, ms: number): Promise<Rij[]> {
  const eind = Date.now() + ms;
  for (;;) {
    const rijen = await uitgaand();
    if (klaar(rijen)) return rijen;
    if (Date.now() > eind) throw new Error(`na ${ms} ms: ${JSON.stringify(rijen.map((r) => [r.id, r.status, r.pogingen]))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const zaakVan = (o: Ontvangen) => tekstVan(o.root, 'object', 'identificatie');
const refVan = (o: Ontvangen) => o.stuurgegevens.referentienummer;

it('na een SIGKILL levert een nieuw proces op dezelfde database alles af, per zaak in volgorde, niets kwijt', async () => {
  const [z1, z2] = ['0599H00001', '0599H00002'];
  await abonnee.stop();
  const eerste = await gateway();
  await stuur(eerste, nieuweZaak(z1), 'creeerZaak');
  await stuur(eerste, nieuweZaak(z2), 'creeerZaak');
  await stuur(eerste, updateZaak(z1, 'Een'), 'updateZaak');
  await stuur(eerste, zetStatus(z2, 1, '20240116090000'), 'actualiseerZaakstatus');
  await stuur(eerste, zetStatus(z1, 1, '20240116090000'), 'actualiseerZaakstatus');
  await stuur(eerste, updateZaak(z2, 'Twee'), 'updateZaak');
  await stuur(eerste, zetStatus(z1, 2, '20240117090000'), 'actualiseerZaakstatus');
  // Committed and tried: the first of each zaak has failed at least once against the closed port.
  const wachtend = await totAlles((r) => r.length === 7 && r[0].pogingen >= 1 && r[1].pogingen >= 1, 10000);
  expect(wachtend.map((r) => r.status)).toEqual(Array(7).fill('wachtend'));
  await eerste.stop('SIGKILL');
  expect(eerste.proces.signalCode).toBe('SIGKILL');

  await abonnee.start();
  await gateway();
  const rijen = await totAlles((r) => r.every((x) => x.status === 'afgeleverd'), 15000);
  const ontvangen = abonnee.ontvangen;
  // Nothing lost, nothing twice (no message was in flight when the process died).
  expect(ontvangen.map(refVan).sort()).toEqual(rijen.map((r) => r.referentienummer).sort());
  for (const z of [z1, z2]) {
    expect(ontvangen.filter((o) => zaakVan(o) === z).map(refVan)).toEqual(rijen.filter((r) => r.volgorde === z).map((r) => r.referentienummer));
  }
  expect(ontvangen.filter((o) => zaakVan(o) === z1).map(gebeurtenisVan)).toEqual(['Creeer zaak', 'Update zaak', 'Actualiseer zaakstatus', 'Actualiseer zaakstatus']);
  expect(ontvangen.filter((o) => zaakVan(o) === z2).map(gebeurtenisVan)).toEqual(['Creeer zaak', 'Actualiseer zaakstatus', 'Update zaak']);
});

it('een bericht dat onderweg was toen het proces stierf, komt na de herstart opnieuw, met hetzelfde referentienummer', async () => {
  const z = '0599H00010';
  abonnee.vertraging = 30_000; // it receives, and does not answer before the process is dead
  const eerste = await gateway();
  await stuur(eerste, nieuweZaak(z), 'creeerZaak');
  const [onderweg] = await abonnee.wachtOp(1);
  await eerste.stop('SIGKILL');
  const [geclaimd] = await uitgaand();
  // Still waiting, the attempt not counted, claimed until the claim lapses.
  expect({ status: geclaimd.status, pogingen: geclaimd.pogingen, referentienummer: geclaimd.referentienummer }).toEqual({ status: 'wachtend', pogingen: 0, referentienummer: refVan(onderweg) });
  expect(geclaimd.volgende_poging).toBeGreaterThan(Date.now());
  expect(geclaimd.volgende_poging).toBeLessThanOrEqual(Date.now() + CLAIM_MS);

  abonnee.vertraging = 0;
  const tweede = await gateway();
  // A later change of the same zaak waits behind the message that was in flight.
  await stuur(tweede, updateZaak(z, 'Na de herstart'), 'updateZaak');
  const rijen = await totAlles((r) => r.length === 2 && r.every((x) => x.status === 'afgeleverd'), CLAIM_MS + 10000);
  const ontvangen = abonnee.ontvangen;
  expect(ontvangen.map((o) => [refVan(o), gebeurtenisVan(o)])).toEqual([
    [geclaimd.referentienummer, 'Creeer zaak'],
    [geclaimd.referentienummer, 'Creeer zaak'],
    [rijen[1].referentienummer, 'Update zaak'],
  ]);
  expect(rijen.map((r) => r.pogingen)).toEqual([1, 1]);
}, 60_000);
