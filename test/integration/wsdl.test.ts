// Our own WSDLs and schemas as the gateway serves them: well-formed, with the caller's address in them, offering
// exactly the operations the gateway dispatches, and describing the messages it accepts and the answers it sends
// (checked with Xerces against the served schemas themselves).
import type { AddressInfo } from 'node:net';
import { ACTION_BASE, NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children, parseXml } from '../../src/stuf/xml';
import { OPERATIES } from '../../src/operations';
import { startGateway, TestGateway } from '../support/gateway';
import { heeftShared } from '../support/paden';
import { heeftJava, schrijfBerichten, valideerEigen } from '../support/schemaValidatie';
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
  beforeAll(async () => {
    gw = await startGateway();
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
        for (const i of children(schema, 'import', XS)) teDoen.push(attr(i, '', 'schemaLocation')!);
      }
      const bestanden = [...bezocht].map((u) => u.split('/').pop()).sort();
      expect(bestanden).toEqual(
        dialect === 'zds12' ? ['gateway-bg.xsd', 'gateway-stuf.xsd', 'gateway-zds.xsd', 'gateway-zkn.xsd'] : ['gateway-bg.xsd', 'gateway-stuf.xsd', 'gateway-zkn.xsd'],
      );
    });

    it('the WSDLs offer exactly the operations the gateway dispatches, with their SOAPActions, roots and faults', async () => {
      const aangeboden: Operatie[] = [];
      for (const poort of new Set(Object.values(POORTEN[dialect]))) {
        const ops = operatiesVan((await haal(wsdlPad(poort, dialect))).body, poort);
        for (const op of ops) {
          const bediend = OPERATIES.find((o) => o.acties.includes(op.actie));
          expect(bediend).toBeDefined();
          expect(op.actie).toBe(ACTION_BASE[dialect] + op.naam);
          expect(bediend!.roots.map((r) => `{${r.ns}}${r.local}`)).toContain(op.invoer);
          expect(op.fout).toBe(`{${NS.stuf}}${bediend!.asynchroon ? 'Fo03' : 'Fo02'}Bericht`);
          expect(poort === 'OntvangAsynchroon').toBe(bediend!.asynchroon);
          if (bediend!.asynchroon) expect(op.uitvoer).toBe(`{${NS.stuf}}Bv03Bericht`);
          else expect(op.uitvoer.startsWith(`{${TNS[dialect]}}`)).toBe(true);
        }
        aangeboden.push(...ops);
      }
      const verwacht = OPERATIES.flatMap((o) => o.acties.filter((a) => a.startsWith(ACTION_BASE[dialect])));
      expect(aangeboden.map((o) => o.actie).sort()).toEqual(verwacht.sort());
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
});
