// Nothing stored that the schema does not hold (issue 13, point 6): a person is one record shared by every zaak that
// names it, so a creeerZaak that slips a foreign element onto it would break every later answer about that person,
// also answers about other, valid zaken. Each poisoned message is refused (strict, or where the value cannot be
// held) or accepted without the foreign part (lenient); afterwards geefZaakdetails `alles` of that zaak and of a
// valid zaak naming the same person answer without anything outside the schema (the global teardown validates every
// answer written here with the reference validator).
import { join } from 'node:path';
import { NS } from '../../src/stuf/namespaces';
import { XElement } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { readFileSync } from 'node:fs';
import { inEnvelope } from '../support/soap';
import { Dialect, actie, alsZds11, creeerZaak, geefZaakdetails, medewerker, persoon, rol, status, uniekeRef, wijzig } from '../support/dialecten';
import { goed, objectUit, schoneFout } from '../support/antwoorden';

type Modus = 'lenient' | 'strict';

interface Vergif {
  naam: string;
  /** The natuurlijkPersoon (as gerelateerde) of the poisoned zaak. */
  persoon: (bsn: string) => string;
  /** Refused in both modes: a value the schema cannot carry. */
  altijdGeweigerd?: boolean;
}

/** The same person as zaakobject (client): the answer type differs (NPS-zkn-OBJ-antwoord). */
const zaakobjectVan = (gerelateerde: string) =>
  `<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde>${gerelateerde}</ZKN:gerelateerde><ZKN:omschrijving>Client</ZKN:omschrijving></ZKN:heeftBetrekkingOp>`;
const NPS = (inhoud: string, extraNs = '') =>
  `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"${extraNs}>${inhoud}</ZKN:natuurlijkPersoon>`;

const VERGIFTEN: Vergif[] = [
  { naam: 'inp.bsn zonder namespace', persoon: (bsn) => NPS(`<inp.bsn xmlns="">${bsn}</inp.bsn><BG:geslachtsnaam>Vries</BG:geslachtsnaam>`) },
  { naam: 'het BG-prefix aan een andere namespace gebonden', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:geslachtsnaam>Vries</BG:geslachtsnaam>`, ' xmlns:BG="urn:vreemd"') },
  { naam: 'een lege BSN', persoon: () => NPS('<BG:inp.bsn>   </BG:inp.bsn><BG:geslachtsnaam>Vries</BG:geslachtsnaam>') },
  { naam: 'een vreemd element tussen de velden', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:schoenmaat>44</BG:schoenmaat><BG:geslachtsnaam>Vries</BG:geslachtsnaam>`) },
  { naam: 'een BG-naam in een vreemde namespace', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><X:voornamen xmlns:X="urn:x">Jan</X:voornamen><BG:geslachtsnaam>Vries</BG:geslachtsnaam>`) },
  { naam: 'een vreemd attribuut op een veld', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:geslachtsnaam X:kleur="rood" xmlns:X="urn:x">Vries</BG:geslachtsnaam>`) },
  { naam: 'een vreemd element in het verblijfsadres', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:geslachtsnaam>Vries</BG:geslachtsnaam><BG:verblijfsadres><BG:aoa.postcode>1234AB</BG:aoa.postcode><BG:verdieping>3</BG:verdieping></BG:verblijfsadres>`) },
  { naam: 'een veld dat vaker voorkomt dan het schema toestaat', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:geslachtsnaam>Vries</BG:geslachtsnaam><BG:geslachtsnaam>Jong</BG:geslachtsnaam>${'<BG:acd.code>dr</BG:acd.code>'.repeat(4)}`) },
  { naam: 'beide takken van een keuze (BSN en A-nummer)', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:anp.identificatie>12345678901234567</BG:anp.identificatie><BG:geslachtsnaam>Vries</BG:geslachtsnaam>`) },
  { naam: 'een BSN die geen negen cijfers is', persoon: () => NPS('<BG:inp.bsn>12345</BG:inp.bsn><BG:geslachtsnaam>Vries</BG:geslachtsnaam>'), altijdGeweigerd: true },
  { naam: 'een postcode die geen postcode is', persoon: (bsn) => NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:verblijfsadres><BG:aoa.postcode>ABCD</BG:aoa.postcode></BG:verblijfsadres>`), altijdGeweigerd: true },
];

/** Every element under the gerelateerde persons of an answer, with its path, that lies outside BG (StUF for extraElementen). */
function vreemdeVelden(object: XElement | undefined): string[] {
  const uit: string[] = [];
  const loop = (e: XElement, pad: string, binnenPersoon: boolean) => {
    for (const c of e.children) {
      const cpad = `${pad}/${c.local}`;
      if (binnenPersoon && c.ns !== NS.bg && c.ns !== NS.stuf) uit.push(`${cpad} {${c.ns}}`);
      if (binnenPersoon && c.attrs.some((a) => a.ns !== NS.stuf && a.ns !== NS.xsi)) uit.push(`${cpad} @vreemd`);
      loop(c, cpad, binnenPersoon || c.local === 'natuurlijkPersoon');
    }
  };
  if (object) loop(object, 'object', false);
  return uit;
}

const personenIn = (object: XElement | undefined): XElement[] => {
  const uit: XElement[] = [];
  const loop = (e: XElement) => e.children.forEach((c) => (c.local === 'natuurlijkPersoon' ? uit.push(c) : loop(c)));
  if (object) loop(object);
  return uit;
};

let bsnTeller = 0;
/** A distinct valid-looking BSN per case (nine digits), so that cases do not share a person. */
const nieuweBsn = () => String(100000000 + process.pid * 100 + ++bsnTeller).slice(-9).padStart(9, '1');

describe.each<[Dialect, Modus]>([
  ['zds12', 'lenient'],
  ['zds12', 'strict'],
  ['zds11', 'lenient'],
  ['zds11', 'strict'],
])('%s, %s: een persoon die alle zaken delen krijgt niets wat het schema niet kent', (d, modus) => {
  let gw: TestGateway;
  let teller = 0;
  beforeAll(async () => {
    gw = await startGateway(modus === 'strict' ? { stuf: { validatie: 'strict' } } : {});
  });
  afterAll(() => gw.sluit());

  const zaakId = () => `0599-SO-${d}-${modus}-${process.pid}-${++teller}`;
  const stuur = (bericht: string, dienst: 'creeerZaak' | 'geefZaakdetails' | 'updateZaak' | 'actualiseerZaakstatus') =>
    gw.stuur(inEnvelope(bericht), { actie: actie(d, dienst), pad: dienst === 'geefZaakdetails' ? '/BeantwoordVraag' : '/OntvangAsynchroon' });
  const details = async (id: string) => objectUit(await stuur(geefZaakdetails(d, id), 'geefZaakdetails'));

  it.each(VERGIFTEN.map((v) => [v.naam, v] as const))('%s', async (_naam, v) => {
    const bsn = nieuweBsn();
    // A valid zaak names the person first; its answers must stay valid whatever comes after.
    const geldig = zaakId();
    goed(await stuur(creeerZaak(d, { id: geldig, relaties: rol('heeftAlsInitiator', persoon(bsn)) }), 'creeerZaak'));

    const vergiftigd = zaakId();
    const r = await stuur(creeerZaak(d, { id: vergiftigd, relaties: rol('heeftAlsInitiator', v.persoon(bsn)) + zaakobjectVan(v.persoon(bsn)) }), 'creeerZaak');
    if (modus === 'strict' || v.altijdGeweigerd) {
      const f = schoneFout(r);
      expect(f.code).toBe('StUF055');
      expect(f.plek).toBe('client');
      expect(f.details).not.toContain(bsn);
      expect(f.details).not.toContain('Vries');
    } else {
      expect(goed(r).local).toBe('Bv03Bericht');
      const o = await details(vergiftigd);
      expect(vreemdeVelden(o)).toEqual([]);
      expect(personenIn(o).length).toBeGreaterThan(0);
    }

    const o = await details(geldig);
    expect(vreemdeVelden(o)).toEqual([]);
    const [p] = personenIn(o);
    expect(p.children.find((c) => c.local === 'inp.bsn' && c.ns === NS.bg)?.text).toBe(bsn);
    expect(p.children.filter((c) => c.local === 'inp.bsn')).toHaveLength(1);
  });

  it('een lege BSN is geen sleutel: twee zaken met een lege BSN delen geen persoon', async () => {
    const a = zaakId();
    const b = zaakId();
    const leeg = NPS('<BG:inp.bsn> </BG:inp.bsn><BG:geslachtsnaam>Eerste</BG:geslachtsnaam>');
    const ander = NPS('<BG:inp.bsn></BG:inp.bsn><BG:geslachtsnaam>Tweede</BG:geslachtsnaam>');
    const ra = await stuur(creeerZaak(d, { id: a, relaties: rol('heeftAlsInitiator', leeg) }), 'creeerZaak');
    const rb = await stuur(creeerZaak(d, { id: b, relaties: rol('heeftAlsInitiator', ander) }), 'creeerZaak');
    if (modus === 'strict') {
      expect(schoneFout(ra).code).toBe('StUF055');
      expect(schoneFout(rb).code).toBe('StUF055');
      return;
    }
    goed(ra);
    goed(rb);
    const naam = (o: XElement | undefined) => personenIn(o)[0]?.children.find((c) => c.local === 'geslachtsnaam')?.text;
    expect(naam(await details(a))).toBe('Eerste');
    expect(naam(await details(b))).toBe('Tweede');
  });

  it('een schemageldige creeerZaak met alles wat opgeslagen deelbomen mogen bevatten wordt aanvaard en volledig teruggegeven', async () => {
    const id = zaakId();
    const bericht12 = readFileSync(join(__dirname, '..', 'support', 'schemaOpslagVolledig.xml'), 'utf8')
      .replace('0599-GELDIG-1', id).replace('<StUF:referentienummer>R1<', `<StUF:referentienummer>${uniekeRef('SO')}<`);
    goed(await stuur(d === 'zds12' ? bericht12 : alsZds11(bericht12), 'creeerZaak'));
    const alles = JSON.stringify(await details(id));
    const verwacht = ['Eik', 'BGT', '3011AD', 'Coolsingel', 'achter', 'Rue 1', 'Stichting', 'stichting', '000012345678', 'Winkel', 'Vergunningen', 'Jansen', 'Delft', 'Via balie', 'web', 'Andere', 'Behandelaar', 'Uitvoerder', '19800000'];
    expect(verwacht.filter((w) => !alles.includes(w))).toEqual([]);
  });

  it('een persoon die een eerdere versie vergiftigd opsloeg wordt toch geldig beantwoord', async () => {
    const bsn = nieuweBsn();
    const id = zaakId();
    goed(await stuur(creeerZaak(d, { id, relaties: rol('heeftAlsInitiator', persoon(bsn)) }), 'creeerZaak'));
    // What an older version stored (every child as received): written into the gateway's database.
    const x = (ns: string, local: string, text: string, children: unknown[] = [], attrs: unknown[] = []) => ({ ns, local, attrs, children, text });
    const velden = [
      x('', 'inp.bsn', bsn), x(NS.bg, 'inp.bsn', '  '), x(NS.bg, 'authentiek', 'J'), x('urn:x', 'voornamen', 'Jan'),
      x(NS.bg, 'geslachtsnaam', 'Vries', [], [{ ns: 'urn:x', local: 'kleur', value: 'rood' }]), x(NS.bg, 'schoenmaat', '44'),
      x(NS.bg, 'verblijfsadres', '', [x(NS.bg, 'aoa.huisnummer', '3'), x(NS.bg, 'verdieping', '2'), x(NS.bg, 'aoa.postcode', '1234AB')]),
    ];
    expect(await gw.app.gateway.store.sql.voer("UPDATE betrokkene SET velden = ? WHERE soort = 'NPS' AND sleutel = ?", [JSON.stringify(velden), bsn])).toBe(1);
    const o = await details(id);
    expect(vreemdeVelden(o)).toEqual([]);
    const [p] = personenIn(o);
    // No BSN survives (unqualified, blank): so no authentiek either, which only pairs with the number.
    expect(p.children.map((c) => c.local)).toEqual(['geslachtsnaam', 'verblijfsadres']);
    expect(p.children[1].children.map((c) => c.local)).toEqual(['aoa.postcode', 'aoa.huisnummer']);
  });

  it('een persoon met beide kanten van een keuze in het antwoordtype (BSN en A-nummer, binnen- en buitenlands adres) blijft geldig te beantwoorden', async () => {
    const bsn = nieuweBsn();
    const adres = '<BG:verblijfsadres><BG:aoa.postcode>1234AB</BG:aoa.postcode><BG:aoa.huisnummer>1</BG:aoa.huisnummer></BG:verblijfsadres>';
    const buitenland = '<BG:sub.verblijfBuitenland><BG:lnd.landnaam>België</BG:lnd.landnaam></BG:sub.verblijfBuitenland>';
    const personen = [
      NPS(`<BG:inp.bsn>${bsn}</BG:inp.bsn><BG:authentiek StUF:metagegeven="true">J</BG:authentiek><BG:anp.identificatie>12345678901234567</BG:anp.identificatie><BG:geslachtsnaam>Vries</BG:geslachtsnaam>${adres}${buitenland}`),
      NPS('<BG:authentiek StUF:metagegeven="true">N</BG:authentiek><BG:anp.identificatie>76543210987654321</BG:anp.identificatie><BG:geslachtsnaam>Zonder</BG:geslachtsnaam>'),
      '<ZKN:nietNatuurlijkPersoon StUF:entiteittype="NNP" StUF:verwerkingssoort="I"><BG:inn.nnpId>123456789</BG:inn.nnpId><BG:ann.identificatie>12345678901234567</BG:ann.identificatie>' +
        '<BG:statutaireNaam>BV</BG:statutaireNaam><BG:bezoekadres><BG:aoa.postcode>1234AB</BG:aoa.postcode></BG:bezoekadres>' + buitenland.replace(/verblijfBuitenland/g, 'verblijfBuitenland') + '</ZKN:nietNatuurlijkPersoon>',
      '<ZKN:vestiging StUF:entiteittype="VES" StUF:verwerkingssoort="I"><BG:authentiek StUF:metagegeven="true">N</BG:authentiek><BG:handelsnaam>Winkel</BG:handelsnaam></ZKN:vestiging>',
    ];
    for (const p of personen) {
      const id = zaakId();
      const r = await stuur(creeerZaak(d, { id, relaties: rol('heeftAlsInitiator', medewerker('MDW-SO')) + rol('heeftAlsBelanghebbende', p) + zaakobjectVan(p) }), 'creeerZaak');
      if (r.status !== 200) {
        expect(modus).toBe('strict');
        expect(schoneFout(r).code).toBe('StUF055');
        continue;
      }
      // Twice: the stored record is answered, also to a second zaak naming the same betrokkene.
      const o = await details(id);
      expect(o).toBeDefined();
    }
  });

  it('een zaakobject dat geen betrokkene is (adres, pand) houdt alleen de velden die zijn antwoordtype kent', async () => {
    const id = zaakId();
    const adres =
      '<ZKN:adres StUF:entiteittype="AOA" StUF:verwerkingssoort="I"><BG:identificatie>0599200000012345</BG:identificatie>' +
      '<BG:wpl.woonplaatsNaam>Rotterdam</BG:wpl.woonplaatsNaam><BG:huisnummer>12</BG:huisnummer><BG:verdieping>3</BG:verdieping>' +
      '<X:postcode xmlns:X="urn:x">1234AB</X:postcode><BG:postcode>3011AB</BG:postcode></ZKN:adres>';
    const pand = '<ZKN:pand StUF:entiteittype="PND" StUF:verwerkingssoort="I"><BG:identificatie>0599100000012345</BG:identificatie></ZKN:pand>';
    const relaties = rol('heeftAlsInitiator', medewerker('MDW-SO')) + zaakobjectVan(adres) + zaakobjectVan(pand);
    const r = await stuur(creeerZaak(d, { id, relaties }), 'creeerZaak');
    if (modus === 'strict') {
      expect(schoneFout(r).code).toBe('StUF055');
      goed(await stuur(creeerZaak(d, { id, relaties: rol('heeftAlsInitiator', medewerker('MDW-SO')) + zaakobjectVan(adres.replace(/<BG:verdieping>.*?<\/BG:verdieping>|<X:postcode.*?<\/X:postcode>/g, '')) + zaakobjectVan(pand) }), 'creeerZaak'));
    } else goed(r);
    const o = await details(id);
    const alles = JSON.stringify(o);
    expect(alles).not.toContain('urn:x');
    expect(alles).not.toContain('verdieping');
    expect(alles).toContain('3011AB');
    expect(alles).toContain('0599100000012345');
    // A value the answer type cannot carry is refused in both modes.
    const teLang = adres.replace('<BG:huisnummer>12</BG:huisnummer>', '<BG:huisnummer>123456</BG:huisnummer>');
    const f = schoneFout(await stuur(creeerZaak(d, { id: zaakId(), relaties: rol('heeftAlsInitiator', medewerker('MDW-SO')) + zaakobjectVan(teLang) }), 'creeerZaak'));
    expect(f.code).toBe('StUF055');
    expect(f.details).toContain('huisnummer');
  });

  it('een W op een rol vervangt haar velden alleen door wat het schema kent', async () => {
    const id = zaakId();
    const mdw = medewerker('MDW-W');
    goed(await stuur(creeerZaak(d, { id, relaties: rol('heeftAlsInitiator', mdw, 'T', 'Aanvrager') }), 'creeerZaak'));
    const oud = rol('heeftAlsInitiator', mdw, 'W', 'Aanvrager');
    const nieuw = rol('heeftAlsInitiator', mdw, 'W', 'Indiener').replace('</ZKN:heeftAlsInitiator>', '<ZKN:toelichting xmlns:ZKN="urn:x">vreemd</ZKN:toelichting><ZKN:code>C1</ZKN:code></ZKN:heeftAlsInitiator>');
    const r = await stuur(wijzig(d, 'updateZaak', id, oud, nieuw, { vs: 'I' }), 'updateZaak');
    if (modus === 'strict') {
      expect(schoneFout(r).code).toBe('StUF055');
      return;
    }
    goed(r);
    const o = await details(id);
    const ini = o?.children.find((c) => c.local === 'heeftAlsInitiator');
    expect(ini?.children.filter((c) => c.local !== 'gerelateerde').map((c) => `${c.ns === NS.zkn ? 'ZKN' : c.ns}:${c.local}=${c.text}`)).toEqual(['ZKN:code=C1', 'ZKN:omschrijving=Indiener']);
  });

  it('relatievelden, status, isGezetDoor en anderZaakObject houden alleen wat het schema kent', async () => {
    const id = zaakId();
    const vreemd = '<X:iets xmlns:X="urn:x">vreemd</X:iets>';
    const relaties =
      `<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI" StUF:verwerkingssoort="T"><ZKN:gerelateerde>${medewerker('MDW-SO')}</ZKN:gerelateerde>` +
      `<ZKN:omschrijving>Aanvrager</ZKN:omschrijving><code xmlns="">X</code>${vreemd}` +
      `<ZKN:afwijkendCorrespondentieAdres><BG:postcode>1234AB</BG:postcode>${vreemd}<BG:aoa.huisnummer>7</BG:aoa.huisnummer></ZKN:afwijkendCorrespondentieAdres>` +
      `<StUF:tijdvakRelatie><StUF:beginRelatie xsi:nil="true" StUF:noValue="geenWaarde"/></StUF:tijdvakRelatie>` +
      `<StUF:extraElementen><StUF:extraElement naam="kanaal">balie</StUF:extraElement>${vreemd}</StUF:extraElementen></ZKN:heeftAlsInitiator>` +
      '<ZKN:heeftBetrekkingOpAndere StUF:entiteittype="ZAKZAKBTR" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I">' +
      `<ZKN:identificatie>0599-ONBEKEND-${d}-${modus}</ZKN:identificatie><ZKN:omschrijving>Andere zaak</ZKN:omschrijving>${vreemd}` +
      `<ZKN:isVan StUF:entiteittype="ZAKZKT" StUF:verwerkingssoort="I"><ZKN:gerelateerde StUF:entiteittype="ZKT" StUF:verwerkingssoort="I"><ZKN:omschrijving>Type</ZKN:omschrijving>${vreemd}<ZKN:code>B1026</ZKN:code></ZKN:gerelateerde></ZKN:isVan>` +
      `</ZKN:gerelateerde>${vreemd}</ZKN:heeftBetrekkingOpAndere>`;
    const attributen =
      '<ZKN:omschrijving>Testzaak</ZKN:omschrijving><ZKN:anderZaakObject><ZKN:omschrijving>Boom</ZKN:omschrijving>' + vreemd + '</ZKN:anderZaakObject>' +
      '<ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum>';
    const r = await stuur(creeerZaak(d, { id, attributen, relaties }), 'creeerZaak');
    if (modus === 'strict') {
      expect(schoneFout(r).code).toBe('StUF055');
      return;
    }
    goed(r);
    const st = status(1, 'Ontvangen', '20240116090000').replace('</ZKN:medewerker>', `${vreemd}</ZKN:medewerker>`).replace('</ZKN:isGezetDoor>', `${vreemd}</ZKN:isGezetDoor>`);
    goed(await stuur(wijzig(d, 'actualiseerZaakstatus', id, '', st), 'actualiseerZaakstatus'));
    const o = await details(id);
    const alles = JSON.stringify(o);
    expect(alles).not.toContain('urn:x');
    expect(alles).not.toContain('vreemd');
    expect(alles).toContain('Boom');
    expect(alles).toContain('balie');
    expect(alles).toContain('mdw042');
    expect(alles).toContain('Andere zaak');
    expect(alles).toContain('1234AB');
  });
});
