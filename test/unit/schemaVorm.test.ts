// The allow-lists that decide what of a received subtree is stored (schemaVorm.ts, betrokkeneVelden.ts and the
// generated object table): namespace and name, values against their type, repetition and choices, and the
// difference between lenient (dropped, recorded) and strict (refused).
import { NS } from '../../src/stuf/namespaces';
import { Afwijkingen } from '../../src/stuf/entiteit';
import { BETROKKENE_VORM } from '../../src/stuf/betrokkeneVelden';
import { leesObject } from '../../src/stuf/objectVorm';
import { opschonen } from '../../src/stuf/schemaVorm';
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
