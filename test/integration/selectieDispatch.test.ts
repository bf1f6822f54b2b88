// Issue 14 point 4: a plain StUF-ZKN zakLv01 is routed by its selection (gelijk, vanaf, totEnMet), not by its scope,
// and the person query on heeftAlsInitiator also finds the gezinsplannen and levensdomeinplannen in which that person
// is a client (stuf.persoonsvraagPlanclienten, default aan). Which operation answered is read from the service log.
// The plans are created in both dialects; the person query itself exists only as the ZDS 1.1 root zakLv01, and a
// ZDS 1.2 (or specifically addressed) per-zaak question with a person selection is refused pointing to it.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children } from '../../src/stuf/xml';
import type { Logger } from 'pino';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { luister } from '../support/soapClientOpname';
import { inEnvelope } from '../support/soap';
import { HttpAntwoord, goed, schoneFout, sleutels, tekst } from '../support/antwoorden';
import { Dialect, SCOPE_STATUS, Sturing, actie, creeerZaak, geefZaakdetails, persoon, rol, uniekeRef } from '../support/dialecten';
import { docActie, nieuwDocument } from '../support/documentBerichten';
import { TestRol, aanmelding, als, beveiligd, client, deelplan, gezinsplan, levensdomeinplan } from '../support/planBerichten';
import { Selectie, ZAKLV01_ACTIE, Zoekopties, nps, zoekZaken } from '../support/zoekBerichten';

const [A, B, C, D] = ['123456782', '234567893', '345678904', '456789015'];
const PERSOONSVRAAG_AAN = { stuf: { persoonsvraag: 'aan' } };

/** The scope of the message: kerngegevens, zaaktype, regisseur, statuses and the documents. */
const SCOPE_MET_DOCUMENTEN =
  '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/>' +
  '<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT"><ZKN:omschrijving xsi:nil="true"/><ZKN:code xsi:nil="true"/></ZKN:gerelateerde></ZKN:isVan>' +
  '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde><ZKN:medewerker StUF:entiteittype="MDW"><ZKN:identificatie xsi:nil="true"/><ZKN:achternaam xsi:nil="true"/></ZKN:medewerker></ZKN:gerelateerde></ZKN:heeftAlsInitiator>' +
  '<ZKN:heeftRelevant StUF:entiteittype="ZAKEDC"><ZKN:gerelateerde StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/><ZKN:titel xsi:nil="true"/></ZKN:gerelateerde></ZKN:heeftRelevant>' +
  '</ZKN:object></ZKN:scope>';

const LAATSTE_STATUS = '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:indicatieLaatsteStatus>J</ZKN:indicatieLaatsteStatus></ZKN:heeft>';
const REDEN = '<StUF:extraElementen><StUF:extraElement naam="reden">Crisismelding, kind in gevaar, direct handelen</StUF:extraElement></StUF:extraElementen>';

/** The family: a gezinsplan (clients A and B, a neighbour D as another zaakobject), a levensdomeinplan (A), a deelplan (A), A's own zaak with a document, C's gezinsplan. */
function familie(d: Dialect) {
  const p = d === 'zds12' ? '0599SEL12' : '0599SEL11';
  return { gzp: `${p}GZP1`, ldp: `${p}LDP1`, deel: `${p}DEEL1`, eigen: `${p}EIGEN`, ander: `${p}GZP2`, doc: `${p}DOC01` };
}

async function bouwFamilie(gw: TestGateway, d: Dialect, sturing: Sturing = {}, headers: Record<string, string> = {}) {
  const f = familie(d);
  const maak = async (xml: string, soapAction = actie(d, 'creeerZaak')) => {
    const r = await gw.stuur(inEnvelope(xml), { actie: soapAction, headers });
    if (r.status !== 200) throw new Error(`HTTP ${r.status}\n${r.body}`);
  };
  await maak(gezinsplan(d, { id: f.gzp, clients: [A, B], extra: client(D, 'Buurman', 'Buurman'), sturing }));
  await maak(levensdomeinplan(d, { id: f.ldp, clients: [A], gezinsplan: f.gzp, sturing }));
  await maak(deelplan(d, { id: f.deel, clients: [A], plannen: [f.gzp], sturing }));
  await maak(creeerZaak(d, { id: f.eigen, zaaktype: 'WMO01', relaties: client(A) + rol('heeftAlsInitiator', persoon(A)), sturing }));
  await maak(gezinsplan(d, { id: f.ander, clients: [C], sturing }));
  const document = nieuwDocument(d, 'voegZaakdocumentToe', { id: f.doc, zaken: [f.eigen], tekst: 'Aanvraag', titel: 'Aanvraag', ...(sturing.zender ? { sturing: { zender: sturing.zender } } : {}) });
  await maak(document, docActie(d, 'voegZaakdocumentToe'));
}

/** A test gateway on a loopback port: every message goes over a real socket, as a consumer sends it. */
async function startHttpGateway(overrides: Record<string, unknown>, label?: string, log?: Logger): Promise<TestGateway> {
  const gw = await startGateway(overrides, label, log);
  const adres = await luister(gw);
  const stuur: TestGateway['stuur'] = async (body, opties = {}) => {
    const headers: Record<string, string> = { 'content-type': opties.contentType ?? 'text/xml; charset=utf-8', ...opties.headers };
    if (opties.actie !== undefined) headers.soapaction = opties.actie;
    const r = await fetch(adres + (opties.pad ?? '/OntvangAsynchroon'), { method: 'POST', headers, body });
    return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
  };
  return { ...gw, stuur };
}

const idsVan = (la01: XElement) => children(child(la01, 'antwoord'), 'object').map((o) => tekst(o, 'identificatie')!);

/** The operation that answered or refused a request, from its line in the service log. */
function operatieVan(regels: string[], ref: string): string | undefined {
  for (const regel of regels) {
    const r = JSON.parse(regel) as { referentienummer?: string; operatie?: string };
    if (r.referentienummer === ref && r.operatie) return r.operatie;
  }
  return undefined;
}

// ---- dispatch on the selection (ZDS 1.1 generic root) ------------------------------------------------------------

describe.each([['aan'], ['uit']] as const)('zakLv01 met stuf.persoonsvraag %s: de selectie beslist, de scope verfijnt', (persoonsvraag) => {
  const f = familie('zds11');
  let gw: TestGateway;
  let regels: string[];

  beforeAll(async () => {
    const gevangen = vangLog();
    regels = gevangen.regels;
    gw = await startHttpGateway({ stuf: { persoonsvraag } }, `selectieDispatch-${persoonsvraag}`, gevangen.log);
    await bouwFamilie(gw, 'zds11');
  });
  afterAll(async () => gw.sluit());

  /** Sends a zakLv01 with or without the plain action; returns the answer and the operation that handled it. */
  const vraag = async (s: Selectie, o: Zoekopties = {}, soapAction: string | undefined = ZAKLV01_ACTIE): Promise<{ r: HttpAntwoord; operatie: string | undefined }> => {
    const ref = uniekeRef('SEL');
    const r = await gw.stuur(inEnvelope(zoekZaken(s, { ...o, sturing: { ref } })), { pad: '/BeantwoordVraag', ...(soapAction ? { actie: soapAction } : {}) });
    return { r, operatie: operatieVan(regels, ref) };
  };

  it.each([['met SOAPAction …/zkn/0310/zakLv01', ZAKLV01_ACTIE], ['zonder SOAPAction', undefined]])(
    'het geval uit het issue (%s): gelijk heeftAlsInitiator 11+BSN en een scope met heeftRelevant is de persoonsvraag',
    async (_naam, soapAction) => {
      const { r, operatie } = await vraag({ initiator: nps(A), einddatum: true }, { scope: SCOPE_MET_DOCUMENTEN }, soapAction);
      expect(operatie).toBe('zoekZaken');
      expect(r.body).not.toMatch(/gelijk\/identificatie ontbreekt/);
      if (persoonsvraag === 'uit') {
        const fout = schoneFout(r);
        expect(fout).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
        expect(fout.details).toMatch(/Zoeken naar de zaken van een persoon .*staat uit.*stuf\.persoonsvraag: aan/);
        expect(r.body).not.toContain(A);
        return;
      }
      const la01 = goed(r);
      expect(la01.local).toBe('zakLa01');
      // A's own zaak (initiator) and the two plans in which A is a client; not the deelplan, an ordinary zaak.
      expect(idsVan(la01)).toEqual([f.eigen, f.gzp, f.ldp].sort());
      const [eigen, plan] = children(child(la01, 'antwoord'), 'object').filter((o) => [f.eigen, f.gzp].includes(tekst(o, 'identificatie')!)).sort((x, y) => (tekst(x, 'identificatie')! < tekst(y, 'identificatie')! ? -1 : 1));
      expect(sleutels(eigen, 'heeftRelevant')).toEqual([f.doc]);
      expect(tekst(eigen, 'heeftRelevant', 'gerelateerde', 'titel')).toBe('Aanvraag');
      expect(tekst(plan, 'heeftAlsInitiator', 'gerelateerde', 'medewerker', 'identificatie')).toBe('MDW-REGIE-1');
      expect(tekst(plan, 'isVan', 'gerelateerde', 'code')).toBe('GZP');
    },
  );

  it('op identificatie alleen: de vragen over één zaak, naar wat de selectie en de scope vragen', async () => {
    for (const soapAction of [ZAKLV01_ACTIE, undefined]) {
      const lijst = await vraag({ identificatie: f.eigen }, { scope: SCOPE_MET_DOCUMENTEN }, soapAction);
      expect(lijst.operatie).toBe('geefLijstZaakdocumenten');
      expect(sleutels(child(child(goed(lijst.r), 'antwoord'), 'object'), 'heeftRelevant')).toEqual([f.doc]);

      const status = await vraag({ identificatie: f.gzp, extra: LAATSTE_STATUS }, { scope: SCOPE_STATUS }, soapAction);
      expect(status.operatie).toBe('geefZaakstatus');
      goed(status.r);
      // The selection decides: a status question stays one when its scope also names the documents.
      expect((await vraag({ identificatie: f.gzp, extra: LAATSTE_STATUS }, { scope: SCOPE_MET_DOCUMENTEN }, soapAction)).operatie).toBe('geefZaakstatus');

      const details = await vraag({ identificatie: f.gzp }, {}, soapAction);
      expect(details.operatie).toBe('geefZaakdetails');
      expect(sleutels(child(child(goed(details.r), 'antwoord'), 'object'), 'heeftBetrekkingOp')).toEqual([A, B, D]);

      // An emergency reason in gelijk is no selection.
      expect((await vraag({ identificatie: f.eigen, extra: REDEN }, { scope: SCOPE_MET_DOCUMENTEN }, soapAction)).operatie).toBe('geefLijstZaakdocumenten');
    }
  });

  it('identificatie met een andere selectie (einddatum, zaaktype, een persoon) is de zaakvraag', async () => {
    const open = await vraag({ identificatie: f.eigen, einddatum: true }, { scope: SCOPE_MET_DOCUMENTEN });
    expect(open.operatie).toBe('zoekZaken');
    expect(idsVan(goed(open.r))).toEqual([f.eigen]);
    const getypeerd = await vraag({ identificatie: f.gzp, zaaktype: 'GZP' });
    expect(getypeerd.operatie).toBe('zoekZaken');
    expect(idsVan(goed(getypeerd.r))).toEqual([f.gzp]);
    const persoonlijk = await vraag({ identificatie: f.gzp, initiator: nps(B) }, { scope: SCOPE_MET_DOCUMENTEN });
    expect(persoonlijk.operatie).toBe('zoekZaken');
    if (persoonsvraag === 'aan') expect(idsVan(goed(persoonlijk.r))).toEqual([f.gzp]);
    else expect(schoneFout(persoonlijk.r)).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
  });

  it('een bereik (vanaf), een gelijk/heeft zonder indicatieLaatsteStatus of met een status, of een extraElement als criterium gaat naar de zaakvraag', async () => {
    const bereik = await vraag({ identificatie: f.gzp }, { bereik: '<ZKN:vanaf StUF:entiteittype="ZAK"><ZKN:startdatum>19000101</ZKN:startdatum></ZKN:vanaf>' });
    expect(bereik.operatie).toBe('zoekZaken');
    expect(idsVan(goed(bereik.r))).toEqual([f.gzp]);
    const nietGesteund = await vraag({ identificatie: f.gzp }, { bereik: '<ZKN:vanaf StUF:entiteittype="ZAK"><ZKN:einddatumGepland>20240101</ZKN:einddatumGepland></ZKN:vanaf>' });
    expect(nietGesteund.operatie).toBe('zoekZaken');
    expect(schoneFout(nietGesteund.r)).toMatchObject({ soort: 'Fo02', code: 'StUF058', details: expect.stringMatching(/vanaf\/einddatumGepland wordt niet ondersteund/) });
    const heeft = await vraag({ identificatie: f.gzp, extra: '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:datumStatusGezet>20240101</ZKN:datumStatusGezet></ZKN:heeft>' });
    expect(heeft.operatie).toBe('zoekZaken');
    expect(schoneFout(heeft.r)).toMatchObject({ soort: 'Fo02', code: 'StUF058', details: expect.stringMatching(/gelijk\/heeft\/datumStatusGezet wordt niet ondersteund/) });
    const status = await vraag({
      identificatie: f.gzp,
      extra: '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:volgnummer>9</ZKN:volgnummer></ZKN:gerelateerde><ZKN:indicatieLaatsteStatus>J</ZKN:indicatieLaatsteStatus></ZKN:heeft>',
    });
    expect(status.operatie).toBe('zoekZaken');
    expect(idsVan(goed(status.r))).toEqual([]);
    const sinds = await vraag({ identificatie: f.gzp, extra: '<StUF:extraElementen><StUF:extraElement naam="geenStatuswijzigingSinds">20991231</StUF:extraElement></StUF:extraElementen>' });
    expect(sinds.operatie).toBe('zoekZaken');
    expect(idsVan(goed(sinds.r))).toEqual([f.gzp]);
  });

  it('een lege gelijk: de zaakvraag weigert met wat wel kan', async () => {
    const leeg = await vraag({}, { scope: SCOPE_MET_DOCUMENTEN });
    expect(leeg.operatie).toBe('zoekZaken');
    expect(schoneFout(leeg.r)).toMatchObject({ soort: 'Fo02', code: 'StUF058', details: expect.stringMatching(/geen selectie/) });
  });
});

// ---- a person selection sent to a per-zaak service --------------------------------------------------------------

describe('een persoonsselectie naar een dienst voor één zaak (ZDS 1.2, of de SOAPAction van die dienst)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startHttpGateway(PERSOONSVRAAG_AAN);
    await bouwFamilie(gw, 'zds12');
  });
  afterAll(async () => gw.sluit());

  const opInitiator = '<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde StUF:entiteittype="BTR">' +
    `<ZKN:identificatie>${nps(A)}</ZKN:identificatie></ZKN:gerelateerde></ZKN:heeftAlsInitiator></ZKN:gelijk>`;
  const metPersoon = (xml: string) => xml.replace(/<ZKN:gelijk .*?<\/ZKN:gelijk>/, opInitiator);

  it.each<[string, Dialect, string]>([
    ['ZDS 1.2 geefZaakdetails_ZakLv01', 'zds12', actie('zds12', 'geefZaakdetails')],
    ['ZDS 1.1 met SOAPAction geefZaakdetails_Lv01', 'zds11', actie('zds11', 'geefZaakdetails')],
  ])('%s: Fo02 StUF055 die naar de persoonsvraag verwijst, zonder BSN', async (_naam, d, soapAction) => {
    const r = await gw.stuur(inEnvelope(metPersoon(geefZaakdetails(d, 'X'))), { pad: '/BeantwoordVraag', actie: soapAction });
    const fout = schoneFout(r);
    expect(fout).toMatchObject({ soort: 'Fo02', code: 'StUF055', plek: 'client' });
    expect(fout.details).toMatch(/gelijk\/identificatie ontbreekt.*de zaken van een persoon vraagt u met de persoonsvraag: StUF-ZKN zakLv01 met SOAPAction http:\/\/www\.egem\.nl\/StUF\/sector\/zkn\/0310\/zakLv01/);
    expect(r.body).not.toContain(A);
  });

  it('de persoonsvraag zelf vindt de plannen die in ZDS 1.2 zijn aangemaakt', async () => {
    const f = familie('zds12');
    const r = await gw.stuur(inEnvelope(zoekZaken({ initiator: nps(A) })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE });
    expect(idsVan(goed(r))).toEqual([f.eigen, f.gzp, f.ldp].sort());
  });
});

// ---- the plans of a client, asked on heeftAlsInitiator ----------------------------------------------------------

describe.each<Dialect>(['zds12', 'zds11'])('de plannen van een cliënt op heeftAlsInitiator (plannen aangemaakt in %s)', (d) => {
  const f = familie(d);
  let aan: TestGateway;
  let uit: TestGateway;
  const ids = async (gw: TestGateway, s: Selectie, o: Zoekopties = {}) => {
    const la01 = goed(await gw.stuur(inEnvelope(zoekZaken(s, o)), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE }));
    return { ids: idsVan(la01), vervolg: tekst(la01, 'parameters', 'indicatorVervolgvraag'), aantal: tekst(la01, 'parameters', 'aantalVoorkomens') };
  };

  beforeAll(async () => {
    aan = await startHttpGateway(PERSOONSVRAAG_AAN);
    uit = await startHttpGateway({ stuf: { persoonsvraag: 'aan', persoonsvraagPlanclienten: 'uit' } });
    await bouwFamilie(aan, d);
    await bouwFamilie(uit, d);
  });
  afterAll(async () => {
    await aan.sluit();
    await uit.sluit();
  });

  it('aan (de standaard): de gezinsplannen en levensdomeinplannen waarin de persoon cliënt is, en de zaken die hij zelf begon', async () => {
    expect((await ids(aan, { initiator: nps(A) })).ids).toEqual([f.eigen, f.gzp, f.ldp].sort());
    expect((await ids(aan, { initiator: B })).ids).toEqual([f.gzp]);
    expect((await ids(aan, { initiator: nps(C) })).ids).toEqual([f.ander]);
    // A zaakobject that is no client (omschrijving Buurman) does not make the plan his.
    expect((await ids(aan, { initiator: nps(D) })).ids).toEqual([]);
    // Other criteria still limit: zaaktype, einddatum, the plan a zaak belongs to, heeftBetrekkingOp.
    expect((await ids(aan, { initiator: nps(A), zaaktype: 'GZP' })).ids).toEqual([f.gzp]);
    expect((await ids(aan, { initiator: nps(A), einddatum: true })).ids).toEqual([f.eigen, f.gzp, f.ldp].sort());
    expect((await ids(aan, { initiator: nps(A), plan: f.gzp })).ids).toEqual([f.ldp]);
    expect((await ids(aan, { initiator: nps(B), client: nps(A) })).ids).toEqual([f.gzp]);
  });

  it('aan: aantalVoorkomens telt alleen de plannen, en bladeren gaat over dezelfde reeks', async () => {
    const alle = [f.eigen, f.gzp, f.ldp].sort();
    const eerste = await ids(aan, { initiator: nps(A) }, { maximumAantal: 2, indicatorAantal: true });
    expect(eerste).toEqual({ ids: alle.slice(0, 2), vervolg: 'true', aantal: '3' });
    const rest = await ids(aan, { initiator: nps(A) }, { maximumAantal: 2, indicatorAantal: true, vervolgNa: eerste.ids[1] });
    expect(rest).toEqual({ ids: alle.slice(2), vervolg: 'false', aantal: '3' });
  });

  it('uit (stuf.persoonsvraagPlanclienten: uit): alleen de zaken waarvan de persoon initiator is', async () => {
    expect((await ids(uit, { initiator: nps(A) }, { indicatorAantal: true }))).toEqual({ ids: [f.eigen], vervolg: 'false', aantal: '1' });
    expect((await ids(uit, { initiator: nps(B) })).ids).toEqual([]);
    // Asking on heeftBetrekkingOp still finds the plans.
    expect((await ids(uit, { client: nps(B) })).ids).toEqual([f.gzp]);
  });
});

// ---- who may see the plans found this way -----------------------------------------------------------------------

describe('de plannen van een cliënt in een beveiligde gateway', () => {
  const f = familie('zds11');
  let gw: TestGateway;
  const nietGeautoriseerd = (e: XElement | undefined) => !!e && attr(e, NS.xsi, 'nil') === 'true' && attr(e, NS.stuf, 'noValue') === 'nietGeautoriseerd';
  const SCOPE = '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/>' +
    '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ"><ZKN:gerelateerde><ZKN:natuurlijkPersoon StUF:entiteittype="NPS"><BG:inp.bsn xsi:nil="true"/></ZKN:natuurlijkPersoon></ZKN:gerelateerde></ZKN:heeftBetrekkingOp>' +
    '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:volgnummer xsi:nil="true"/></ZKN:gerelateerde><ZKN:datumStatusGezet xsi:nil="true"/></ZKN:heeft>' +
    '</ZKN:object></ZKN:scope>';

  const vraagAls = async (wie: TestRol, s: Selectie, o: Zoekopties = {}) =>
    gw.stuur(inEnvelope(zoekZaken(s, { ...o, sturing: als(wie) })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE, headers: aanmelding(wie) });

  beforeAll(async () => {
    gw = await startHttpGateway({
      ...PERSOONSVRAAG_AAN,
      ...beveiligd(),
      // The registered ketenpartner is a configured partner: it sees only its own mirrored zaken and their deelplannen.
      partners: [{ naam: 'keten', zender: { organisatie: '0599', applicatie: 'KETENPARTNER' }, zaakidentificatie: ['0777'] }],
    });
    await bouwFamilie(gw, 'zds11', als('regie'), aanmelding('regie'));
  });
  afterAll(async () => gw.sluit());

  it('regie ziet de plannen helemaal, met hun cliënten', async () => {
    const la01 = goed(await vraagAls('regie', { initiator: nps(B) }, { scope: SCOPE }));
    const [plan] = children(child(la01, 'antwoord'), 'object');
    expect(tekst(plan, 'identificatie')).toBe(f.gzp);
    expect(sleutels(plan, 'heeftBetrekkingOp')).toEqual([A, B, D]);
  });

  it.each(['kcc', 'backoffice'] as const)('%s ziet het plan met alleen wat iedereen ervan mag weten: geen cliënten', async (wie) => {
    const r = await vraagAls(wie, { initiator: nps(B) }, { scope: SCOPE, indicatorAantal: true });
    const la01 = goed(r);
    expect(idsVan(la01)).toEqual([f.gzp]);
    const [plan] = children(child(la01, 'antwoord'), 'object');
    expect(nietGeautoriseerd(child(plan, 'omschrijving'))).toBe(true);
    expect(children(plan, 'heeftBetrekkingOp').every(nietGeautoriseerd)).toBe(true);
    for (const bsn of [A, B, D]) expect(r.body).not.toContain(bsn);
  });

  it('een ketenpartner die het plan niet mag zien krijgt het ook niet via zijn cliënt, en telt het niet', async () => {
    for (const s of [{ initiator: nps(B) }, { initiator: nps(A) }, { initiator: nps(C), zaaktype: 'GZP' }]) {
      const r = await vraagAls('ketenpartner', s, { indicatorAantal: true });
      const la01 = goed(r);
      expect({ s, ids: idsVan(la01), aantal: tekst(la01, 'parameters', 'aantalVoorkomens') }).toEqual({ s, ids: [], aantal: '0' });
      expect(r.body).not.toMatch(/GZP|LDP/);
    }
  });
});
