// The shared value reader's lexical rules: integers and booleans in every form the schema accepts, canonical out;
// and what a nil with noValue nietOndersteund / nietGeautoriseerd in nieuw leaves out.
import { NS } from '../../src/stuf/namespaces';
import { Afwijkingen, canoniekBoolean, canoniekGeheel, leesWaarde, zonderNietGeleverd } from '../../src/stuf/entiteit';
import { StufFout } from '../../src/stuf/fout';
import { XElement } from '../../src/stuf/xml';

const x = (local: string, text = '', children: XElement[] = [], attrs: XElement['attrs'] = []): XElement => ({ ns: NS.zkn, local, attrs, children, text });
const nil = (local: string, noValue?: string): XElement =>
  x(local, '', [], [{ ns: NS.xsi, local: 'nil', value: 'true' }, ...(noValue ? [{ ns: NS.stuf, local: 'noValue', value: noValue }] : [])]);

describe('canoniekGeheel', () => {
  it('accepts sign, leading zeros and surrounding whitespace, and gives the canonical form', () => {
    expect(['01', '+1', ' 1 ', '0001', '1'].map((w) => canoniekGeheel(w, { minimum: 1, maximum: 3 }))).toEqual(['1', '1', '1', '1', '1']);
    expect(['-05', '-0', '+000', '007'].map((w) => canoniekGeheel(w, { cijfers: 3 }))).toEqual(['-5', '0', '0', '7']);
  });

  it('refuses what the type refuses: no integer, outside the bounds, too many significant digits', () => {
    expect(['', '1.0', '1e2', '+-1', '1 2', 'een', '4', '0', '-1'].map((w) => canoniekGeheel(w, { minimum: 1, maximum: 3 }))).toEqual(Array(9).fill(undefined));
    expect(canoniekGeheel('1000', { cijfers: 3 })).toBeUndefined();
    expect(canoniekGeheel('000999', { cijfers: 3 })).toBe('999'); // leading zeros do not count toward totalDigits
    expect(canoniekGeheel('12345678901234567890', {})).toBe('12345678901234567890');
  });
});

describe('canoniekBoolean', () => {
  it('reads the four lexical forms and nothing else', () => {
    expect(['true', 'false', '1', '0', ' true '].map(canoniekBoolean)).toEqual(['true', 'false', 'true', 'false', 'true']);
    expect(['TRUE', 'J', 'ja', ''].map(canoniekBoolean)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('leesWaarde geheel', () => {
  const spec = { naam: 'zaakniveau', soort: 'geheel', minimum: 1, maximum: 3 } as const;
  it('stores the canonical form and refuses naming the rule, not the value, in both modes', () => {
    expect(leesWaarde(x('zaakniveau', '+02'), spec, 'z', new Afwijkingen(true))).toEqual({ w: '2' });
    for (const strikt of [true, false]) {
      try {
        leesWaarde(x('zaakniveau', '7'), spec, 'object/zaakniveau', new Afwijkingen(strikt));
        throw new Error('niet geweigerd');
      } catch (e) {
        expect(e).toBeInstanceOf(StufFout);
        expect((e as StufFout).details).toBe('object/zaakniveau: waarde is geen geheel getal van 1 tot en met 3');
      }
    }
  });
});

describe('zonderNietGeleverd', () => {
  it('leaves out nil elements with nietOndersteund or nietGeautoriseerd, and groups left empty by that; notes paths only', () => {
    const afw = new Afwijkingen(true);
    const obj = x('object', '', [
      x('omschrijving', 'Geheim'), nil('toelichting', 'nietOndersteund'), nil('einddatum', 'geenWaarde'), nil('publicatiedatum'),
      x('verlenging', '', [nil('duur', 'nietGeautoriseerd'), x('reden', 'r')]),
      x('opschorting', '', [nil('indicatie', 'nietOndersteund'), nil('reden', 'nietOndersteund')]),
    ]);
    const { object, zwijgtOver } = zonderNietGeleverd(obj, 'object', afw);
    expect(object.children.map((c) => `${c.local}:${c.children.map((k) => k.local).join('+')}`))
      .toEqual(['omschrijving:', 'einddatum:', 'publicatiedatum:', 'verlenging:reden']);
    expect([...zwijgtOver]).toEqual(['toelichting', 'opschorting']);
    expect(obj.children).toHaveLength(6); // the message itself is left as received
    expect(afw.lijst).toEqual([]);
    expect(afw.notities).toEqual(['niet geleverd, opgeslagen waarde blijft: object/toelichting (nietOndersteund), object/verlenging/duur (nietGeautoriseerd), object/opschorting/indicatie (nietOndersteund), object/opschorting/reden (nietOndersteund)']);
    expect(afw.notities.join(' ')).not.toContain('Geheim');
  });

  it('returns the object itself when nothing says nothing', () => {
    const obj = x('object', '', [nil('toelichting', 'waardeOnbekend')]);
    const afw = new Afwijkingen(false);
    expect(zonderNietGeleverd(obj, 'object', afw).object).toBe(obj);
    expect(afw.notities).toEqual([]);
  });
});
