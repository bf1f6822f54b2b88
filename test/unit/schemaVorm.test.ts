// The allow-lists that decide what of a received subtree is stored (schemaVorm.ts, betrokkeneVelden.ts and the
// generated object table): namespace and name, values against their type, repetition and choices, and the
// difference between lenient (dropped, recorded) and strict (refused).
import { NS } from '../../src/stuf/namespaces';
import { Afwijkingen, relatieZonderWaarde, zonderWaarde } from '../../src/stuf/entiteit';
import { BETROKKENE_VORM } from '../../src/stuf/betrokkeneVelden';
import { leesObject } from '../../src/stuf/objectVorm';
import { leesGroep, opschonen } from '../../src/stuf/schemaVorm';
import { ANDER_ZAAKOBJECT, GEZET_DOOR, KENMERK, ROL_VORM, ZAAK_GROEP_VORMEN } from '../../src/stuf/relatieVelden';
import { StufFout } from '../../src/stuf/fout';
import { XElement } from '../../src/stuf/xml';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS, heeftShared } from '../support/paden';

const x = (ns: string, local: string, text = '', children: XElement[] = [], attrs: XElement['attrs'] = []): XElement => ({ ns, local, attrs, children, text });
const bg = (local: string, text = '', children: XElement[] = []) => x(NS.bg, local, text, children);
const namen = (e: XElement[]) => e.map((c) => `${c.ns === NS.bg ? 'BG' : c.ns}:${c.local}`);

describe('opschonen van een natuurlijk persoon', () => {
  const NPS = BETROKKENE_VORM.NPS;

  it('houdt alleen BG-velden die het type kent, in schemavolgorde, waarden getrimd', () => {
    const afw = new Afwijkingen(false);
    const uit = opschonen([bg('geslachtsnaam', ' Vries '), x('', 'inp.bsn', '111222333'), bg('inp.bsn', '111222333'), x('urn:x', 'voornamen', 'Jan'), bg('schoenmaat', '44')], NPS, 'p', afw);
    expect(namen(uit)).toEqual(['BG:inp.bsn', 'BG:geslachtsnaam']);
    expect(uit[1].text).toBe('Vries');
    expect(afw.lijst).toHaveLength(3);
    expect(afw.lijst.join('\n')).not.toContain('111222333');
  });

  it('weigert in strict mode wat lenient wegliet', () => {
    expect(() => opschonen([x('', 'inp.bsn', '111222333')], NPS, 'p', new Afwijkingen(true))).toThrow(StufFout);
  });

  it('een lege BSN is geen veld; een BSN die geen negen cijfers is wordt in beide modi geweigerd', () => {
    const afw = new Afwijkingen(false);
    expect(opschonen([bg('inp.bsn', '   ')], NPS, 'p', afw)).toEqual([]);
    expect(afw.lijst).toHaveLength(1);
    expect(() => opschonen([bg('inp.bsn', '12345')], NPS, 'p', new Afwijkingen(false))).toThrow(StufFout);
  });

  it('herhaling boven maxOccurs en een tweede tak van een keuze vallen weg', () => {
    const afw = new Afwijkingen(false);
    const uit = opschonen([
      bg('anp.identificatie', '12345678901234567'), bg('inp.bsn', '111222333'), bg('geslachtsnaam', 'A'), bg('geslachtsnaam', 'B'),
      ...['a', 'b', 'c', 'd'].map((c) => bg('acd.code', c)),
    ], NPS, 'p', afw);
    expect(namen(uit)).toEqual(['BG:inp.bsn', 'BG:geslachtsnaam', 'BG:acd.code', 'BG:acd.code', 'BG:acd.code']);
    expect(afw.lijst).toHaveLength(3);
  });

  it('authentiek krijgt StUF:metagegeven; vreemde attributen vallen weg, StUF-attributen van een kennisgeving stil', () => {
    const afw = new Afwijkingen(false);
    const [a, g] = opschonen([
      bg('authentiek', 'J'),
      x(NS.bg, 'geslachtsnaam', 'Vries', [], [{ ns: NS.stuf, local: 'exact', value: 'true' }, { ns: 'urn:x', local: 'kleur', value: 'rood' }]),
    ], NPS, 'p', afw);
    expect(a.attrs).toEqual([{ ns: NS.stuf, local: 'metagegeven', value: 'true' }]);
    expect(g.attrs).toEqual([]);
    expect(afw.lijst).toHaveLength(1);
  });

  it('een adresgroep houdt alleen haar eigen velden, gecontroleerd', () => {
    const afw = new Afwijkingen(false);
    const [adres] = opschonen([bg('verblijfsadres', '', [bg('aoa.huisnummer', '12'), bg('verdieping', '3'), bg('aoa.postcode', '1234AB')])], NPS, 'p', afw);
    expect(namen(adres.children)).toEqual(['BG:aoa.postcode', 'BG:aoa.huisnummer']);
    expect(() => opschonen([bg('verblijfsadres', '', [bg('aoa.postcode', 'ABCD')])], NPS, 'p', new Afwijkingen(false))).toThrow(StufFout);
  });
});

describe('zaakobjecten die geen betrokkene zijn (gegenereerde lijsten)', () => {
  const adres = (...velden: XElement[]) => x(NS.zkn, 'adres', '', velden, [{ ns: NS.stuf, local: 'entiteittype', value: 'AOA' }, { ns: NS.stuf, local: 'verwerkingssoort', value: 'I' }]);

  it('houdt de kerngegevens die het antwoordtype kent, met het vaste entiteittype', () => {
    const afw = new Afwijkingen(false);
    const o = leesObject(adres(bg('postcode', '3011AB'), bg('identificatie', '0599200000012345'), bg('verdieping', '2'), x('urn:x', 'huisnummer', '1')), 'o', afw)!;
    expect(o.attrs).toEqual([{ ns: NS.stuf, local: 'entiteittype', value: 'AOA' }]);
    expect(namen(o.children)).toEqual(['BG:identificatie', 'BG:postcode']);
    expect(afw.lijst).toHaveLength(2);
  });

  it('controleert waarden tegen de facetten van het schema', () => {
    const lees = (e: XElement) => leesObject(adres(e), 'o', new Afwijkingen(false));
    expect(lees(bg('huisnummer', '99999'))).toBeDefined();
    expect(() => lees(bg('huisnummer', '100000'))).toThrow(StufFout); // maxInclusive
    expect(() => lees(bg('huisnummer', '0'))).toThrow(StufFout); // positiveInteger
    expect(() => lees(bg('huisnummer', '1.5'))).toThrow(StufFout);
    expect(() => lees(bg('identificatie', '123'))).toThrow(StufFout); // length 16
    expect(() => lees(bg('huisletter', 'ab'))).toThrow(StufFout); // pattern
    const woz = (nummer: string) => leesObject(x(NS.zkn, 'wozObject', '', [bg('wozObjectNummer', nummer)]), 'o', new Afwijkingen(false));
    expect(woz('012345678901')).toBeDefined();
    expect(() => woz('12345')).toThrow(StufFout);
  });

  it('een onbekend objecttype of een object in een andere namespace wordt geen zaakobject', () => {
    const afw = new Afwijkingen(false);
    expect(leesObject(x(NS.zkn, 'ruimteschip', '', [bg('naam', 'x')]), 'o', afw)).toBeUndefined();
    expect(leesObject(x(NS.bg, 'adres', '', [bg('postcode', '3011AB')]), 'o', afw)).toBeUndefined();
    expect(afw.lijst).toHaveLength(2);
    expect(() => leesObject(x(NS.zkn, 'ruimteschip'), 'o', new Afwijkingen(true))).toThrow(StufFout);
  });
});

(heeftShared() ? it : it.skip)('de vastgelegde objectlijsten zijn wat scripts/objectVormen.js uit beide schemasets afleidt', () => {
  const wortel = join(__dirname, '..', '..');
  const vastgelegd = readFileSync(join(wortel, 'src', 'stuf', 'objectVormen.ts'), 'utf8');
  for (const set of ['zds12', 'zds11-rzs']) {
    const r = spawnSync(process.execPath, [join(wortel, 'scripts', 'objectVormen.js'), join(SCHEMAS, set)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    // The header names the set it was made from; the table itself must be the same.
    expect(r.stdout.split('\n').slice(3).join('\n')).toBe(vastgelegd.split('\n').slice(3).join('\n'));
  }
});

// ---- "no value": one rule for every group and relation (issue 14, point 1) ----------------------------------

const nil = (ns: string, local: string): XElement => x(ns, local, '', [], [{ ns: NS.xsi, local: 'nil', value: 'true' }, { ns: NS.stuf, local: 'noValue', value: 'geenWaarde' }]);
const zkn = (local: string, text = '', children: XElement[] = [], attrs: XElement['attrs'] = []) => x(NS.zkn, local, text, children, attrs);

describe('zonderWaarde en leesGroep', () => {
  it('nil, leeg of alleen kinderen zonder waarde is "geen waarde"; tekst of een eigen attribuut (naam) is een waarde', () => {
    expect(zonderWaarde(nil(NS.zkn, 'kenmerk'))).toBe(true);
    expect(zonderWaarde(zkn('kenmerk', '', [nil(NS.zkn, 'kenmerk'), nil(NS.zkn, 'bron')]))).toBe(true);
    expect(zonderWaarde(zkn('gerelateerde', '  ', [], [{ ns: NS.stuf, local: 'entiteittype', value: 'ZAK' }]))).toBe(true);
    expect(zonderWaarde(zkn('kenmerk', '', [zkn('kenmerk', 'K'), nil(NS.zkn, 'bron')]))).toBe(false);
    expect(zonderWaarde(x(NS.stuf, 'extraElement', '', [], [{ ns: '', local: 'naam', value: 'x' }]))).toBe(false);
  });

  it('een kenmerk met beide helften nil is geen waarde, in beide modi zonder afwijking', () => {
    for (const strikt of [false, true]) {
      const afw = new Afwijkingen(strikt);
      expect(leesGroep(zkn('kenmerk', '', [nil(NS.zkn, 'kenmerk'), nil(NS.zkn, 'bron')]), KENMERK, 'k', afw)).toBeNull();
      expect(afw.lijst).toEqual([]);
    }
  });

  it('een leeg kenmerk zonder xsi:nil (het schema eist beide helften): lenient geen waarde met een afwijking, strict StUF055', () => {
    const afw = new Afwijkingen(false);
    expect(leesGroep(zkn('kenmerk'), KENMERK, 'k', afw)).toBeNull();
    expect(afw.lijst).toEqual(["k: lege groep zonder xsi:nil; gelezen als 'geen waarde'"]);
    expect(() => leesGroep(zkn('kenmerk'), KENMERK, 'k', new Afwijkingen(true))).toThrow(StufFout);
  });

  it('een half kenmerk (bron nil verstuurd) is schemageldig en wordt bewaard zoals verstuurd, in beide modi', () => {
    const half = zkn('kenmerk', '', [zkn('kenmerk', 'K-1'), nil(NS.zkn, 'bron')]);
    const afw = new Afwijkingen(true);
    expect(leesGroep(half, KENMERK, 'k', afw)?.children.map((k) => `${k.local}=${k.text}`)).toEqual(['kenmerk=K-1']);
    expect(afw.lijst).toEqual([]);
  });

  it('een kenmerk zonder bron (weggelaten, schema-ongeldig) wordt niet opgeslagen: lenient een afwijking, strict StUF055', () => {
    const half = zkn('kenmerk', '', [zkn('kenmerk', 'K-1')]);
    const afw = new Afwijkingen(false);
    expect(leesGroep(half, KENMERK, 'k', afw)).toBeUndefined();
    expect(afw.lijst).toEqual(['k: bron ontbreekt; kenmerk niet opgeslagen']);
    expect(() => leesGroep(half, KENMERK, 'k', new Afwijkingen(true))).toThrow(StufFout);
  });

  it('een anderZaakObject met een nil omschrijving (zijn enige verplichte kind) is geen waarde; zonder omschrijving een afwijking', () => {
    const afw = new Afwijkingen(true);
    expect(leesGroep(zkn('anderZaakObject', '', [nil(NS.zkn, 'omschrijving'), zkn('aanduiding', 'A')]), ANDER_ZAAKOBJECT, 'a', afw)).toBeNull();
    expect(leesGroep(zkn('anderZaakObject', '', ['omschrijving', 'aanduiding', 'lokatie', 'registratie'].map((n) => nil(NS.zkn, n))), ANDER_ZAAKOBJECT, 'a', afw)).toBeNull();
    expect(afw.lijst).toEqual([]);
    const lenient = new Afwijkingen(false);
    expect(leesGroep(zkn('anderZaakObject', '', [zkn('aanduiding', 'A')]), ANDER_ZAAKOBJECT, 'a', lenient)).toBeUndefined();
    expect(lenient.lijst).toEqual(['a: omschrijving ontbreekt; anderZaakObject niet opgeslagen']);
  });

  it('een isGezetDoor met een nil gerelateerde is geen waarde, ook met een rolomschrijving', () => {
    const door = zkn('isGezetDoor', '', [nil(NS.zkn, 'gerelateerde'), zkn('rolOmschrijving', 'Behandelaar')]);
    expect(leesGroep(door, GEZET_DOOR, 'h', new Afwijkingen(true))).toBeNull();
  });

  it('verlenging: duur is een geheel getal van hoogstens drie cijfers, in beide modi', () => {
    const groep = (duur: string) => zkn('verlenging', '', [zkn('duur', duur), zkn('reden', 'r')]);
    expect(leesGroep(groep('120'), ZAAK_GROEP_VORMEN.verlenging, 'v', new Afwijkingen(true))?.children.map((c) => c.text)).toEqual(['120', 'r']);
    for (const fout of ['abc', '1234', '1.5']) expect(() => leesGroep(groep(fout), ZAAK_GROEP_VORMEN.verlenging, 'v', new Afwijkingen(false))).toThrow(StufFout);
  });

  it('in een betrokkene: een adresgroep met alleen nil-velden en een tijdvakGeldigheid met beide einden nil worden niet opgeslagen', () => {
    const afw = new Afwijkingen(true);
    const adres = bg('verblijfsadres', '', [nil(NS.bg, 'wpl.woonplaatsNaam'), nil(NS.bg, 'gor.openbareRuimteNaam'), nil(NS.bg, 'aoa.huisnummer')]);
    expect(namen(opschonen([bg('inp.bsn', '111222333'), adres], BETROKKENE_VORM.NPS, 'p', afw))).toEqual(['BG:inp.bsn']);
    const tijdvak = x(NS.stuf, 'tijdvakGeldigheid', '', [nil(NS.stuf, 'beginGeldigheid'), nil(NS.stuf, 'eindGeldigheid')]);
    expect(opschonen([tijdvak], ROL_VORM, 'r', afw)).toEqual([]);
    const metBegin = x(NS.stuf, 'tijdvakGeldigheid', '', [x(NS.stuf, 'beginGeldigheid', '20240101'), nil(NS.stuf, 'eindGeldigheid')]);
    expect(opschonen([metBegin], ROL_VORM, 'r', afw)[0].children.map((c) => c.local)).toEqual(['beginGeldigheid', 'eindGeldigheid']);
    expect(afw.lijst).toEqual([]);
  });

  it('een tijdvakRelatie zonder beginRelatie (het schema eist die) is een afwijking, geen stille weglating', () => {
    const afw = new Afwijkingen(false);
    expect(opschonen([x(NS.stuf, 'tijdvakRelatie', '', [x(NS.stuf, 'eindRelatie', '20240101')])], ROL_VORM, 'r', afw)).toEqual([]);
    expect(afw.lijst).toEqual(['r/tijdvakRelatie: beginRelatie ontbreekt; tijdvakRelatie niet opgeslagen']);
  });
});

describe('relatieZonderWaarde', () => {
  const rel = (...kinderen: XElement[]) => zkn('heeftBetrekkingOpAndere', '', kinderen, [{ ns: NS.stuf, local: 'verwerkingssoort', value: 'T' }]);
  const ET = [{ ns: NS.stuf, local: 'entiteittype', value: 'ZAK' }];

  it('nil, een nil gerelateerde of een gerelateerde zonder waarde noemt niets', () => {
    const afw = new Afwijkingen(true);
    expect(relatieZonderWaarde(nil(NS.zkn, 'heeftAlsInitiator'), undefined, 'r', afw)).toBe(true);
    expect(relatieZonderWaarde(rel(nil(NS.zkn, 'gerelateerde')), undefined, 'r', afw)).toBe(true);
    expect(relatieZonderWaarde(rel(zkn('gerelateerde', '', [nil(NS.zkn, 'identificatie')], ET)), 'ZAK', 'r', afw)).toBe(true);
    expect(relatieZonderWaarde(rel(zkn('gerelateerde', '', [zkn('identificatie', '0599-1')], ET)), 'ZAK', 'r', afw)).toBe(false);
    expect(afw.lijst).toEqual([]);
  });

  it('een lege gerelateerde zonder het entiteittype dat zijn type eist: lenient gelezen, strict geweigerd', () => {
    const afw = new Afwijkingen(false);
    expect(relatieZonderWaarde(rel(zkn('gerelateerde')), 'ZAK', 'r', afw)).toBe(true);
    expect(afw.lijst).toEqual(["r/gerelateerde: StUF:entiteittype ontbreekt (verwacht ZAK)"]);
    expect(() => relatieZonderWaarde(rel(zkn('gerelateerde')), 'ZAK', 'r', new Afwijkingen(true))).toThrow(StufFout);
    // A betrokkene gerelateerde carries no entiteittype: empty is schema-valid, in both modes.
    expect(relatieZonderWaarde(rel(zkn('gerelateerde')), undefined, 'r', new Afwijkingen(true))).toBe(true);
  });
});
