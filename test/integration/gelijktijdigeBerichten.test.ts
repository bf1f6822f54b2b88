// Many messages at once on one gateway process, on the run's backend: far more in flight than its store serves at a
// time (SQLite's one writer, PostgreSQL's connection pool), so they wait for it rather than fail, and the same message
// twice at once is processed once. Across two processes the same is proven by meerdereInstanties.test.ts and
// gelijktijdig.test.ts (8 clients one request at a time each); a resend and StUF016 one after the other by
// fouten.test.ts.
import { path } from '../../src/stuf/xml';
import { HttpAntwoord, goed, objectUit, schoneFout, tekst, vergelijkbaar } from '../support/antwoorden';
import { TestGateway, startGateway } from '../support/gateway';
import { OP_POSTGRES } from '../support/postgresRun';
import { inEnvelope, ZDS12 } from '../support/soap';
import { creeerZaak, geefZaakdetails, genereerZaakIdentificatie } from '../support/zdsBerichten';

const reeks = (n: number) => Array.from({ length: n }, (_, i) => i);

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway();
  expect(gw.app.gateway.store.sql.dialect).toBe(OP_POSTGRES ? 'postgres' : 'sqlite');
});
afterAll(async () => {
  await gw?.sluit();
});

const identificatie = (ref: string) =>
  gw.stuur(inEnvelope(genereerZaakIdentificatie({ ref, zender: 'GELIJKAPP' })), { actie: `${ZDS12}genereerZaakIdentificatie_Di02`, pad: '/VerwerkSynchroonVrijBericht' });
/** The identificatie of a successful Du02. */
const identificatieUit = (r: HttpAntwoord) => path(goed(r), 'zaak', 'identificatie')?.text;
const creeer = (xml: string) => gw.stuur(inEnvelope(xml), { actie: `${ZDS12}creeerZaak_ZakLk01`, pad: '/OntvangAsynchroon' });
const zaak = (id: string, ref: string, omschrijving = 'Testzaak') =>
  creeerZaak({
    id,
    attributen: `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving><ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum><ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>`,
    sturing: { ref, zender: 'GELIJKAPP' },
  });
const aantal = (sql: string, params: string[]) => gw.app.gateway.store.sql.een<{ n: number | string }>(sql, params).then((r) => Number(r?.n));

it('gives 200 genereerZaakIdentificatie sent at once 200 distinct identificaties', async () => {
  const antwoorden = await Promise.all(reeks(200).map((i) => identificatie(`GL-ID-${i}`)));
  const ids = antwoorden.map((r) => identificatieUit(r));
  expect(ids.every((id) => /^0599\d{12}$/.test(id ?? ''))).toBe(true);
  expect(new Set(ids).size).toBe(200);
});

it('answers the same genereerZaakIdentificatie sent twice at once with one identificatie, given out once', async () => {
  const uitgegeven = () => aantal('SELECT count(*) AS n FROM uitgegeven_identificatie', []);
  const voor = await uitgegeven();
  const paren = await Promise.all(reeks(20).map((i) => Promise.all([identificatie(`GL-ZELFDE-${i}`), identificatie(`GL-ZELFDE-${i}`)])));
  const ids = paren.map(([a, b]) => {
    const id = identificatieUit(a);
    expect(identificatieUit(b)).toBe(id);
    return id;
  });
  expect(new Set(ids).size).toBe(20);
  // A second processing would have registered a number of its own.
  expect(await uitgegeven()).toBe(voor + 20);
});

it('processes 100 creeerZaak of different zaken sent at once, each whole', async () => {
  const ids = reeks(100).map((i) => `0599GLVEEL${String(i).padStart(3, '0')}`);
  const antwoorden = await Promise.all(ids.map((id, i) => creeer(zaak(id, `GL-VEEL-${i}`))));
  for (const r of antwoorden) expect(goed(r).local).toBe('Bv03Bericht');
  expect(await aantal(`SELECT count(*) AS n FROM zaak WHERE identificatie LIKE ?`, ['0599GLVEEL%'])).toBe(100);
  for (const id of [ids[0], ids[57], ids[99]]) {
    const r = await gw.stuur(inEnvelope(geefZaakdetails(id)), { actie: `${ZDS12}geefZaakdetails_ZakLv01`, pad: '/BeantwoordVraag' });
    expect(tekst(objectUit(r), 'identificatie')).toBe(id);
  }
});

it('processes the same creeerZaak sent twice at once once, and gives both the same answer', async () => {
  const paren = await Promise.all(reeks(20).map((i) => {
    const xml = zaak(`0599GLZELFDE${String(i).padStart(2, '0')}`, `GL-LK-${i}`);
    return Promise.all([creeer(xml), creeer(xml)]);
  }));
  for (const [a, b] of paren) {
    expect(goed(a).local).toBe('Bv03Bericht');
    expect(vergelijkbaar(goed(b))).toEqual(vergelijkbaar(goed(a)));
  }
  expect(await aantal(`SELECT count(*) AS n FROM zaak WHERE identificatie LIKE ?`, ['0599GLZELFDE%'])).toBe(20);
  expect(await aantal(`SELECT count(*) AS n FROM verwerkt_bericht WHERE referentienummer LIKE ?`, ['GL-LK-%'])).toBe(20);
});

it('of two bodies under one key sent at once processes one and refuses the other with StUF016', async () => {
  const paren = await Promise.all(reeks(10).map(async (k) => {
    const ids = [`0599GLKEYA${k}`, `0599GLKEYB${k}`];
    const [a, b] = await Promise.all([creeer(zaak(ids[0], `GL-KEY-${k}`)), creeer(zaak(ids[1], `GL-KEY-${k}`, 'Andere zaak'))]);
    return { a, b, ids };
  }));
  for (const { a, b, ids } of paren) {
    const winnaar = a.status === 200 ? 0 : 1;
    const [gewonnen, verloren] = winnaar === 0 ? [a, b] : [b, a];
    expect(goed(gewonnen).local).toBe('Bv03Bericht');
    expect(schoneFout(verloren)).toMatchObject({ soort: 'Fo03', code: 'StUF016' });
    expect(await aantal('SELECT count(*) AS n FROM zaak WHERE identificatie = ?', [ids[winnaar]])).toBe(1);
    expect(await aantal('SELECT count(*) AS n FROM zaak WHERE identificatie = ?', [ids[1 - winnaar]])).toBe(0);
  }
});
