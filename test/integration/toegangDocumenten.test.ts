// Authorisation of the document and besluit operations (issue 4, design.md "Who may see what"): they act on the
// zaken the document or besluit belongs to. Reading needs one of those zaken readable, and for a gezinsplan or
// levensdomeinplan a full view (regie or the plan's own uitvoerende); changing needs the zaak writable.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children, path } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { ZDS12, inEnvelope } from '../support/soap';
import { Dialect, actie, creeerZaak } from '../support/dialecten';
import { goed, isNilElement, objectUit, schoneFout, tekst } from '../support/antwoorden';
import { APPLICATIES, aanmelding, beveiligd, gezinsplan, TestRol, uitvoerendeVestiging } from '../support/planBerichten';
import * as doc from '../support/documentBerichten';
import * as bsl from '../support/besluitBerichten';

const VESTIGING = '000012345678';
const CONFIG = beveiligd({
  perRol: {
    backoffice: { zaaktypen: { lezen: ['WMO01'], schrijven: ['WMO01'] } },
  },
  // A zorgaanbieder that is uitvoerende of the plan: it sees the plan's content, but only regie changes a plan. It is
  // registered as a backoffice: a ketenpartner sees only its own mirrored zaken and their deelplannen (issue 15).
  applicaties: [{
    zender: { organisatie: '0599', applicatie: 'ZORGAANBIEDER' }, rol: 'backoffice', basic: { gebruikersnaam: 'zorgaanbieder', wachtwoord: 'zorgaanbieder-geheim-1' },
    zaaktypen: { lezen: ['WMO01'], schrijven: ['WMO01'] }, uitvoerende: { vestigingen: [VESTIGING] },
  }],
});
const ZORGAANBIEDER = { applicatie: 'ZORGAANBIEDER', gebruiker: 'zorgaanbieder', wachtwoord: 'zorgaanbieder-geheim-1' };
type Wie = TestRol | 'zorgaanbieder';
const app = (w: Wie) => (w === 'zorgaanbieder' ? ZORGAANBIEDER : APPLICATIES[w]);
const aanmeldingVan = (w: Wie) => ({ authorization: `Basic ${Buffer.from(`${app(w).gebruiker}:${app(w).wachtwoord}`).toString('base64')}` });

/** The message as the role's application sends it: its zender in the stuurgegevens. */
const alsZender = (xml: string, rol: Wie) =>
  xml.replace(/(<StUF:zender>(?:(?!<\/StUF:zender>).)*?<StUF:applicatie>)[^<]*(<\/StUF:applicatie>)/, `$1${app(rol).applicatie}$2`);

const documentenIn = (o: XElement | undefined) => children(o, 'heeftRelevant').filter((r) => !isNilElement(r)).map((r) => tekst(r, 'gerelateerde', 'identificatie'));
const zakenVan = (o: XElement | undefined) => children(o, 'isRelevantVoor').map((r) => tekst(r, 'gerelateerde', 'identificatie'));
const inhoudVan = (o: XElement | undefined) => Buffer.from(child(o, 'inhoud')?.text ?? '', 'base64').toString();

describe.each(['zds12', 'zds11'] as const)('documenten, %s', (d: Dialect) => {
  let gw: TestGateway;
  const p = d === 'zds12' ? 'A12' : 'A11';
  const PLAN = `0599${p}GZP001`;
  const WMO = `0599${p}WMO001`;
  const JZ = `0599${p}JZ0001`;
  const [DOC_PLAN, DOC_BEIDE, DOC_JZ, DOC_WMO] = ['PLAN', 'BEIDE', 'JZ', 'WMO'].map((n) => `${p}-DOC-${n}`);

  const stuur = (rol: Wie, xml: string, dienst: doc.DocDienst) =>
    gw.stuur(inEnvelope(alsZender(xml, rol)), { actie: doc.docActie(d, dienst), pad: doc.docPad(dienst), headers: aanmeldingVan(rol) });
  const voegToe = (rol: Wie, id: string, zaken: string[], titel = 'Verslag') => stuur(rol, doc.nieuwDocument(d, 'voegZaakdocumentToe', { id, zaken, titel, tekst: `inhoud van ${id}` }), 'voegZaakdocumentToe');
  const lees = (rol: Wie, id: string) => stuur(rol, doc.geefLezen(d, id), 'geefZaakdocumentLezen');
  const lijst = (rol: Wie, zaak: string) => stuur(rol, doc.geefLijst(d, zaak), 'geefLijstZaakdocumenten');
  const zaak = (id: string, zaaktype: string) => gw.stuur(inEnvelope(alsZender(creeerZaak(d, { id, zaaktype }), 'regie')), { actie: actie(d, 'creeerZaak'), headers: aanmelding('regie') });

  beforeAll(async () => {
    gw = await startGateway(CONFIG);
    const plan = gezinsplan(d, { id: PLAN, clients: ['111222333'], extra: uitvoerendeVestiging(VESTIGING), sturing: { zender: APPLICATIES.regie.applicatie } });
    goed(await gw.stuur(inEnvelope(plan), { actie: actie(d, 'creeerZaak'), headers: aanmelding('regie') }));
    goed(await zaak(WMO, 'WMO01'));
    goed(await zaak(JZ, 'JZ01'));
    goed(await voegToe('regie', DOC_PLAN, [PLAN], 'Gezinsplan verslag'));
    goed(await voegToe('regie', DOC_BEIDE, [PLAN, WMO]));
    goed(await voegToe('regie', DOC_JZ, [JZ]));
    goed(await voegToe('backoffice', DOC_WMO, [WMO])); // a backoffice writes into a zaak of its own zaaktype
  });
  afterAll(() => gw.sluit());

  it('a backoffice reads the documents of its own zaaktype', async () => {
    expect(inhoudVan(objectUit(await lees('backoffice', DOC_WMO)))).toBe(`inhoud van ${DOC_WMO}`);
    expect(documentenIn(objectUit(await lijst('backoffice', WMO)))).toEqual([DOC_BEIDE, DOC_WMO]);
  });

  it('a document filed in several zaken is readable through any of them, and names only the zaken the caller sees', async () => {
    const o = objectUit(await lees('backoffice', DOC_BEIDE));
    expect(inhoudVan(o)).toBe(`inhoud van ${DOC_BEIDE}`);
    expect(zakenVan(o)).toEqual([WMO]);
    expect(zakenVan(objectUit(await lees('regie', DOC_BEIDE))).sort()).toEqual([PLAN, WMO].sort());
  });

  it('a zaaktype outside the lezen list: its documents and its list are answered as unknown ones (issue 15)', async () => {
    expect(objectUit(await lees('backoffice', DOC_JZ))).toBeUndefined();
    expect(objectUit(await lijst('backoffice', JZ))).toBeUndefined();
  });

  it('geefLijstZaakdocumenten of a gezinsplan: backoffice gets heeftRelevant nietGeautoriseerd, regie and the uitvoerende the documents', async () => {
    const r = await lijst('backoffice', PLAN);
    const o = objectUit(r);
    expect(tekst(o, 'identificatie')).toBe(PLAN);
    const relevant = children(o, 'heeftRelevant');
    expect(relevant).toHaveLength(1);
    expect(isNilElement(relevant[0])).toBe(true);
    expect(attr(relevant[0], NS.stuf, 'noValue')).toBe('nietGeautoriseerd');
    expect(attr(child(o, 'omschrijving')!, NS.stuf, 'noValue')).toBe('nietGeautoriseerd');
    expect(r.body).not.toContain(DOC_PLAN);
    expect(r.body).not.toContain('Gezinsplan</ZKN:omschrijving>');
    expect(documentenIn(objectUit(await lijst('regie', PLAN)))).toEqual([DOC_BEIDE, DOC_PLAN]);
    expect(documentenIn(objectUit(await lijst('zorgaanbieder', PLAN)))).toEqual([DOC_BEIDE, DOC_PLAN]);
  });

  it('geefZaakdocumentLezen and -Bewerken of a document filed only in a plan: answered as an unknown document for backoffice', async () => {
    expect(objectUit(await lees('backoffice', DOC_PLAN))).toBeUndefined();
    const b = schoneFout(await stuur('backoffice', doc.bewerken(d, DOC_PLAN, { zender: APPLICATIES.backoffice.applicatie }), 'geefZaakdocumentBewerken'));
    expect(b).toMatchObject({ soort: 'Fo02', code: 'StUF064' });
    expect(inhoudVan(objectUit(await lees('zorgaanbieder', DOC_PLAN)))).toBe(`inhoud van ${DOC_PLAN}`);
    // The uitvoerende may read the plan's documents but, not being regie, not check one out to change it.
    const k = schoneFout(await stuur('zorgaanbieder', doc.bewerken(d, DOC_PLAN), 'geefZaakdocumentBewerken'));
    expect(k.details).toContain(`mag document ${DOC_PLAN} niet wijzigen: het hoort alleen bij zaken die zij niet mag wijzigen: zaaktype GZP (niet in haar schrijven-lijst)`);
  });

  it('kcc may not read documents at all', async () => {
    expect(schoneFout(await lees('kcc', DOC_WMO))).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
  });

  it('writing a document into a zaak of a zaaktype outside schrijven, or into a plan, is a Fo03 StUF052 and stores nothing', async () => {
    const jz = schoneFout(await voegToe('backoffice', `${p}-DOC-NIEUW-JZ`, [JZ]));
    expect(jz).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
    expect(jz.details).toBe(`Applicatie 0599/BACKOFFICE (rol backoffice) mag zaken van zaaktype JZ01 niet wijzigen (zaak ${JZ})`);
    const plan = schoneFout(await voegToe('backoffice', `${p}-DOC-NIEUW-GZP`, [WMO, PLAN]));
    expect(plan.details).toContain(`mag zaken van zaaktype GZP niet wijzigen (zaak ${PLAN})`);
    const maak = schoneFout(await stuur('backoffice', doc.nieuwDocument(d, 'maakZaakdocument', { id: `${p}-DOC-NIEUW-MAAK`, zaken: [JZ] }), 'maakZaakdocument'));
    expect(maak).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
    for (const id of [`${p}-DOC-NIEUW-JZ`, `${p}-DOC-NIEUW-GZP`, `${p}-DOC-NIEUW-MAAK`]) expect(objectUit(await lees('regie', id))).toBeUndefined();
    expect(documentenIn(objectUit(await lijst('backoffice', WMO)))).toEqual([DOC_BEIDE, DOC_WMO]);
  });

  it('changing a plan document, or filing an own document in a foreign zaak, is a Fo02 StUF052', async () => {
    const titel = await stuur('backoffice', doc.update(d, DOC_PLAN, { oud: '<ZKN:titel>Gezinsplan verslag</ZKN:titel>', nieuw: '<ZKN:titel>Gewijzigd</ZKN:titel>' }), 'updateZaakdocument');
    expect(schoneFout(titel)).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    const koppel = await stuur('backoffice', doc.update(d, DOC_WMO, { oud: doc.legeKoppeling('T'), nieuw: doc.koppeling(JZ) }), 'updateZaakdocument');
    expect(schoneFout(koppel).details).toContain(`mag zaken van zaaktype JZ01 niet wijzigen (zaak ${JZ})`);
    expect(schoneFout(await stuur('backoffice', doc.cancel(d, DOC_PLAN), 'cancelCheckout'))).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    expect(tekst(objectUit(await lees('regie', DOC_PLAN)), 'titel')).toBe('Gezinsplan verslag');
    expect(zakenVan(objectUit(await lees('regie', DOC_WMO)))).toEqual([WMO]);
  });

  it('unfiling: from a plan only by regie; unfiled from the zaak it could see, a document is out of reach', async () => {
    const f = schoneFout(await stuur('backoffice', doc.ontkoppel(d, DOC_BEIDE, PLAN), 'ontkoppelZaakdocument'));
    expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF052', details: `Applicatie 0599/BACKOFFICE (rol backoffice) mag zaken van zaaktype GZP niet wijzigen (zaak ${PLAN})` });
    goed(await stuur('backoffice', doc.ontkoppel(d, DOC_BEIDE, WMO), 'ontkoppelZaakdocument'));
    expect(objectUit(await lees('backoffice', DOC_BEIDE))).toBeUndefined();
    expect(zakenVan(objectUit(await lees('regie', DOC_BEIDE)))).toEqual([PLAN]);
  });
});

describe('besluiten', () => {
  let gw: TestGateway;
  const PLAN = '0599BSLGZP001';
  const WMO = '0599BSLWMO001';
  const JZ = '0599BSLJZ0001';
  const DOC_PLAN = 'BSL-DOC-PLAN';

  const stuur = (rol: Wie, xml: string, root: string, pad: string) =>
    gw.stuur(inEnvelope(alsZender(xml, rol)), { actie: ZDS12 + root, pad, headers: aanmeldingVan(rol) });
  const voeg = (rol: Wie, b: bsl.NieuwBesluit) => stuur(rol, bsl.voegBesluitToe(b), 'voegBesluitToe_Di01', '/OntvangAsynchroon');
  const details = (rol: Wie, id: string) => stuur(rol, bsl.geefBesluitdetails(id), 'geefBesluitdetails_BslLv01', '/BeantwoordVraag');
  const lijst = (rol: Wie, zaak: string) => stuur(rol, bsl.geefLijstBesluiten(zaak), 'geefLijstBesluiten_ZakLv01', '/BeantwoordVraag');
  const update = (rol: Wie, id: string) =>
    stuur(rol, bsl.updateBesluit(id, '<ZKN:toelichting>Op aanvraag</ZKN:toelichting>', '<ZKN:toelichting>Gewijzigd</ZKN:toelichting>'), 'updateBesluit_BslLk01', '/OntvangAsynchroon');
  const besluitenIn = (o: XElement | undefined) => children(o, 'leidtTot').filter((r) => !isNilElement(r)).map((r) => tekst(r, 'gerelateerde', 'identificatie'));

  beforeAll(async () => {
    gw = await startGateway(CONFIG);
    const plan = gezinsplan('zds12', { id: PLAN, clients: ['111222333'], extra: uitvoerendeVestiging(VESTIGING), sturing: { zender: APPLICATIES.regie.applicatie } });
    goed(await gw.stuur(inEnvelope(plan), { actie: actie('zds12', 'creeerZaak'), headers: aanmelding('regie') }));
    for (const [id, zaaktype] of [[WMO, 'WMO01'], [JZ, 'JZ01']]) {
      goed(await gw.stuur(inEnvelope(alsZender(creeerZaak('zds12', { id, zaaktype }), 'regie')), { actie: actie('zds12', 'creeerZaak'), headers: aanmelding('regie') }));
    }
    const document = doc.nieuwDocument('zds12', 'voegZaakdocumentToe', { id: DOC_PLAN, zaken: [PLAN], titel: 'Geheime titel', tekst: 'x' });
    goed(await gw.stuur(inEnvelope(alsZender(document, 'regie')), { actie: doc.docActie('zds12', 'voegZaakdocumentToe'), pad: '/OntvangAsynchroon', headers: aanmelding('regie') }));
    goed(await voeg('regie', { id: 'BSL-PLAN', zaak: PLAN }));
    goed(await voeg('regie', { id: 'BSL-JZ', zaak: JZ }));
  });
  afterAll(() => gw.sluit());

  it('voegBesluitToe: the backoffice on its own zaaktype works; outside schrijven or on a plan a Fo03 StUF052', async () => {
    expect(goed(await voeg('backoffice', { id: 'BSL-WMO', zaak: WMO })).local).toBe('Bv03Bericht');
    const jz = schoneFout(await voeg('backoffice', { id: 'BSL-WMO-JZ', zaak: JZ }));
    expect(jz).toMatchObject({ soort: 'Fo03', code: 'StUF052', details: `Applicatie 0599/BACKOFFICE (rol backoffice) mag zaken van zaaktype JZ01 niet wijzigen (zaak ${JZ})` });
    expect(schoneFout(await voeg('backoffice', { id: 'BSL-WMO-GZP', zaak: PLAN })).code).toBe('StUF052');
    expect(objectUit(await details('regie', 'BSL-WMO-JZ'))).toBeUndefined();
  });

  it('updateBesluit needs the besluit\'s zaak writable', async () => {
    expect(schoneFout(await update('backoffice', 'BSL-JZ'))).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
    expect(schoneFout(await update('backoffice', 'BSL-PLAN')).details).toContain(`mag zaken van zaaktype GZP niet wijzigen (zaak ${PLAN})`);
    goed(await update('regie', 'BSL-PLAN'));
  });

  it('geefBesluitdetails: a plan\'s besluit only for regie and the uitvoerende; others get the answer for an unknown besluit', async () => {
    expect(objectUit(await details('backoffice', 'BSL-PLAN'))).toBeUndefined();
    expect(tekst(objectUit(await details('regie', 'BSL-PLAN')), 'identificatie')).toBe('BSL-PLAN');
    expect(tekst(objectUit(await details('zorgaanbieder', 'BSL-PLAN')), 'identificatie')).toBe('BSL-PLAN');
    expect(objectUit(await details('backoffice', 'BSL-JZ'))).toBeUndefined();
  });

  it('geefLijstBesluiten of a plan: backoffice gets leidtTot nietGeautoriseerd, regie the besluiten', async () => {
    const r = await lijst('backoffice', PLAN);
    const leidtTot = children(objectUit(r), 'leidtTot');
    expect(leidtTot).toHaveLength(1);
    expect(attr(leidtTot[0], NS.stuf, 'noValue')).toBe('nietGeautoriseerd');
    expect(r.body).not.toContain('BSL-PLAN');
    expect(besluitenIn(objectUit(await lijst('regie', PLAN)))).toEqual(['BSL-PLAN']);
    expect(objectUit(await lijst('backoffice', JZ))).toBeUndefined();
  });

  it('naming a plan document in an own besluit does not reveal its titel', async () => {
    goed(await voeg('backoffice', { id: 'BSL-WMO-DOC', zaak: WMO, documenten: bsl.besluitdocument(DOC_PLAN) }));
    const scope = bsl.scopeBesluit('<ZKN:identificatie xsi:nil="true"/><ZKN:isVastgelegdIn StUF:entiteittype="BSLEDC"><ZKN:gerelateerde StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/><ZKN:titel xsi:nil="true"/></ZKN:gerelateerde></ZKN:isVastgelegdIn>');
    const vraag = (rol: Wie) => stuur(rol, bsl.geefBesluitdetails('BSL-WMO-DOC', scope), 'geefBesluitdetails_BslLv01', '/BeantwoordVraag');
    const eigen = await vraag('backoffice');
    expect(tekst(objectUit(eigen), 'isVastgelegdIn', 'gerelateerde', 'identificatie')).toBe(DOC_PLAN);
    expect(eigen.body).not.toContain('Geheime titel');
    expect(tekst(path(objectUit(await vraag('regie')), 'isVastgelegdIn', 'gerelateerde'), 'titel')).toBe('Geheime titel');
  });
});
