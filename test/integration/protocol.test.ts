// The protocol (design.md "Who may see what", issue 4 point 5) and breaking the glass: every answer with personal
// data leaves a row (who, which application, role, operation, zaken, BSNs, reason); the command lists it by BSN or
// zaak and period; the service log never carries a BSN or the stated reason.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { databaseOmgeving } from '../support/proces';
import { foutcode, foutdetails, inEnvelope } from '../support/soap';
import { Dialect, geefZaakdetails, geefZaakstatus } from '../support/dialecten';
import { aanmelding, als, beveiligd, gezinsplan, TestRol } from '../support/planBerichten';
import { protocolOpdracht } from '../../src/toegang/protocolOpdracht';
import { NOODTOEGANG_NS } from '../../src/toegang/noodtoegang';
import { ZAKLV01_ACTIE, nps, zoekZaken } from '../support/zoekBerichten';

const CLIENTS = ['111222333', '222333444', '333444555'];
const PLAN = '0599GZP0000101';
const REDEN = 'Acute zorgmelding, regisseur onbereikbaar';

let gw: TestGateway;
let log: string[];

/** zender/gebruiker in the stuurgegevens: the person behind the application. */
const metGebruiker = (xml: string, gebruiker: string) => xml.replace('</StUF:applicatie></StUF:zender>', `</StUF:applicatie><StUF:gebruiker>${gebruiker}</StUF:gebruiker></StUF:zender>`);

const noodHeader = (reden: string, doelbinding = 'crisisinterventie') =>
  `<nt:noodtoegang xmlns:nt="${NOODTOEGANG_NS}"><nt:doelbinding>${doelbinding}</nt:doelbinding><nt:reden>${reden}</nt:reden></nt:noodtoegang>`;

const PAD = { zds12: '/BeantwoordVraag', zds11: '/BeantwoordVraag' };

async function vraag(d: Dialect, rol: TestRol, xml: string, header = '') {
  return gw.stuur(inEnvelope(xml, header), { pad: PAD[d], headers: aanmelding(rol) });
}

const protocol = async (args: string[]) => {
  const uit: string[] = [];
  await protocolOpdracht(gw.config, [...args, '--json'], (t) => uit.push(t));
  return JSON.parse(uit.join('')) as { operatie: string; applicatie: string; rol: string; gebruiker?: string; zaken: string[]; bsns: string[]; noodtoegangReden?: string; doelbinding?: string }[];
};

beforeAll(async () => {
  const v = vangLog();
  log = v.regels;
  gw = await startGateway({ ...beveiligd({ perRol: { ketenpartner: { noodtoegang: false } } }), stuf: { persoonsvraag: 'aan' } }, undefined, v.log);
  const r = await gw.stuur(inEnvelope(gezinsplan('zds12', { id: PLAN, clients: CLIENTS, sturing: als('regie') })), { headers: aanmelding('regie') });
  expect(r.status).toBe(200);
});
afterAll(async () => gw.sluit());

describe('protocol rows', () => {
  it.each(['zds12', 'zds11'] as const)('%s: geefZaakdetails with persons is protocolled with application, role, gebruiker, zaak and every BSN', async (d) => {
    const voor = (await protocol(['--zaak', PLAN])).length;
    const r = await vraag(d, 'regie', metGebruiker(geefZaakdetails(d, PLAN, undefined, als('regie')), 'mdw-0042'));
    expect(r.status).toBe(200);
    const rijen = await protocol(['--zaak', PLAN]);
    expect(rijen).toHaveLength(voor + 1);
    expect(rijen.at(-1)).toMatchObject({ operatie: 'geefZaakdetails', applicatie: 'REGIESYSTEEM', rol: 'regie', gebruiker: 'mdw-0042', zaken: [PLAN], bsns: CLIENTS });
    expect(rijen.at(-1)!.noodtoegangReden).toBeUndefined();
  });

  it('an answer without persons (geefZaakstatus) writes no row', async () => {
    const voor = (await protocol(['--zaak', PLAN])).length;
    const r = await vraag('zds12', 'regie', geefZaakstatus('zds12', PLAN, true, als('regie')));
    expect(r.status).toBe(200);
    expect(await protocol(['--zaak', PLAN])).toHaveLength(voor);
  });

  it('a person query is protocolled with the BSN asked about, even when its answer names no person', async () => {
    const r = await gw.stuur(inEnvelope(zoekZaken({ client: nps(CLIENTS[2]) }, { sturing: als('kcc') })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE, headers: aanmelding('kcc') });
    expect(r.status).toBe(200);
    expect(r.body).toContain(PLAN);
    expect(r.body).not.toContain('natuurlijkPersoon');
    expect((await protocol(['--bsn', CLIENTS[2]])).at(-1)).toMatchObject({ operatie: 'zoekZaken', applicatie: 'KCC', rol: 'kcc', zaken: [PLAN], bsns: [CLIENTS[2]] });
  });

  it('is found by BSN, by zaak and by period; a period without reads is empty', async () => {
    expect((await protocol(['--bsn', CLIENTS[1]])).length).toBeGreaterThan(0);
    expect(await protocol(['--bsn', '999999990'])).toHaveLength(0);
    const vandaag = new Date().toISOString().slice(0, 10);
    expect((await protocol(['--zaak', PLAN, '--van', vandaag, '--tot', vandaag])).length).toBeGreaterThan(0);
    expect(await protocol(['--zaak', PLAN, '--tot', '2020-01-01'])).toHaveLength(0);
  });
});

describe('breaking the glass', () => {
  it('kcc with a reason in a SOAP header gets the full plan, and the row is flagged with reason and doelbinding', async () => {
    const r = await vraag('zds12', 'kcc', geefZaakdetails('zds12', PLAN, undefined, als('kcc')), noodHeader(REDEN));
    expect(r.status).toBe(200);
    for (const bsn of CLIENTS) expect(r.body).toContain(bsn);
    const nood = await protocol(['--noodtoegang']);
    expect(nood.at(-1)).toMatchObject({ applicatie: 'KCC', rol: 'kcc', operatie: 'geefZaakdetails', zaken: [PLAN], noodtoegangReden: REDEN, doelbinding: 'crisisinterventie' });
  });

  it('ZDS 1.1: the reason may travel as StUF extraElementen doelbinding and reden in gelijk', async () => {
    const extra = `<StUF:extraElementen><StUF:extraElement naam="doelbinding">veiligheid</StUF:extraElement><StUF:extraElement naam="reden">${REDEN}</StUF:extraElement></StUF:extraElementen>`;
    const xml = geefZaakdetails('zds11', PLAN, undefined, als('backoffice')).replace('</ZKN:identificatie></ZKN:gelijk>', `</ZKN:identificatie>${extra}</ZKN:gelijk>`);
    const r = await vraag('zds11', 'backoffice', xml);
    expect(r.status).toBe(200);
    for (const bsn of CLIENTS) expect(r.body).toContain(bsn);
    expect((await protocol(['--noodtoegang'])).at(-1)).toMatchObject({ applicatie: 'BACKOFFICE', rol: 'backoffice', noodtoegangReden: REDEN, doelbinding: 'veiligheid' });
  });

  it('an emergency read is protocolled even when the answer holds no persons', async () => {
    const voor = (await protocol(['--noodtoegang'])).length;
    const r = await vraag('zds12', 'kcc', geefZaakstatus('zds12', PLAN, true, als('kcc')), noodHeader(REDEN));
    expect(r.status).toBe(200);
    const nood = await protocol(['--noodtoegang']);
    expect(nood).toHaveLength(voor + 1);
    expect(nood.at(-1)).toMatchObject({ operatie: 'geefZaakstatus', bsns: [] });
  });

  it('a reason that is missing or too short is refused with Fo02 StUF055 and nothing is answered', async () => {
    const r = await vraag('zds12', 'kcc', geefZaakdetails('zds12', PLAN, undefined, als('kcc')), noodHeader('', 'crisis'));
    expect(r.status).toBe(500);
    expect(r.body).toContain('Fo02');
    expect(foutcode(r.body)).toBe('StUF055');
    expect(foutdetails(r.body)).toMatch(/reden/);
    expect(r.body).not.toContain(CLIENTS[0]);
  });

  it('an application that may not break the glass gets Fo02 StUF052', async () => {
    const r = await vraag('zds12', 'ketenpartner', geefZaakdetails('zds12', PLAN, undefined, als('ketenpartner')), noodHeader(REDEN));
    expect(r.status).toBe(500);
    expect(foutcode(r.body)).toBe('StUF052');
    expect(foutdetails(r.body)).toMatch(/KETENPARTNER.*noodtoegang/);
  });
});

describe('privacy of the service log', () => {
  it('no BSN, no client name and no stated reason in any log line; the emergency is flagged', () => {
    const alles = log.join('');
    for (const bsn of CLIENTS) expect(alles).not.toContain(bsn);
    expect(alles).not.toContain(REDEN);
    expect(alles).not.toContain('Vries');
    expect(alles).toMatch(/"noodtoegang":true/);
  });
});

describe('the protocol command', () => {
  const MAIN = resolve(__dirname, '..', '..', 'dist', 'main.js');

  it('lists rows by BSN as text from the command line', () => {
    const r = spawnSync(process.execPath, [MAIN, 'protocol', '--bsn', CLIENTS[0]], { env: { ...process.env, ...databaseOmgeving(gw.config.database) }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/geefZaakdetails\s+0599\/REGIESYSTEEM gebruiker mdw-0042 \(rol regie, via basic\)/);
    expect(r.stdout).toMatch(/NOODTOEGANG: Acute zorgmelding/);
    expect(r.stdout).toMatch(/\d+ regels\n$/);
  });

  it('refuses a call without a criterion or with a malformed date, with usage on stderr', () => {
    const zonder = spawnSync(process.execPath, [MAIN, 'protocol'], { env: { ...process.env, ...databaseOmgeving(gw.config.database) }, encoding: 'utf8' });
    expect(zonder.status).toBe(1);
    expect(zonder.stderr).toMatch(/geef --bsn, --zaak, --noodtoegang of --soort/);
    const datum = spawnSync(process.execPath, [MAIN, 'protocol', '--bsn', '1', '--van', 'gisteren'], { env: { ...process.env, ...databaseOmgeving(gw.config.database) }, encoding: 'utf8' });
    expect(datum.status).toBe(1);
    expect(datum.stderr).toMatch(/'gisteren' is geen datum/);
  });
});
