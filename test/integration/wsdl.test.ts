// Our own WSDLs and schemas as the gateway serves them: well-formed, with the caller's address in them, offering
// exactly the ZDS services of zds.md 1.1/1.2 that the gateway dispatches (also as the soap package reads them), and
// describing the messages it accepts and the answers it sends (checked with Xerces against the served schemas).
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { ACTION_BASE, NS } from '../../src/stuf/namespaces';
import { RZS_ACTIE_BASIS } from '../../src/notificaties/notificatieBericht';
import { XElement, attr, child, children, parseXml } from '../../src/stuf/xml';
import { OPERATIES } from '../../src/operations';
import * as b from '../support/besluitBerichten';
import { alsZds11Document } from '../support/documentBerichten';
import { startGateway, TestGateway } from '../support/gateway';
import { heeftShared } from '../support/paden';
import { heeftJava, schrijfBerichten, valideerEigen, valideerOfficieel } from '../support/schemaValidatie';
import { inEnvelope, sample } from '../support/soap';

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL_SOAP = 'http://schemas.xmlsoap.org/wsdl/soap/';
const XS = 'http://www.w3.org/2001/XMLSchema';

type Dialect = 'zds12' | 'zds11';
/** endpoint asked → the port (portType, binding SOAP<port>, service) its WSDL describes. */
const POORTEN: Record<Dialect, Record<string, string>> = {
  zds12: { BeantwoordVraag: 'BeantwoordVraag', OntvangAsynchroon: 'OntvangAsynchroon', VerwerkSynchroonVrijBericht: 'VerwerkSynchroonVrijBericht', VrijeBerichten: 'VerwerkSynchroonVrijBericht' },
  zds11: { BeantwoordVraag: 'BeantwoordVraag', OntvangAsynchroon: 'OntvangAsynchroon', VrijeBerichten: 'VrijeBerichten', VerwerkSynchroonVrijBericht: 'VrijeBerichten' },
};
const TNS: Record<Dialect, string> = { zds12: NS.zds, zds11: NS.zkn };

/**
 * Per port: operation (= SOAPAction suffix), request root and answer root, as zds.md 1.1 and 1.2 list them. A root
 * ending in Bericht is StUF's, any other the dialect's own; the fault is Fo03 on OntvangAsynchroon, else Fo02.
 */
const DIENSTEN: Record<Dialect, Record<string, [string, string, string][]>> = {
  zds12: {
    BeantwoordVraag: [
      ['geefZaakstatus_ZakLv01', 'geefZaakstatus_ZakLv01', 'geefZaakstatus_ZakLa01'],
      ['geefZaakdetails_ZakLv01', 'geefZaakdetails_ZakLv01', 'geefZaakdetails_ZakLa01'],
      ['geefLijstZaakdocumenten_ZakLv01', 'geefLijstZaakdocumenten_ZakLv01', 'geefLijstZaakdocumenten_ZakLa01'],
      ['geefZaakdocumentLezen_EdcLv01', 'geefZaakdocumentLezen_EdcLv01', 'geefZaakdocumentLezen_EdcLa01'],
      ['geefBesluitdetails_BslLv01', 'geefBesluitdetails_BslLv01', 'geefBesluitdetails_BslLa01'],
      ['geefLijstBesluiten_ZakLv01', 'geefLijstBesluiten_ZakLv01', 'geefLijstBesluiten_ZakLa01'],
    ],
    OntvangAsynchroon: [
      ['creeerZaak_ZakLk01', 'creeerZaak_ZakLk01', 'Bv03Bericht'],
      ['updateZaak_ZakLk01', 'updateZaak_ZakLk01', 'Bv03Bericht'],
      ['actualiseerZaakstatus_ZakLk01', 'actualiseerZaakstatus_ZakLk01', 'Bv03Bericht'],
      ['voegZaakdocumentToe_EdcLk01', 'voegZaakdocumentToe_EdcLk01', 'Bv03Bericht'],
      ['maakZaakdocument_EdcLk01', 'maakZaakdocument_EdcLk01', 'Bv03Bericht'],
      ['voegBesluitToe_Di01', 'voegBesluitToe_Di01', 'Bv03Bericht'],
      ['updateBesluit_BslLk01', 'updateBesluit_BslLk01', 'Bv03Bericht'],
      ['overdragenZaak_Di01', 'overdragenZaak_Di01', 'Bv03Bericht'],
      ['overdragenZaak_Du01', 'overdragenZaak_Du01', 'Bv03Bericht'],
    ],
    VerwerkSynchroonVrijBericht: [
      ['genereerZaakIdentificatie_Di02', 'genereerZaakIdentificatie_Di02', 'genereerZaakIdentificatie_Du02'],
      ['genereerDocumentIdentificatie_Di02', 'genereerDocumentIdentificatie_Di02', 'genereerDocumentIdentificatie_Du02'],
      // The operation has a lower-case b, the ZDS 1.2 element a capital B.
      ['geefZaakdocumentbewerken_Di02', 'geefZaakdocumentBewerken_Di02', 'geefZaakdocumentBewerken_Du02'],
      ['updateZaakdocument_Di02', 'updateZaakdocument_Di02', 'Bv02Bericht'],
      ['cancelCheckout_Di02', 'cancelCheckout_Di02', 'Bv02Bericht'],
      ['ontkoppelZaakdocument_Di02', 'ontkoppelZaakdocument_Di02', 'Bv02Bericht'],
      ['genereerBesluitIdentificatie_Di02', 'genereerBesluitIdentificatie_Di02', 'genereerBesluitIdentificatie_Du02'],
    ],
  },
  zds11: {
    BeantwoordVraag: [
      ['geefZaakstatus_Lv01', 'zakLv01', 'zakLa01'],
      ['geefZaakdetails_Lv01', 'zakLv01', 'zakLa01'],
      ['geefLijstZaakdocumenten_Lv01', 'zakLv01', 'zakLa01'],
      ['geefZaakdocumentLezen_Lv01', 'edcLv01', 'edcLa01'],
    ],
    OntvangAsynchroon: [
      ['creeerZaak_Lk01', 'zakLk01', 'Bv03Bericht'],
      ['updateZaak_Lk01', 'zakLk01', 'Bv03Bericht'],
      ['actualiseerZaakstatus_Lk01', 'zakLk01', 'Bv03Bericht'],
      ['voegZaakdocumentToe_Lk01', 'edcLk01', 'Bv03Bericht'],
      ['maakZaakdocument_Lk01', 'edcLk01', 'Bv03Bericht'],
    ],
    VrijeBerichten: [
      ['genereerZaakIdentificatie_Di02', 'genereerZaakIdentificatie_Di02', 'genereerZaakIdentificatie_Du02'],
      ['genereerDocumentIdentificatie_Di02', 'genereerDocumentIdentificatie_Di02', 'genereerDocumentIdentificatie_Du02'],
      ['geefZaakdocumentbewerken_Di02', 'geefZaakdocumentbewerken_Di02', 'geefZaakdocumentbewerken_Du02'],
      ['updateZaakdocument_Di02', 'updateZaakdocument_Di02', 'Bv02Bericht'],
      ['cancelCheckout_Di02', 'cancelCheckout_Di02', 'Bv02Bericht'],
    ],
  },
};
const HOST = 'zds.gemeente.example:8443';

const wsdlPad = (endpoint: string, dialect: Dialect) => `/${endpoint}?wsdl${dialect === 'zds11' ? '&dialect=zds11' : ''}`;

/** An attribute QName (element="ZDS:x") resolved with the prefixes of the document it came from. */
function qname(bron: string, waarde: string): string {
  const [prefix, local] = waarde.split(':');
  const ns = new RegExp(`xmlns:${prefix}="([^"]+)"`).exec(bron)?.[1];
  return `{${ns}}${local}`;
}

interface Operatie {
  naam: string;
  actie: string;
  invoer: string;
  uitvoer: string;
  fout: string;
}

/** Operations of a served WSDL: SOAPAction from the binding, message elements and fault from the portType. */
function operatiesVan(bron: string, poort: string): Operatie[] {
  const defs = parseXml(bron);
  const berichten = new Map(children(defs, 'message', WSDL).map((m) => [attr(m, '', 'name')!, qname(bron, attr(child(m, 'part', WSDL)!, '', 'element')!)]));
  const bericht = (e: XElement | undefined) => berichten.get(attr(e!, '', 'message')!.split(':')[1])!;
  const portType = children(defs, 'portType', WSDL).find((p) => attr(p, '', 'name') === poort)!;
  const binding = children(defs, 'binding', WSDL).find((b) => attr(b, '', 'name') === `SOAP${poort}`)!;
  expect(attr(binding, '', 'type')).toMatch(new RegExp(`:${poort}$`));
  expect(attr(child(binding, 'binding', WSDL_SOAP)!, '', 'style')).toBe('document');
  return children(portType, 'operation', WSDL).map((op) => {
    const naam = attr(op, '', 'name')!;
    const gebonden = children(binding, 'operation', WSDL).find((b) => attr(b, '', 'name') === naam)!;
    expect(attr(child(child(gebonden, 'input', WSDL), 'body', WSDL_SOAP)!, '', 'use')).toBe('literal');
    return {
      naam,
      actie: attr(child(gebonden, 'operation', WSDL_SOAP)!, '', 'soapAction')!,
      invoer: bericht(child(op, 'input', WSDL)),
      uitvoer: bericht(child(op, 'output', WSDL)),
      fout: bericht(child(op, 'fault', WSDL)),
    };
  });
}

describe('de WSDLs en schema\'s die de gateway serveert', () => {
  let gw: TestGateway;
  let basis: string;
  beforeAll(async () => {
    gw = await startGateway();
    // Also on a real port, for the soap package.
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    basis = `http://127.0.0.1:${(gw.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => gw.sluit());

  const haal = async (url: string, headers: Record<string, string> = { host: HOST }) => {
    const r = await gw.app.inject({ method: 'GET', url, headers });
    return { status: r.statusCode, type: String(r.headers['content-type']), body: r.body };
  };

  describe.each(['zds12', 'zds11'] as Dialect[])('%s', (dialect) => {
    it.each(Object.keys(POORTEN[dialect]))('/%s?wsdl: well-formed WSDL 1.1 with the request host in its addresses and schema imports', async (endpoint) => {
      const poort = POORTEN[dialect][endpoint];
      const r = await haal(wsdlPad(endpoint, dialect));
      expect(r.status).toBe(200);
      expect(r.type).toBe('text/xml; charset=utf-8');
      expect(r.body).not.toContain('{{ADRES}}');
      const defs = parseXml(r.body);
      expect(`{${defs.ns}}${defs.local}`).toBe(`{${WSDL}}definitions`);
      expect(attr(defs, '', 'targetNamespace')).toBe(TNS[dialect]);
      const service = child(defs, 'service', WSDL)!;
      expect(attr(service, '', 'name')).toBe(poort);
      const port = child(service, 'port', WSDL)!;
      expect(attr(port, '', 'name')).toBe(poort);
      expect(attr(port, '', 'binding')).toMatch(new RegExp(`:SOAP${poort}$`));
      expect(attr(child(port, 'address', WSDL_SOAP)!, '', 'location')).toBe(`http://${HOST}/${poort}`);
      const imports = children(child(child(defs, 'types', WSDL), 'schema', XS), 'import', XS);
      expect(imports.map((i) => attr(i, '', 'namespace')).sort()).toEqual([NS.stuf, TNS[dialect]].sort());
      for (const i of imports) expect(attr(i, '', 'schemaLocation')).toMatch(new RegExp(`^http://${HOST}/xsd/gateway-[a-z]+\\.xsd$`));
    });

    it('every schema the WSDLs import (and those import) is served, well-formed, qualified, with the request host', async () => {
      const bezocht = new Set<string>();
      const teDoen: string[] = [];
      for (const endpoint of Object.keys(POORTEN[dialect])) {
        const { body } = await haal(wsdlPad(endpoint, dialect));
        teDoen.push(...[...body.matchAll(/schemaLocation="([^"]+)"/g)].map((m) => m[1]));
      }
      while (teDoen.length) {
        const url = teDoen.pop()!;
        if (bezocht.has(url)) continue;
        bezocht.add(url);
        expect(url.startsWith(`http://${HOST}/xsd/`)).toBe(true);
        const r = await haal(url.slice(`http://${HOST}`.length));
        expect(r.status).toBe(200);
        expect(r.type).toBe('text/xml; charset=utf-8');
        expect(r.body).not.toContain('{{ADRES}}');
        const schema = parseXml(r.body);
        expect(`{${schema.ns}}${schema.local}`).toBe(`{${XS}}schema`);
        expect(attr(schema, '', 'elementFormDefault')).toBe('qualified');
        for (const i of [...children(schema, 'import', XS), ...children(schema, 'include', XS)]) teDoen.push(attr(i, '', 'schemaLocation')!);
      }
      const bestanden = [...bezocht].map((u) => u.split('/').pop()).sort();
      // The scope types (generated from the official schema by scripts/vraagScopeTypen.py) are included by
      // gateway-zkn.xsd and gateway-bg.xsd.
      const gedeeld = ['gateway-bg-vraagscope.xsd', 'gateway-bg.xsd', 'gateway-stuf.xsd', 'gateway-xmime.xsd'];
      expect(bestanden).toEqual(
        dialect === 'zds12'
          ? [...gedeeld, 'gateway-zds.xsd', 'gateway-zkn-vraagscope.xsd', 'gateway-zkn.xsd']
          : [...gedeeld, 'gateway-zkn-vraagscope.xsd', 'gateway-zkn.xsd'],
      );
    });

    it('the WSDLs offer exactly the ZDS services of zds.md, each one the gateway dispatches, with their SOAPActions, roots and faults', async () => {
      const aangeboden: Operatie[] = [];
      for (const poort of new Set(Object.values(POORTEN[dialect]))) {
        const ops = operatiesVan((await haal(wsdlPad(poort, dialect))).body, poort);
        const fout = `{${NS.stuf}}${poort === 'OntvangAsynchroon' ? 'Fo03' : 'Fo02'}Bericht`;
        const qn = (local: string) => `{${local.endsWith('Bericht') ? NS.stuf : TNS[dialect]}}${local}`;
        expect(ops).toEqual(
          DIENSTEN[dialect][poort].map(([naam, invoer, uitvoer]) => ({ naam, actie: ACTION_BASE[dialect] + naam, invoer: qn(invoer), uitvoer: qn(uitvoer), fout })),
        );
        for (const op of ops) {
          const bediend = OPERATIES.find((o) => o.acties.includes(op.actie));
          expect({ actie: op.actie, bediend: bediend !== undefined }).toEqual({ actie: op.actie, bediend: true });
          expect(bediend!.roots.map((r) => `{${r.ns}}${r.local}`)).toContain(op.invoer);
          expect(poort === 'OntvangAsynchroon').toBe(bediend!.asynchroon);
        }
        aangeboden.push(...ops);
      }
      // The gateway also takes actions zds.md does not list, as tolerance: the check-out with the element's capital B,
      // and ontkoppelZaakdocument (new in 1.2) in ZDS 1.1. The WSDLs offer the standard's operations only.
      const nietAangeboden = OPERATIES.flatMap((o) => o.acties.filter((a) => a.startsWith(ACTION_BASE[dialect]))).filter((a) => !aangeboden.some((o) => o.actie === a));
      const toleranties = dialect === 'zds11' ? ['geefZaakdocumentBewerken_Di02', 'ontkoppelZaakdocument_Di02'] : ['geefZaakdocumentBewerken_Di02'];
      expect(nietAangeboden.sort()).toEqual(toleranties.map((a) => ACTION_BASE[dialect] + a));
    });

    it.each(Object.keys(DIENSTEN[dialect]))('the soap package loads the %s WSDL and its schemas and lists exactly those operations', async (poort) => {
      const client = await soap.createClientAsync(`${basis}${wsdlPad(poort, dialect)}`);
      const beschrijving = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
      expect(Object.keys(beschrijving)).toEqual([poort]);
      expect(Object.keys(beschrijving[poort][poort]).sort()).toEqual(DIENSTEN[dialect][poort].map(([naam]) => naam).sort());
    });
  });

  describe('RZS (?wsdl&dialect=rzs)', () => {
    const RZS_WSDL = '/OntvangAsynchroon?wsdl&dialect=rzs';
    /** operation → request root, as the RZS WSDL has them (rzs.md §2.1); the SOAPAction is RZS_ACTIE_BASIS + operation. */
    const RZS_DIENSTEN: [string, string][] = [
      ['notificeerOverZaak', 'notificeerOverZaak_Di01'],
      ['initieerNotificeerOverZaak', 'initieerNotificeerOverZaak_Di01'],
      ['overdragenZaak', 'overdragenZaak_Di01'],
      ['bevestigOverdragenZaak', 'overdragenZaak_Du01'],
    ];

    it('a WSDL 1.1 in the RZS namespace for port OntvangAsynchroon at the request host, importing our RZS and StUF schemas', async () => {
      const r = await haal(RZS_WSDL);
      expect([r.status, r.type]).toEqual([200, 'text/xml; charset=utf-8']);
      expect(r.body).not.toContain('{{ADRES}}');
      const defs = parseXml(r.body);
      expect(attr(defs, '', 'targetNamespace')).toBe(NS.rzs);
      const port = child(child(defs, 'service', WSDL), 'port', WSDL)!;
      expect(attr(child(port, 'address', WSDL_SOAP)!, '', 'location')).toBe(`http://${HOST}/OntvangAsynchroon`);
      const imports = children(child(child(defs, 'types', WSDL), 'schema', XS), 'import', XS).map((i) => [attr(i, '', 'namespace'), attr(i, '', 'schemaLocation')]);
      expect(imports).toEqual([[NS.rzs, `http://${HOST}/xsd/gateway-rzs.xsd`], [NS.stuf, `http://${HOST}/xsd/gateway-stuf.xsd`]]);
      // RZS has this one port; the other endpoints have no RZS WSDL.
      expect((await haal('/BeantwoordVraag?wsdl&dialect=rzs')).status).toBe(404);
    });

    it('offers the four RZS operations with the SOAPActions of the RZS WSDL, Bv03 out and Fo03 as fault, each one the gateway dispatches', async () => {
      const ops = operatiesVan((await haal(RZS_WSDL)).body, 'OntvangAsynchroon');
      expect(ops).toEqual(RZS_DIENSTEN.map(([naam, invoer]) => ({
        naam, actie: RZS_ACTIE_BASIS + naam, invoer: `{${NS.rzs}}${invoer}`, uitvoer: `{${NS.stuf}}Bv03Bericht`, fout: `{${NS.stuf}}Fo03Bericht`,
      })));
      for (const op of ops) {
        const bediend = OPERATIES.find((o) => o.acties.includes(op.actie));
        expect({ actie: op.actie, bediend: bediend !== undefined, asynchroon: bediend?.asynchroon }).toEqual({ actie: op.actie, bediend: true, asynchroon: true });
        expect(bediend!.roots.map((r) => `{${r.ns}}${r.local}`)).toContain(op.invoer);
      }
    });

    it('its schemas are served, and the soap package loads them and lists exactly those operations', async () => {
      const bezocht = new Set<string>();
      const teDoen = [...(await haal(RZS_WSDL)).body.matchAll(/schemaLocation="([^"]+)"/g)].map((m) => m[1]);
      while (teDoen.length) {
        const url = teDoen.pop()!;
        if (bezocht.has(url)) continue;
        bezocht.add(url);
        const r = await haal(url.slice(`http://${HOST}`.length));
        expect(r.status).toBe(200);
        for (const i of children(parseXml(r.body), 'import', XS)) teDoen.push(attr(i, '', 'schemaLocation')!);
      }
      expect([...bezocht].map((u) => u.split('/').pop()).sort()).toEqual(['gateway-bg.xsd', 'gateway-rzs.xsd', 'gateway-stuf.xsd', 'gateway-xmime.xsd', 'gateway-zkn.xsd']);
      const client = await soap.createClientAsync(`${basis}${RZS_WSDL}`);
      const beschrijving = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
      expect(Object.keys(beschrijving)).toEqual(['OntvangAsynchroon']);
      expect(Object.keys(beschrijving.OntvangAsynchroon.OntvangAsynchroon).sort()).toEqual(RZS_DIENSTEN.map(([naam]) => naam).sort());
    });
  });

  it('publiekAdres, when configured, is the address in WSDLs and schemas, also under a path prefix', async () => {
    const achterProxy = await startGateway({ server: { publiekAdres: 'https://zds.gemeente.example/zaken/' } });
    try {
      const wsdl = (await achterProxy.app.inject({ method: 'GET', url: '/zaken/BeantwoordVraag?wsdl', headers: { host: 'intern:8080' } })).body;
      expect(wsdl).toContain('location="https://zds.gemeente.example/zaken/BeantwoordVraag"');
      expect(wsdl).toContain('schemaLocation="https://zds.gemeente.example/zaken/xsd/gateway-zds.xsd"');
      expect(wsdl).not.toContain('intern');
      const xsd = await achterProxy.app.inject({ method: 'GET', url: '/zaken/xsd/gateway-zds.xsd' });
      expect(xsd.statusCode).toBe(200);
      expect(xsd.body).toContain('schemaLocation="https://zds.gemeente.example/zaken/xsd/gateway-zkn.xsd"');
    } finally {
      await achterProxy.sluit();
    }
  });

  it('X-Forwarded-Proto/-Host name the address; a Host that is not a plain host name is never echoed', async () => {
    const doorgestuurd = await haal('/OntvangAsynchroon?wsdl', { host: 'intern:8080', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'zds.gemeente.example' });
    expect(doorgestuurd.body).toContain('location="https://zds.gemeente.example/OntvangAsynchroon"');
    for (const host of ['evil.example"><x y="', 'a b', 'evil.example/pad']) {
      const r = await haal('/OntvangAsynchroon?wsdl', { host });
      expect(r.status).toBe(200);
      expect(() => parseXml(r.body)).not.toThrow();
      expect(r.body).not.toContain('evil');
      expect(r.body).toContain(`location="http://localhost:${gw.config.server.port}/OntvangAsynchroon"`);
    }
  });

  it('endpoint and query are matched case-insensitively; unknown WSDLs and schemas are 404', async () => {
    expect((await haal('/beantwoordvraag?WSDL')).body).toContain(`location="http://${HOST}/BeantwoordVraag"`);
    expect((await haal('/zds/OntvangAsynchroon?wsdl&dialect=ZDS11')).body).toContain(`targetNamespace="${NS.zkn}"`);
    expect((await haal('/Onbekend?wsdl')).status).toBe(404);
    expect((await haal('/xsd/bestaat-niet.xsd')).status).toBe(404);
    expect((await haal('/xsd/../package.json')).status).toBe(404);
    expect((await haal('/BeantwoordVraag')).status).toBe(404);
  });
});

// ---- our schemas against real traffic -----------------------------------------------------------------------

const metJavaEnShared = heeftShared() && heeftJava() ? describe : describe.skip;
if (!heeftShared() || !heeftJava()) console.warn('wsdl.test.ts: eigen schema\'s niet tegen berichten gevalideerd; ../shared (ZDS_SHARED) of java ontbreekt');

/** The ZDS 1.1 form of a ZDS 1.2 sample: the generic ZKN roots, ZKN children for Di02, its own referentienummer. */
function alsZds11(xml: string, root12: string, root11: string): string {
  const zkn = xml.includes(`xmlns:ZKN="${NS.zkn}"`) ? '' : ` xmlns:ZKN="${NS.zkn}"`;
  return xml
    .split(`ZDS:${root12}`).join(`ZKN:${root11}`)
    .replace(/<(\/?)ZDS:/g, '<$1ZKN:')
    .replace(/\s+xmlns:ZDS="[^"]*"/, zkn)
    .replace(/<StUF:referentienummer>([^<]*)</, '<StUF:referentienummer>$1-11<');
}

metJavaEnShared('onze schema\'s beschrijven de samples die we aannemen en de antwoorden die we sturen', () => {
  let gw: TestGateway;
  let basis: string;
  beforeAll(async () => {
    gw = await startGateway();
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    basis = `http://127.0.0.1:${(gw.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => gw.sluit());

  it('ZDS 1.2 and 1.1 requests, answers and faults are valid against the served schemas; a selection we refuse is not', async () => {
    const a12 = (naam: string) => `${ACTION_BASE.zds12}${naam}`;
    const a11 = (naam: string) => `${ACTION_BASE.zds11}${naam}`;
    const ZAAK11 = '0599-2024-1100001';
    const zds11 = (rel: string, r12: string, r11: string) => alsZds11(sample(rel), r12, r11).split('0599-2024-0000001').join(ZAAK11);
    const verkeer: [string, string, string, string][] = [
      // label, request, SOAPAction, endpoint
      ['genereer12', sample('zds12/genereerZaakIdentificatie_Di02.xml'), a12('genereerZaakIdentificatie_Di02'), '/VerwerkSynchroonVrijBericht'],
      ['creeer12', sample('zds12/creeerZaak_ZakLk01.xml'), a12('creeerZaak_ZakLk01'), '/OntvangAsynchroon'],
      ['actualiseer12', sample('zds12/actualiseerZaakstatus_ZakLk01.xml'), a12('actualiseerZaakstatus_ZakLk01'), '/OntvangAsynchroon'],
      ['update12', sample('zds12/updateZaak_ZakLk01.xml'), a12('updateZaak_ZakLk01'), '/OntvangAsynchroon'],
      ['status12', sample('zds12/geefZaakstatus_ZakLv01.xml'), a12('geefZaakstatus_ZakLv01'), '/BeantwoordVraag'],
      ['details12', sample('zds12/geefZaakdetails_ZakLv01.xml'), a12('geefZaakdetails_ZakLv01'), '/BeantwoordVraag'],
      ['details12-alles', sample('zds12/geefZaakdetails_ZakLv01.xml').replace(/<ZKN:scope>[\s\S]*<\/ZKN:scope>/, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>'), a12('geefZaakdetails_ZakLv01'), '/BeantwoordVraag'],
      ['creeer12-dubbel', sample('zds12/creeerZaak_ZakLk01.xml').replace('FORMS-20240115-0002', 'FORMS-20240115-0099'), a12('creeerZaak_ZakLk01'), '/OntvangAsynchroon'],
      ['genereer11', zds11('zds12/genereerZaakIdentificatie_Di02.xml', 'genereerZaakIdentificatie_Di02', 'genereerZaakIdentificatie_Di02'), a11('genereerZaakIdentificatie_Di02'), '/VrijeBerichten'],
      ['creeer11', zds11('zds12/creeerZaak_ZakLk01.xml', 'creeerZaak_ZakLk01', 'zakLk01'), a11('creeerZaak_Lk01'), '/OntvangAsynchroon'],
      ['status11', zds11('zds12/geefZaakstatus_ZakLv01.xml', 'geefZaakstatus_ZakLv01', 'zakLv01'), a11('geefZaakstatus_Lv01'), '/BeantwoordVraag'],
      ['details11', zds11('zds12/geefZaakdetails_ZakLv01.xml', 'geefZaakdetails_ZakLv01', 'zakLv01'), a11('geefZaakdetails_Lv01'), '/BeantwoordVraag'],
    ];
    const berichten: Record<string, string> = {};
    const statussen: Record<string, number> = {};
    for (const [label, verzoek, actie, pad] of verkeer) {
      const r = await gw.stuur(inEnvelope(verzoek), { actie, pad });
      berichten[`${label}-verzoek`] = verzoek;
      berichten[`${label}-antwoord`] = r.body;
      statussen[label] = r.status;
    }
    expect(statussen).toEqual({ ...Object.fromEntries(verkeer.map(([l]) => [l, 200])), 'creeer12-dubbel': 500 });
    expect(berichten['details12-antwoord']).toContain('<ZKN:antwoord>');
    expect(berichten['details11-antwoord']).toContain('<ZKN:zakLa01');

    const geweigerd = sample('zds12/invalid/geefZaakdetails_ZakLv01_selectie_op_initiator.xml');
    const fout = await gw.stuur(inEnvelope(geweigerd), { actie: a12('geefZaakdetails_ZakLv01'), pad: '/BeantwoordVraag' });
    expect(fout.status).toBe(500);
    berichten['selectie-op-initiator-antwoord'] = fout.body;

    const uitslag = await valideerEigen(basis, schrijfBerichten({ ...berichten, 'selectie-op-initiator-verzoek': geweigerd }));
    expect(uitslag.ongeldig).toHaveLength(1);
    expect(uitslag.ongeldig[0]).toMatch(/^INVALID .*selectie-op-initiator-verzoek/);
    expect(uitslag.geldig).toBe(Object.keys(berichten).length);
  });
  it('scopes naming what the official scope types allow, also what the gateway does not answer, are valid against the served schemas and answered', async () => {
    // A person's address, a zaak's documents and besluiten; a document's status, validity, besluit: the scope types
    // follow the official ones (ZAK-vraagScope generated from them), so a scope the standard allows is one we describe.
    const details = sample('zds12/geefZaakdetails_ZakLv01.xml')
      .replace('<BG:voorletters xsi:nil="true"/>', '<BG:voorletters xsi:nil="true"/><BG:verblijfsadres><BG:wpl.woonplaatsNaam xsi:nil="true"/><BG:aoa.postcode xsi:nil="true"/></BG:verblijfsadres>')
      .replace(
        /(<\/ZKN:heeft>\s*)(<\/ZKN:object>\s*<\/ZKN:scope>)/,
        '$1<ZKN:heeftRelevant StUF:entiteittype="ZAKEDC"><ZKN:gerelateerde StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/><ZKN:titel xsi:nil="true"/></ZKN:gerelateerde></ZKN:heeftRelevant>' +
          '<ZKN:leidtTot StUF:entiteittype="ZAKBSL"><ZKN:gerelateerde StUF:entiteittype="BSL"><ZKN:identificatie xsi:nil="true"/></ZKN:gerelateerde></ZKN:leidtTot>$2',
      );
    const lezen = sample('zds12/geefZaakdocumentLezen_EdcLv01.xml')
      .replace('<ZKN:inhoud xsi:nil="true"/>', '<ZKN:inhoud xsi:nil="true"/><StUF:tijdvakGeldigheid><StUF:beginGeldigheid xsi:nil="true"/><StUF:eindGeldigheid xsi:nil="true"/></StUF:tijdvakGeldigheid>')
      .replace('</ZKN:isRelevantVoor>', '</ZKN:isRelevantVoor><ZKN:kanVastleggingZijnVan StUF:entiteittype="EDCBSL"><ZKN:gerelateerde StUF:entiteittype="BSL"><ZKN:identificatie xsi:nil="true"/></ZKN:gerelateerde></ZKN:kanVastleggingZijnVan>');
    expect(details).toContain('<ZKN:leidtTot');
    expect(lezen).toContain('<ZKN:kanVastleggingZijnVan');
    const a12 = (naam: string) => `${ACTION_BASE.zds12}${naam}`;
    const berichten: Record<string, string> = { 'details-verzoek': details, 'lezen-verzoek': lezen };
    for (const [label, verzoek, actie] of [['details', details, 'geefZaakdetails_ZakLv01'], ['lezen', lezen, 'geefZaakdocumentLezen_EdcLv01']]) {
      const r = await gw.stuur(inEnvelope(verzoek), { actie: a12(actie), pad: '/BeantwoordVraag' });
      expect({ label, status: r.status }).toEqual({ label, status: 200 });
      berichten[`${label}-antwoord`] = r.body;
    }
    const bestanden = schrijfBerichten(berichten);
    const [eigen, officieel] = await Promise.all([valideerEigen(basis, bestanden), valideerOfficieel(bestanden.filter((b) => b.endsWith('-verzoek.xml')))]);
    expect(officieel).toEqual({ geldig: 2, ongeldig: [] });
    expect(eigen).toEqual({ geldig: 4, ongeldig: [] });
  });
  it('RZS: the samples of the four messages, and our answers and faults to the notifications, are valid against the served schemas', async () => {
    const berichten: Record<string, string> = {};
    const statussen: number[] = [];
    const notificaties: [string, string, string][] = [
      ['initieer', sample('rzs/initieerNotificeerOverZaak_Di01.xml'), 'initieerNotificeerOverZaak'],
      ['notificeer', sample('rzs/notificeerOverZaak_Di01.xml'), 'notificeerOverZaak'],
      // An unknown gebeurtenis: refused with a Fo03.
      ['onbekend', sample('rzs/initieerNotificeerOverZaak_Di01.xml').replace('>Creeer zaak<', '>Sluit zaak<').replace('INOZ-2024-000042', 'INOZ-2024-000043'), 'initieerNotificeerOverZaak'],
    ];
    for (const [label, verzoek, op] of notificaties) {
      const r = await gw.stuur(inEnvelope(verzoek), { actie: RZS_ACTIE_BASIS + op });
      statussen.push(r.status);
      berichten[`${label}-verzoek`] = verzoek;
      berichten[`${label}-antwoord`] = r.body;
    }
    expect(statussen).toEqual([200, 200, 500]);
    berichten['overdragen-di01'] = sample('rzs/overdragenZaak_Di01.xml');
    berichten['overdragen-du01'] = sample('rzs/overdragenZaak_Du01.xml');
    const uitslag = await valideerEigen(basis, schrijfBerichten(berichten));
    expect(uitslag).toEqual({ geldig: Object.keys(berichten).length, ongeldig: [] });
  });
  it.each(['zds12', 'zds11'] as Dialect[])('%s document and besluit services: requests and answers are valid against the served schemas', async (dialect) => {
    const ZAAK = { zds12: '0599-2024-0000201', zds11: '0599-2024-1100201' }[dialect];
    const SAMPLE_CHECKOUT = 'pwc-3f1d6e0c-5b8a-4c1e-9d1c-2a7b9e0f4d21';
    const actie = (op12: string, op11: string) => ACTION_BASE[dialect] + (dialect === 'zds12' ? op12 : op11);
    // The 1.1 form has its own zaak, documents and referentienummers: the same gateway holds both stories.
    const vorm = (xml: string) => {
      const x = xml.replace(/<\?xml[^?]*\?>/, '').split('0599-2024-0000001').join(ZAAK);
      if (dialect === 'zds12') return x;
      // ZDS 1.1 genereerDocumentIdentificatie has no parameters.
      const zonderParameters = x.includes('genereerDocumentIdentificatie_Di02') ? x.replace(/<ZDS:parameters>[\s\S]*?<\/ZDS:parameters>/, '') : x;
      return alsZds11Document(zonderParameters)
        .replace(/(<StUF:referentienummer>[^<]*)</, '$1-11<')
        .split('0599-DOC-2024-00000').join('0599-DOC-2024-11000');
    };
    const berichten: Record<string, string> = {};
    const statussen: Record<string, number> = {};
    const stuur = async (label: string, verzoek: string, soapAction: string, pad: string) => {
      const r = await gw.stuur(inEnvelope(verzoek), { actie: soapAction, pad });
      berichten[`${label}-verzoek`] = verzoek;
      berichten[`${label}-antwoord`] = r.body;
      statussen[label] = r.status;
      return r.body;
    };
    const creeer = sample('zds12/creeerZaak_ZakLk01.xml').replace('FORMS-20240115-0002', `FORMS-DOC-${dialect}`).split('0599-2024-0000001').join(ZAAK);
    await stuur('creeer', dialect === 'zds12' ? creeer : alsZds11(creeer, 'creeerZaak_ZakLk01', 'zakLk01'), actie('creeerZaak_ZakLk01', 'creeerZaak_Lk01'), '/OntvangAsynchroon');
    const doc = (label: string, naam: string, op11: string, pad: string, wijzig = (x: string) => x) =>
      stuur(label, wijzig(vorm(sample(`zds12/${naam}.xml`))), actie(naam === 'geefZaakdocumentBewerken_Di02' ? 'geefZaakdocumentbewerken_Di02' : naam, op11), pad);
    await doc('genereerDocument', 'genereerDocumentIdentificatie_Di02', 'genereerDocumentIdentificatie_Di02', '/VerwerkSynchroonVrijBericht');
    await doc('voegZaakdocumentToe', 'voegZaakdocumentToe_EdcLk01', 'voegZaakdocumentToe_Lk01', '/OntvangAsynchroon');
    await doc('maakZaakdocument', 'maakZaakdocument_EdcLk01', 'maakZaakdocument_Lk01', '/OntvangAsynchroon');
    await doc('geefLijstZaakdocumenten', 'geefLijstZaakdocumenten_ZakLv01', 'geefLijstZaakdocumenten_Lv01', '/BeantwoordVraag');
    // ZDS 1.1 does not allow a nil inhoud in the scope: it asks for the content with an empty one.
    await doc('geefZaakdocumentLezen', 'geefZaakdocumentLezen_EdcLv01', 'geefZaakdocumentLezen_Lv01', '/BeantwoordVraag', (x) => x.replace(/<ZKN:inhoud xsi:nil="true"\s*\/>/, '<ZKN:inhoud/>'));
    const uitgecheckt = (du02: string) => /<(?:ZDS|ZKN):checkedOutId>([^<]+)</.exec(du02)?.[1] ?? 'geen checkedOutId';
    // The ZDS 1.1 check-out scope must name seven elements with a value; without one the answer is the same.
    const zonderScope11 = (x: string) => (dialect === 'zds11' ? x.replace(/<ZKN:scope>[\s\S]*<\/ZKN:scope>/, '') : x);
    const eerste = uitgecheckt(await doc('geefZaakdocumentBewerken', 'geefZaakdocumentBewerken_Di02', 'geefZaakdocumentbewerken_Di02', '/VerwerkSynchroonVrijBericht', zonderScope11));
    // ZDS 1.1 has no versioningState.
    await doc('updateZaakdocument', 'updateZaakdocument_Di02', 'updateZaakdocument_Di02', '/VerwerkSynchroonVrijBericht', (x) =>
      x.replace(SAMPLE_CHECKOUT, eerste).replace(dialect === 'zds11' ? /<ZKN:versioningState>[^<]*<\/ZKN:versioningState>/ : /^$/, ''),
    );
    const tweede = uitgecheckt(
      await doc('geefZaakdocumentBewerken-opnieuw', 'geefZaakdocumentBewerken_Di02', 'geefZaakdocumentbewerken_Di02', '/VerwerkSynchroonVrijBericht', (x) => zonderScope11(x.replace('DOCGEN-771', 'DOCGEN-771b'))),
    );
    await doc('cancelCheckout', 'cancelCheckout_Di02', 'cancelCheckout_Di02', '/VerwerkSynchroonVrijBericht', (x) => x.replace(SAMPLE_CHECKOUT, tweede));
    if (dialect === 'zds12') {
      const a12 = (naam: string) => ACTION_BASE.zds12 + naam;
      const BESLUIT = '0599-BSL-2024-0000003';
      await doc('ontkoppelZaakdocument', 'ontkoppelZaakdocument_Di02', 'ontkoppelZaakdocument_Di02', '/VerwerkSynchroonVrijBericht');
      await stuur('genereerBesluit', b.genereerBesluitIdentificatie(), a12('genereerBesluitIdentificatie_Di02'), '/VerwerkSynchroonVrijBericht');
      await stuur('voegBesluitToe', vorm(sample('zds12/voegBesluitToe_Di01.xml')), a12('voegBesluitToe_Di01'), '/OntvangAsynchroon');
      await stuur('updateBesluit', b.updateBesluit(BESLUIT, '<ZKN:einddatumWerking>20250131</ZKN:einddatumWerking>', '<ZKN:einddatumWerking>20251231</ZKN:einddatumWerking>'), a12('updateBesluit_BslLk01'), '/OntvangAsynchroon');
      await stuur('geefBesluitdetails', b.geefBesluitdetails(BESLUIT), a12('geefBesluitdetails_BslLv01'), '/BeantwoordVraag');
      await stuur('geefLijstBesluiten', b.geefLijstBesluiten(ZAAK), a12('geefLijstBesluiten_ZakLv01'), '/BeantwoordVraag');
    }
    // geefZaakdetails now has documents (and besluiten) to answer.
    const details = sample('zds12/geefZaakdetails_ZakLv01.xml').replace(/<ZKN:scope>[\s\S]*<\/ZKN:scope>/, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>').split('0599-2024-0000001').join(ZAAK);
    await stuur('geefZaakdetails', dialect === 'zds12' ? details : alsZds11(details, 'geefZaakdetails_ZakLv01', 'zakLv01'), actie('geefZaakdetails_ZakLv01', 'geefZaakdetails_Lv01'), '/BeantwoordVraag');

    expect(statussen).toEqual(Object.fromEntries(Object.keys(statussen).map((l) => [l, 200])));
    expect(berichten['geefZaakdocumentLezen-antwoord']).toContain(dialect === 'zds12' ? '<ZDS:geefZaakdocumentLezen_EdcLa01' : '<ZKN:edcLa01');
    expect(berichten['geefZaakdocumentLezen-antwoord']).toMatch(/<ZKN:inhoud [^>]*StUF:bestandsnaam="aanvraag.pdf"/);
    expect(berichten['geefZaakdetails-antwoord']).toContain('<ZKN:heeftRelevant');
    const uitslag = await valideerEigen(basis, schrijfBerichten(berichten));
    expect(uitslag.ongeldig).toEqual([]);
    expect(uitslag.geldig).toBe(Object.keys(berichten).length);
  });
});
