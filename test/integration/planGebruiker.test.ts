// The plan per user (issue 15 point 6, seed 000): with `gebruikersniveau: aan` on the regie application a
// gezinsplan's content is shown only when stuurgegevens/zender/gebruiker is its regisseur (initiator medewerker) or
// a medewerker it names as uitvoerende (a duo); any other user of that application, or none, gets the plan view;
// breaking the glass still gives the full view. A teammanager sees identificatie, zaaktype, regisseur, status and
// dates, never persons, documents or besluiten. Everything over real HTTP on loopback, in secured mode.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children } from '../../src/stuf/xml';
import { NOODTOEGANG_NS } from '../../src/toegang/noodtoegang';
import { parseConfig } from '../../src/config';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { luister } from '../support/soapClientOpname';
import { HttpAntwoord, antwoordObject, goed, schoneFout, sleutels, tekst } from '../support/antwoorden';
import { actie, geefZaakdetails, geefZaakstatus, legeRelatie, medewerker, rol, status, wijzig } from '../support/dialecten';
import { docActie, docPad, geefLezen, geefLijst, nieuwDocument } from '../support/documentBerichten';
import { ZAKLV01_ACTIE, nps, scopeMet, zoekZaken } from '../support/zoekBerichten';
import { APPLICATIES, TestRol, aanmelding, als, beveiligd, deelplan, gezinsplan, regisseur } from '../support/planBerichten';

const D = 'zds12' as const;
const PLAN = '0599PLANGBRGZP1';
const DEEL = '0599PLANGBRDEEL1';
const DOC = '0599PLANGBRDOC1';
const CLIENT = { bsn: '123456782', naam: 'Vermeulen' };
const TOELICHTING = 'Gezin met schulden, huisuitzetting dreigt';
const DOCUMENTTITEL = 'Verslag gezinsgesprek';
const REGISSEUR = 'MDW-REGIE-1';
const DUO = { id: 'MDW-DUO-2', naam: 'Dekker' };
const ANDER = 'MDW-ANDER-3';
const REDEN = 'Acute zorgmelding, regisseur onbereikbaar';

const TEAMMANAGER = { applicatie: 'TEAMMANAGER', gebruiker: 'teammanager', wachtwoord: 'teammanager-geheim-1' };
type Wie = TestRol | 'teammanager';

let gw: TestGateway;
let basis: string;
let log: string[];

const headers = (wie: Wie): Record<string, string> =>
  wie === 'teammanager'
    ? { authorization: `Basic ${Buffer.from(`${TEAMMANAGER.gebruiker}:${TEAMMANAGER.wachtwoord}`).toString('base64')}` }
    : aanmelding(wie);
const applicatie = (wie: Wie) => (wie === 'teammanager' ? TEAMMANAGER.applicatie : APPLICATIES[wie].applicatie);

/** The message's zender replaced by the caller's registered one, with the person behind it when given. */
function alsZender(xml: string, wie: Wie, gebruiker?: string): string {
  const g = gebruiker ? `<StUF:gebruiker>${gebruiker}</StUF:gebruiker>` : '';
  return xml.replace(/<StUF:zender>[\s\S]*?<\/StUF:zender>/, `<StUF:zender><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>${applicatie(wie)}</StUF:applicatie>${g}</StUF:zender>`);
}

/** POST over real HTTP: the whole stack (Fastify, basic auth, SOAPAction) as a consumer's message takes it. */
async function stuur(wie: Wie, xml: string, soapAction: string, pad: string, opties: { gebruiker?: string; header?: string } = {}): Promise<HttpAntwoord> {
  const r = await fetch(basis + pad, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapAction}"`, ...headers(wie) },
    body: inEnvelope(alsZender(xml, wie, opties.gebruiker), opties.header ?? ''),
  });
  return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
}

async function moetLukken(xml: string, soapAction: string, pad = '/OntvangAsynchroon'): Promise<void> {
  const r = await stuur('regie', xml, soapAction, pad, { gebruiker: REGISSEUR });
  if (r.status !== 200) throw new Error(`${soapAction}: HTTP ${r.status}\n${r.body}`);
}

const noodHeader = `<nt:noodtoegang xmlns:nt="${NOODTOEGANG_NS}"><nt:doelbinding>crisisinterventie</nt:doelbinding><nt:reden>${REDEN}</nt:reden></nt:noodtoegang>`;

const details = (wie: Wie, id: string, opties: { gebruiker?: string; header?: string } = {}) =>
  stuur(wie, geefZaakdetails(D, id), actie(D, 'geefZaakdetails'), '/BeantwoordVraag', opties);
const personen = (wie: Wie, gebruiker?: string) =>
  stuur(wie, zoekZaken({ client: nps(CLIENT.bsn) }, { scope: scopeMet('identificatie', 'heeftBetrekkingOp', 'heeftAlsInitiator', 'heeft') }), ZAKLV01_ACTIE, '/BeantwoordVraag', { gebruiker });
const documentlijst = (wie: Wie, gebruiker?: string) => stuur(wie, geefLijst(D, PLAN), docActie(D, 'geefLijstZaakdocumenten'), docPad('geefLijstZaakdocumenten'), { gebruiker });

beforeAll(async () => {
  const v = vangLog();
  log = v.regels;
  gw = await startGateway(
    {
      ...beveiligd({
        perRol: { regie: { gebruikersniveau: 'aan' } },
        applicaties: [{ zender: { organisatie: '0599', applicatie: TEAMMANAGER.applicatie }, rol: 'teammanager', basic: { gebruikersnaam: TEAMMANAGER.gebruiker, wachtwoord: TEAMMANAGER.wachtwoord } }],
      }),
      stuf: { persoonsvraag: 'aan' },
    },
    undefined,
    v.log,
  );
  basis = await luister(gw);
  const planXml = gezinsplan(D, { id: PLAN, clients: [], initiator: regisseur(REGISSEUR) + rol('heeftAlsUitvoerende', medewerker(DUO.id, DUO.naam)) })
    .replace('</ZKN:isVan>', `</ZKN:isVan><ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde><ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"><BG:inp.bsn>${CLIENT.bsn}</BG:inp.bsn><BG:geslachtsnaam>${CLIENT.naam}</BG:geslachtsnaam></ZKN:natuurlijkPersoon></ZKN:gerelateerde><ZKN:omschrijving>Client</ZKN:omschrijving></ZKN:heeftBetrekkingOp>`);
  await moetLukken(planXml, actie(D, 'creeerZaak'));
  const heeft = legeRelatie('heeft', 'ZAKSTT', 'T');
  await moetLukken(wijzig(D, 'actualiseerZaakstatus', PLAN, heeft, status(2, 'Gezinsplan opgesteld', '20240201090000', TOELICHTING)), actie(D, 'actualiseerZaakstatus'));
  await moetLukken(nieuwDocument(D, 'voegZaakdocumentToe', { id: DOC, zaken: [PLAN], titel: DOCUMENTTITEL, tekst: TOELICHTING }), docActie(D, 'voegZaakdocumentToe'));
  await moetLukken(deelplan(D, { id: DEEL, clients: [CLIENT.bsn], plannen: [PLAN], initiator: regisseur(REGISSEUR) }), actie(D, 'creeerZaak'));
});
afterAll(async () => gw?.sluit());

const nietGeautoriseerd = (e: XElement | undefined) => !!e && attr(e, NS.xsi, 'nil') === 'true' && attr(e, NS.stuf, 'noValue') === 'nietGeautoriseerd';
const afgeschermd = (e: XElement) => nietGeautoriseerd(e) || (e.children.length > 0 && e.children.every(nietGeautoriseerd));
const object = (r: HttpAntwoord) => {
  goed(r);
  return antwoordObject(r.body)!;
};

/** The plan's content: its client, its status toelichting, its document. */
function metInhoud(r: HttpAntwoord): void {
  const o = object(r);
  expect(r.body).toContain(CLIENT.bsn);
  expect(r.body).toContain(TOELICHTING);
  expect(tekst(o, 'heeftRelevant', 'gerelateerde', 'titel')).toBe(DOCUMENTTITEL);
  expect(sleutels(o, 'heeftAlsUitvoerende')).toEqual([DUO.id]);
}

/** The plan view: identificatie, zaaktype, regisseur and current status; no client, toelichting, document or duo. */
function planzicht(r: HttpAntwoord): void {
  const o = object(r);
  for (const c of o.children) expect([c.local, afgeschermd(c)]).toEqual([c.local, !['identificatie', 'isVan', 'heeftAlsInitiator', 'heeft'].includes(c.local)]);
  expect(sleutels(o, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
  zonderInhoud(r.body);
}

/**
 * A document of a zaak whose documents the caller may not see is answered as for an invisible zaak: a Fo02 StUF052,
 * or (where refusals answer as "does not exist", issue 15 point 3) an EdcLa01 without an object.
 */
function alsOnzichtbaar(r: HttpAntwoord): void {
  if (r.status === 500) expect(schoneFout(r).code).toBe('StUF052');
  else expect(antwoordObject(r.body)).toBeUndefined();
}

function zonderInhoud(body: string): void {
  for (const w of [CLIENT.bsn, CLIENT.naam, TOELICHTING, DOCUMENTTITEL, DUO.naam]) expect(body).not.toContain(w);
}

describe('gebruikersniveau: aan on the regie application', () => {
  test('the regisseur (initiator medewerker) sees the content', async () => {
    metInhoud(await details('regie', PLAN, { gebruiker: REGISSEUR }));
  });

  test('a medewerker the plan names as uitvoerende (the duo) sees the content', async () => {
    metInhoud(await details('regie', PLAN, { gebruiker: DUO.id }));
  });

  test('another user of the same application, or none, gets the plan view', async () => {
    planzicht(await details('regie', PLAN, { gebruiker: ANDER }));
    planzicht(await details('regie', PLAN));
  });

  test('breaking the glass gives the full view to another user', async () => {
    metInhoud(await details('regie', PLAN, { gebruiker: ANDER, header: noodHeader }));
  });

  test("the plan's documents: its list for its regisseur, withheld for another user; reading one refused", async () => {
    const eigen = object(await documentlijst('regie', REGISSEUR));
    expect(tekst(eigen, 'heeftRelevant', 'gerelateerde', 'titel')).toBe(DOCUMENTTITEL);
    const ander = await documentlijst('regie', ANDER);
    const relevant = children(object(ander), 'heeftRelevant');
    expect(relevant).toHaveLength(1);
    expect(nietGeautoriseerd(relevant[0])).toBe(true);
    zonderInhoud(ander.body);
    const lezen = await stuur('regie', geefLezen(D, DOC), docActie(D, 'geefZaakdocumentLezen'), docPad('geefZaakdocumentLezen'), { gebruiker: ANDER });
    alsOnzichtbaar(lezen);
    zonderInhoud(lezen.body);
  });

  test('the person query shows the plan content only to its regisseur', async () => {
    const eigen = planUit(await personen('regie', REGISSEUR));
    expect(tekst(eigen, 'heeftBetrekkingOp', 'gerelateerde', 'natuurlijkPersoon', 'geslachtsnaam')).toBe(CLIENT.naam);
    const ander = planUit(await personen('regie', ANDER));
    expect(afgeschermd(child(ander, 'heeftBetrekkingOp')!)).toBe(true);
    expect(sleutels(ander, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
    expect(JSON.stringify(ander)).not.toContain(CLIENT.naam);
  });

  test('a deelplan is an ordinary zaak: every user of the regie application sees it in full (plan content only)', async () => {
    const r = await details('regie', DEEL, { gebruiker: ANDER });
    expect(r.body).toContain(CLIENT.naam);
  });

  test('gebruikersniveau on another role than regie is refused at start-up', () => {
    const app = { zender: { organisatie: '0599', applicatie: 'BO' }, rol: 'backoffice', basic: { gebruikersnaam: 'bo', wachtwoord: 'bo-geheim-12' }, gebruikersniveau: 'aan' };
    expect(() => parseConfig({ toegang: { modus: 'beveiligd', applicaties: [app] }, server: { tlsBijProxy: true } })).toThrow(/gebruikersniveau geldt alleen voor rol regie/);
  });
});

/** The plan's object in a zakLa01 that lists several zaken. */
function planUit(r: HttpAntwoord): XElement {
  const objecten = children(child(goed(r), 'antwoord'), 'object');
  const plan = objecten.find((o) => tekst(o, 'identificatie') === PLAN);
  expect(plan).toBeDefined();
  return plan!;
}

describe('role teammanager', () => {
  const DATUMS = ['startdatum', 'registratiedatum', 'publicatiedatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum'];
  const ZICHTBAAR = ['identificatie', 'isVan', 'heeftAlsInitiator', 'heeft', ...DATUMS];

  test('geefZaakdetails: identificatie, zaaktype, regisseur, current status and dates; persons and documents nietGeautoriseerd', async () => {
    const r = await details('teammanager', PLAN);
    const o = object(r);
    for (const c of o.children) expect([c.local, afgeschermd(c)]).toEqual([c.local, !ZICHTBAAR.includes(c.local)]);
    for (const naam of ['heeftBetrekkingOp', 'heeftAlsUitvoerende', 'heeftRelevant', 'toelichting']) expect(afgeschermd(child(o, naam)!)).toBe(true);
    expect(tekst(o, 'startdatum')).toBe('20240115');
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
    const heeft = children(o, 'heeft');
    expect(heeft).toHaveLength(1);
    expect(nietGeautoriseerd(child(heeft[0], 'toelichting'))).toBe(true);
    zonderInhoud(r.body);
  });

  test('geefZaakstatus with the whole history: the current status only, without toelichting', async () => {
    const r = await stuur('teammanager', geefZaakstatus(D, PLAN, false), actie(D, 'geefZaakstatus'), '/BeantwoordVraag');
    const heeft = children(object(r), 'heeft');
    expect(heeft).toHaveLength(1);
    expect(tekst(heeft[0], 'gerelateerde', 'volgnummer')).toBe('2');
    zonderInhoud(r.body);
  });

  test('an ordinary zaak (the deelplan) shows no natural person either', async () => {
    const r = await details('teammanager', DEEL);
    const o = object(r);
    expect(afgeschermd(child(o, 'heeftBetrekkingOp')!)).toBe(true);
    zonderInhoud(r.body);
  });

  test('listing the plans of a zaaktype: per plan its regisseur and status, no persons', async () => {
    const r = await stuur('teammanager', zoekZaken({ zaaktype: 'GZP' }), ZAKLV01_ACTIE, '/BeantwoordVraag');
    const o = object(r);
    expect(tekst(o, 'identificatie')).toBe(PLAN);
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
    zonderInhoud(r.body);
  });

  test('asking for the zaken of a person is refused', async () => {
    const r = await personen('teammanager');
    const f = schoneFout(r);
    expect(f.code).toBe('StUF052');
    expect(f.details).not.toContain(CLIENT.bsn);
  });

  test('documents: the list answered as for an invisible plan, reading refused', async () => {
    const lijst = await documentlijst('teammanager');
    const relevant = children(object(lijst), 'heeftRelevant');
    expect(relevant.map(nietGeautoriseerd)).toEqual([true]);
    zonderInhoud(lijst.body);
    const lezen = await stuur('teammanager', geefLezen(D, DOC), docActie(D, 'geefZaakdocumentLezen'), docPad('geefZaakdocumentLezen'));
    expect(schoneFout(lezen).code).toBe('StUF052');
    zonderInhoud(lezen.body);
  });

  test('writes and breaking the glass are refused', async () => {
    const heeft = legeRelatie('heeft', 'ZAKSTT', 'T');
    const w = await stuur('teammanager', wijzig(D, 'actualiseerZaakstatus', PLAN, heeft, status(3, 'Gezinsplan uitgevoerd', '20240301090000')), actie(D, 'actualiseerZaakstatus'), '/OntvangAsynchroon');
    expect(schoneFout(w).code).toBe('StUF052');
    const n = await details('teammanager', PLAN, { header: noodHeader });
    expect(schoneFout(n).code).toBe('StUF052');
    zonderInhoud(n.body);
  });
});

test('the log holds no BSN, name, password or plan content', () => {
  const alles = log.join('');
  expect(alles.length).toBeGreaterThan(0);
  for (const w of [CLIENT.bsn, CLIENT.naam, DUO.naam, TOELICHTING, DOCUMENTTITEL, TEAMMANAGER.wachtwoord, APPLICATIES.regie.wachtwoord, Buffer.from(TOELICHTING).toString('base64')]) {
    expect(alles).not.toContain(w);
  }
});
