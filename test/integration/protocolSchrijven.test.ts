// The protocol of writes (issue 15 point 8), over real HTTP in secured mode: a kennisgeving that stores or changes a
// natural person, or stores document content, leaves one `schrijven` row in the transaction of the change (who,
// application, gebruiker, operation, zaken, BSNs); a refused or resent message leaves none; the command lists them by
// soort; `protocol opschonen` removes rows older than protocol.bewaartermijnDagen and refuses to cut into that period.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { databaseOmgeving } from '../support/proces';
import { luister } from '../support/soapClientOpname';
import { inEnvelope } from '../support/soap';
import { actie, creeerZaak, medewerker, rol, status, wijzig, legeRelatie } from '../support/dialecten';
import { aanmelding, als, belanghebbende, beveiligd, gezinsplan, TestRol } from '../support/planBerichten';
import { bewerken, docActie, docPad, DocDienst, inhoud, nieuwDocument, update } from '../support/documentBerichten';
import { protocolOpdracht } from '../../src/toegang/protocolOpdracht';
import { ProtocolRegel } from '../../src/store/protocol';

const CLIENTS = ['111222333', '123456782'];
const BELANGHEBBENDE = '555666773';
const WEIGERING = '444555663';
const PLAN = '0599GZP0000301';
const ZAAK = '0599ZAAK0000301';
const DOC = '0599D0000301';
const GEHEIME_TEKST = 'Vertrouwelijk verslag keukentafelgesprek';
const REF_PLAN = 'PROT-SCHRIJF-PLAN-1';

let gw: TestGateway;
let basis: string;
let log: string[];

/** zender/gebruiker in the stuurgegevens: the person behind the application. */
const metGebruiker = (xml: string, gebruiker: string) => xml.replace('</StUF:applicatie></StUF:zender>', `</StUF:applicatie><StUF:gebruiker>${gebruiker}</StUF:gebruiker></StUF:zender>`);

async function stuur(rolNaam: TestRol, xml: string, soapActie: string, pad: string) {
  const r = await fetch(basis + pad, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapActie}"`, ...aanmelding(rolNaam) },
    body: inEnvelope(xml),
  });
  return { status: r.status, body: await r.text() };
}
const zaakBericht = (rolNaam: TestRol, xml: string, dienst: 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus') => stuur(rolNaam, xml, actie('zds12', dienst), '/OntvangAsynchroon');
const docBericht = (xml: string, dienst: DocDienst) => stuur('backoffice', xml, docActie('zds12', dienst), docPad(dienst));

const protocol = async (args: string[]): Promise<ProtocolRegel[]> => {
  const uit: string[] = [];
  await protocolOpdracht(gw.config, [...args, '--json'], (t) => uit.push(t));
  return JSON.parse(uit.join('')) as ProtocolRegel[];
};
const schrijfrijen = (args: string[]) => protocol([...args, '--soort', 'schrijven']);

beforeAll(async () => {
  const v = vangLog();
  log = v.regels;
  gw = await startGateway(beveiligd(), undefined, v.log);
  basis = await luister(gw);
});
afterAll(async () => gw.sluit());

describe('a kennisgeving with a natural person', () => {
  it('creeerZaak with clients writes one schrijven row: application, role, gebruiker, operation, zaak, every BSN, referentienummer', async () => {
    const xml = metGebruiker(gezinsplan('zds12', { id: PLAN, clients: CLIENTS, sturing: als('regie', REF_PLAN) }), 'mdw-0042');
    const r = await zaakBericht('regie', xml, 'creeerZaak');
    expect(r.status).toBe(200);
    const rijen = await schrijfrijen(['--zaak', PLAN]);
    expect(rijen).toHaveLength(1);
    expect(rijen[0]).toMatchObject({
      soort: 'schrijven', operatie: 'creeerZaak', applicatie: 'REGIESYSTEEM', organisatie: '0599', rol: 'regie', via: 'basic',
      gebruiker: 'mdw-0042', referentienummer: REF_PLAN, zaken: [PLAN], bsns: CLIENTS,
    });
    expect((await protocol(['--bsn', CLIENTS[1]])).map((x) => x.soort)).toEqual(['schrijven']);
  });

  it('a resend of the same message is answered from the idempotency store and writes no second row', async () => {
    const xml = metGebruiker(gezinsplan('zds12', { id: PLAN, clients: CLIENTS, sturing: als('regie', REF_PLAN) }), 'mdw-0042');
    const r = await zaakBericht('regie', xml, 'creeerZaak');
    expect(r.status).toBe(200);
    expect(await schrijfrijen(['--zaak', PLAN])).toHaveLength(1);
  });

  it('updateZaak adding a belanghebbende writes a row with the BSNs the message carries', async () => {
    const xml = wijzig('zds12', 'updateZaak', PLAN, legeRelatie('heeftAlsBelanghebbende', 'ZAKBTRBLH', 'T'), belanghebbende(BELANGHEBBENDE), { sturing: als('regie') });
    const r = await zaakBericht('regie', xml, 'updateZaak');
    expect(r.status).toBe(200);
    expect(await schrijfrijen(['--bsn', BELANGHEBBENDE])).toEqual([
      expect.objectContaining({ soort: 'schrijven', operatie: 'updateZaak', applicatie: 'REGIESYSTEEM', zaken: [PLAN], bsns: [BELANGHEBBENDE] }),
    ]);
  });

  it('a change without persons or content (creeerZaak with a medewerker, actualiseerZaakstatus) writes no row', async () => {
    const voor = (await schrijfrijen([])).length;
    expect((await zaakBericht('backoffice', creeerZaak('zds12', { id: ZAAK, relaties: rol('heeftAlsInitiator', medewerker('MDW-1')), sturing: als('backoffice') }), 'creeerZaak')).status).toBe(200);
    const s = await zaakBericht('regie', wijzig('zds12', 'actualiseerZaakstatus', PLAN, '', status(1, 'Signaal geregistreerd', '20240120'), { sturing: als('regie') }), 'actualiseerZaakstatus');
    expect(s.status).toBe(200);
    expect(await schrijfrijen([])).toHaveLength(voor);
    expect(await protocol(['--zaak', ZAAK])).toHaveLength(0);
  });

  it('a refused kennisgeving (Fo03, rolled back) leaves no row for the person it carried', async () => {
    const r = await zaakBericht('regie', gezinsplan('zds12', { id: PLAN, clients: [WEIGERING], sturing: als('regie') }), 'creeerZaak');
    expect(r.status).toBe(500);
    expect(r.body).toContain('Fo03');
    expect(await protocol(['--bsn', WEIGERING])).toHaveLength(0);
  });
});

describe('document content', () => {
  let checkedOutId = '';

  it('voegZaakdocumentToe with content writes a row with the zaak and no BSN', async () => {
    const r = await docBericht(metGebruiker(nieuwDocument('zds12', 'voegZaakdocumentToe', { id: DOC, zaken: [ZAAK], tekst: GEHEIME_TEKST, sturing: { zender: 'BACKOFFICE' } }), 'bo-7'), 'voegZaakdocumentToe');
    expect(r.status).toBe(200);
    expect(await schrijfrijen(['--zaak', ZAAK])).toEqual([
      expect.objectContaining({ soort: 'schrijven', operatie: 'voegZaakdocumentToe', applicatie: 'BACKOFFICE', rol: 'backoffice', gebruiker: 'bo-7', zaken: [ZAAK], bsns: [] }),
    ]);
  });

  it('a check-out answers the content: a lezen row, not a schrijven row', async () => {
    const r = await docBericht(bewerken('zds12', DOC, { zender: 'BACKOFFICE', gebruiker: 'bo-7' }), 'geefZaakdocumentBewerken');
    expect(r.status).toBe(200);
    checkedOutId = /checkedOutId>([^<]+)</.exec(r.body)![1];
    expect((await protocol(['--zaak', ZAAK, '--soort', 'lezen'])).at(-1)).toMatchObject({ operatie: 'geefZaakdocumentBewerken', soort: 'lezen' });
    expect(await schrijfrijen(['--zaak', ZAAK])).toHaveLength(1);
  });

  it('updateZaakdocument with new content writes a row; the content is in no log line', async () => {
    const r = await docBericht(update('zds12', DOC, {
      checkedOutId,
      oud: '<ZKN:titel>Ontvangstbevestiging</ZKN:titel>',
      nieuw: `<ZKN:titel>Ontvangstbevestiging</ZKN:titel>${inhoud(`${GEHEIME_TEKST} (aangevuld)`)}`,
      sturing: { zender: 'BACKOFFICE', gebruiker: 'bo-7' },
    }), 'updateZaakdocument');
    expect(r.status).toBe(200);
    expect((await schrijfrijen(['--zaak', ZAAK])).map((x) => x.operatie)).toEqual(['voegZaakdocumentToe', 'updateZaakdocument']);
  });
});

describe('privacy of the service log', () => {
  it('holds no BSN, no name, no password and no document content', () => {
    const alles = log.join('');
    for (const bsn of [...CLIENTS, BELANGHEBBENDE, WEIGERING]) expect(alles).not.toContain(bsn);
    for (const woord of ['Vries', 'Buurvrouw', 'regie-geheim-1', 'backoffice-geheim-1', GEHEIME_TEKST, Buffer.from(GEHEIME_TEKST).toString('base64').slice(0, 24)]) {
      expect(alles).not.toContain(woord);
    }
  });
});

describe('the command: soort and opschonen', () => {
  const MAIN = resolve(__dirname, '..', '..', 'dist', 'main.js');
  const cli = (args: string[]) => spawnSync(process.execPath, [MAIN, 'protocol', ...args], { env: { ...process.env, ...databaseOmgeving(gw.config.database) }, encoding: 'utf8' });
  const oud = (tijdstip: string, bsn: string) =>
    gw.app.gateway.store.protocol.schrijf({ tijdstip, soort: 'schrijven', applicatie: 'REGIESYSTEEM', rol: 'regie', via: 'basic', operatie: 'updateZaak', zaken: [PLAN], bsns: [bsn] });

  it('lists writes as text with their soort', () => {
    const r = cli(['--soort', 'schrijven', '--zaak', PLAN]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/schrijven {2}creeerZaak {2}0599\/REGIESYSTEEM gebruiker mdw-0042 \(rol regie, via basic\)/);
    expect(r.stdout).toMatch(/\n2 regels\n$/);
    expect(cli(['--soort', 'wissen']).stderr).toMatch(/'wissen' is niet lezen of schrijven/);
  });

  it('opschonen without --voor removes exactly the rows older than the default five years, with their BSNs', async () => {
    expect(gw.config.protocol.bewaartermijnDagen).toBe(1826);
    const nu = Date.now();
    await oud(new Date(nu - 1830 * 86_400_000).toISOString(), '900000017');
    await oud(new Date(nu - 1820 * 86_400_000).toISOString(), '900000029');
    const voor = (await protocol(['--soort', 'schrijven'])).length;
    const r = cli(['opschonen']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1 regel van voor \d{4}-\d{2}-\d{2}T[\d:.]+Z verwijderd \(bewaartermijn 1826 dagen\)\n$/);
    expect(await protocol(['--bsn', '900000017'])).toHaveLength(0);
    expect(await protocol(['--bsn', '900000029'])).toHaveLength(1);
    expect(await protocol(['--soort', 'schrijven'])).toHaveLength(voor - 1);
    const wees = (await gw.app.gateway.store.sql.een<{ n: number }>('SELECT COUNT(*) AS n FROM protocol_bsn WHERE protocol_id NOT IN (SELECT id FROM protocol)'))!;
    expect(Number(wees.n)).toBe(0);
  });

  it('opschonen --voor an earlier date removes less; a date inside the retention period is refused and removes nothing', async () => {
    await oud('2015-03-01T10:00:00.000Z', '900000030');
    await oud('2016-03-01T10:00:00.000Z', '900000042');
    expect(cli(['opschonen', '--voor', '2016-01-01']).stdout).toMatch(/^1 regel van voor 2016-01-01T00:00:00.000Z verwijderd/);
    expect(await protocol(['--bsn', '900000030'])).toHaveLength(0);
    expect(await protocol(['--bsn', '900000042'])).toHaveLength(1);
    const aantal = (await protocol(['--soort', 'schrijven'])).length + (await protocol(['--soort', 'lezen'])).length;
    const te = cli(['opschonen', '--voor', new Date().toISOString().slice(0, 10)]);
    expect(te.status).toBe(1);
    expect(te.stderr).toMatch(/valt binnen de bewaartermijn van 1826 dagen/);
    expect((await protocol(['--soort', 'schrijven'])).length + (await protocol(['--soort', 'lezen'])).length).toBe(aantal);
    expect(cli(['opschonen', '--voor', 'gisteren']).stderr).toMatch(/'gisteren' is geen datum/);
  });

  it('a configured bewaartermijnDagen below 30 days is refused at start-up', async () => {
    await expect(startGateway({ ...beveiligd(), protocol: { bewaartermijnDagen: 7 } })).rejects.toThrow(/bewaartermijnDagen/);
  });
});
