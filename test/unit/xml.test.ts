// Namespace-aware XML: names are resolved to URIs whatever the prefixes, escaping and character rules of XML 1.0 on
// output, and refusal of what a SOAP endpoint must not parse (DOCTYPE, not well-formed, several roots).
import { NS } from '../../src/stuf/namespaces';
import { leesMetStroom } from '../../src/stuf/xmlLezer';
import {
  XElement, XmlSyntaxError, at, attr, child, children, el, escapeAttr, escapeText, isNil, parseXml, path, serialize,
} from '../../src/stuf/xml';

const Z = NS.zkn;
const S = NS.stuf;

/** The names and attributes of a tree as {uri}local, for comparing documents that differ only in prefixes. */
function namen(e: XElement): unknown {
  return [`{${e.ns}}${e.local}`, e.attrs.map((a) => `{${a.ns}}${a.local}=${a.value}`).sort(), e.text, e.children.map(namen)];
}

describe('parseXml: namespaces op URI, nooit op prefix', () => {
  const varianten = {
    ZKN: `<ZKN:object xmlns:ZKN="${Z}" xmlns:StUF="${S}" StUF:entiteittype="ZAK"><ZKN:identificatie>1</ZKN:identificatie></ZKN:object>`,
    'kleine letters': `<zkn:object xmlns:zkn="${Z}" xmlns:stuf="${S}" stuf:entiteittype="ZAK"><zkn:identificatie>1</zkn:identificatie></zkn:object>`,
    ns2: `<ns2:object xmlns:ns2="${Z}" xmlns:ns3="${S}" ns3:entiteittype="ZAK"><ns2:identificatie>1</ns2:identificatie></ns2:object>`,
    'default namespace': `<object xmlns="${Z}" xmlns:StUF="${S}" StUF:entiteittype="ZAK"><identificatie>1</identificatie></object>`,
    'declaratie per element (JAXB-stijl)': `<a:object xmlns:a="${Z}" xmlns:b="${S}" b:entiteittype="ZAK"><c:identificatie xmlns:c="${Z}">1</c:identificatie></a:object>`,
    'prefix opnieuw gebonden': `<x:object xmlns:x="${Z}" xmlns:y="${S}" y:entiteittype="ZAK"><y:identificatie xmlns:y="${Z}">1</y:identificatie></x:object>`,
  };

  it.each(Object.entries(varianten))('%s geeft dezelfde boom', (_naam, xml) => {
    const e = parseXml(xml);
    expect(namen(e)).toEqual(namen(parseXml(varianten.ZKN)));
    expect(child(e, 'identificatie', Z)?.text).toBe('1');
    expect(attr(e, S, 'entiteittype')).toBe('ZAK');
  });

  it('een default namespace geldt voor elementen, niet voor attributen', () => {
    const e = parseXml(`<object xmlns="${Z}" naam="x"><kind/></object>`);
    expect(e.ns).toBe(Z);
    expect(e.children[0].ns).toBe(Z);
    expect(e.attrs).toEqual([{ ns: '', local: 'naam', value: 'x' }]);
  });

  it('xmlns="" heft de default namespace op', () => {
    const e = parseXml(`<a xmlns="${Z}"><b xmlns=""><c/></b><d/></a>`);
    expect(e.children.map((c) => c.ns)).toEqual(['', Z]);
    expect(e.children[0].children[0].ns).toBe('');
  });

  it('de binding van een prefix geldt alleen binnen het element dat hem declareert', () => {
    const e = parseXml(`<r xmlns:p="urn:een"><a xmlns:p="urn:twee"><p:x/></a><p:y/></r>`);
    expect(e.children[0].children[0].ns).toBe('urn:twee');
    expect(e.children[1].ns).toBe('urn:een');
  });

  it('attribuut-namespaces: geprefixt via de binding, ongeprefixt zonder namespace, xml: vooraf gebonden', () => {
    const e = parseXml(`<a xmlns:s="${S}" xmlns:i="${NS.xsi}" s:noValue="geenWaarde" i:nil="true" naam="n" xml:lang="nl"/>`);
    expect(attr(e, S, 'noValue')).toBe('geenWaarde');
    expect(attr(e, '', 'noValue')).toBeUndefined();
    expect(attr(e, '', 'naam')).toBe('n');
    expect(attr(e, NS.xml, 'lang')).toBe('nl');
    expect(isNil(e)).toBe(true);
    expect(isNil(parseXml(`<a xmlns:i="${NS.xsi}" i:nil="1"/>`))).toBe(true);
    expect(isNil(parseXml(`<a xmlns:i="urn:niet-xsi" i:nil="true"/>`))).toBe(false);
  });

  it('een onbekende prefix (element of attribuut) is een fout, geen gok', () => {
    expect(() => parseXml('<p:a/>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a q:b="1"/>')).toThrow(/namespace-prefix 'q'/);
    // Prefixes are case-sensitive: zkn is not ZKN.
    expect(() => parseXml(`<a xmlns:zkn="${Z}"><ZKN:b/></a>`)).toThrow(/ZKN/);
  });
});

describe('parseXml: de regels van Namespaces in XML 1.0', () => {
  it.each([
    ['een prefix ongedaan maken (xmlns:p="")', '<a xmlns:p="urn:x"><b xmlns:p=""/></a>'],
    ['hetzelfde attribuut via twee prefixen', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:b="1" q:b="2"/>'],
    ['de prefix xml aan een andere namespace', '<a xmlns:xml="urn:x"/>'],
    ['een andere prefix aan de XML-namespace', '<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>'],
    ['de prefix xmlns declareren', '<a xmlns:xmlns="urn:x"/>'],
    ['een element met de prefix xmlns', '<xmlns:a xmlns:xmlns="urn:x"/>'],
    ['twee dubbele punten in een naam', '<a xmlns:p="urn:x"><p:b:c/></a>'],
    ['een lege prefix', '<:a/>'],
  ])('geweigerd: %s', (_naam, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });

  it('de fout zegt waar: regel en kolom', () => {
    expect(() => parseXml('<a>\n<b>\n</a>')).toThrow(/regel 3, kolom/);
  });

  it('ook in een groot bericht dat in stukken gelezen wordt, over de grenzen van de stukken heen', () => {
    const regels = '\n'.repeat(300_000);
    expect(() => parseXml(`<a>${regels}<b>\n  &onbekend;</b></a>`)).toThrow(/regel 300002, kolom \d+\): undefined entity/);
    expect(() => leesMetStroom(`<a>\n  &onbekend;</a>`)).toThrow(/regel 2, kolom/);
  });
});

describe('parseXml: tekst', () => {
  it('de vijf XML-entiteiten en numerieke tekenreferenties worden gedecodeerd, in tekst en attributen', () => {
    const e = parseXml('<a t="caf&#233; &lt;&amp;&gt;">caf&#233; &#xE9; &#x1F6B2; &lt;&amp;&gt;&quot;&apos;</a>');
    expect(e.text).toBe('café é 🚲 <&>"\'');
    expect(attr(e, '', 't')).toBe('café <&>');
  });

  it('in één slag: &amp;#233; blijft de tekst "&#233;"', () => {
    expect(parseXml('<a>&amp;#233; &#38;lt;</a>').text).toBe('&#233; &lt;');
  });

  it.each(['x&#1;y', '&#x1F;', '&#0;', '&#xFFFE;', 'a\u0000b', 'a\u0001b', '\uFFFF'])('een teken dat XML 1.0 verbiedt is een fout, ook als referentie: %j', (t) => {
    expect(() => parseXml(`<a>${t}</a>`)).toThrow(XmlSyntaxError);
  });

  it('CDATA is letterlijke tekst', () => {
    expect(parseXml('<a><![CDATA[Aanvraag <met> & &#233; tekens]]></a>').text).toBe('Aanvraag <met> & &#233; tekens');
  });

  it('witruimte rond tekst valt weg, binnenin blijft ze; emoji blijven heel', () => {
    expect(parseXml('<a>\n  twee  woorden 🚲\n</a>').text).toBe('twee  woorden 🚲');
  });

  it('een BOM en een XML-declaratie met encoding zijn geen probleem', () => {
    expect(parseXml('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<a>x</a>').text).toBe('x');
  });

  it('commentaar en processing instructions doen niet mee', () => {
    const e = parseXml('<?xml version="1.0"?><!-- voor --><a><!-- c --><b/><?pi x?></a><!-- na -->');
    expect(e.children.map((c) => c.local)).toEqual(['b']);
  });
});

describe('parseXml: weigeren', () => {
  it.each([
    ['DOCTYPE vooraan', '<!DOCTYPE a><a/>'],
    ['DOCTYPE na de declaratie', '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['DOCTYPE na meer dan 4 kB commentaar', `<?xml version="1.0"?><!--${'x'.repeat(5000)}--><!DOCTYPE a [<!ENTITY e "BOEM">]><a>&e;</a>`],
    ['XXE', '<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>'],
    ['billion laughs', '<!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;">]><a>&l2;</a>'],
    ['DOCTYPE midden in het document', '<a><!DOCTYPE b [<!ENTITY e "x">]>&e;</a>'],
  ])('%s', (_naam, xml) => {
    expect(() => parseXml(xml)).toThrow('DOCTYPE is niet toegestaan');
  });

  it.each([
    ['doctype in kleine letters (geen XML)', '<!doctype a><a/>'],
    ['commentaar met <![CDATA[ vóór een DOCTYPE', '<!--<![CDATA[--><!DOCTYPE a [<!ENTITY lol9 "x">]><a>&lol9;</a>'],
    ['een niet gedeclareerde entiteit', '<a>&lol9;</a>'],
    [']]> in tekst', '<a>x]]>y</a>'],
    ['een onbekende XML-versie', '<?xml version="1.5"?><a/>'],
    ['XML 1.1', '<?xml version="1.1"?><a/>'],
    ['een processing instruction die niet sluit', '<a><?pi x</a>'],
  ])('geweigerd: %s', (_naam, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });

  it('het woord DOCTYPE in CDATA of commentaar is gewoon tekst', () => {
    expect(parseXml('<a><![CDATA[<!DOCTYPE html>]]></a>').text).toBe('<!DOCTYPE html>');
    expect(parseXml('<!-- <!DOCTYPE a> --><a>x</a>').text).toBe('x');
  });

  it.each([
    ['twee roots', '<a/><b/>'],
    ['twee berichten achter elkaar', '<a>1</a><a>2</a>'],
  ])('meer dan één root-element: %s', (_naam, xml) => {
    expect(() => parseXml(xml)).toThrow(/root|Extra content/);
  });

  it.each([
    ['leeg', ''],
    ['alleen witruimte', '  \n '],
    ['geen XML', 'hallo'],
    ['JSON', '{"zaak": 1}'],
    ['niet gesloten', '<a><b></b>'],
    ['verkeerd genest', '<a><b></a></b>'],
    ['kaal ampersand', '<a>a & b</a>'],
    ['dubbel attribuut', '<a x="1" x="2"/>'],
    ['afgebroken bericht', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><ZKN:zakLk01'],
    ['declaratie niet vooraan', '  <?xml version="1.0"?><a/>'],
  ])('niet well-formed: %s', (_naam, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });
});

describe('twee leesmotoren, één contract: in één keer (klein) en als stroom (groot) geven dezelfde boom of allebei een fout', () => {
  const uitkomst = (lees: (s: string) => XElement, xml: string) => {
    try {
      return namen(lees(xml));
    } catch (e) {
      expect(e).toBeInstanceOf(XmlSyntaxError);
      return 'geweigerd';
    }
  };
  it.each([
    ['tekst en CDATA', '<a>x <![CDATA[<y>]]> z</a>'],
    ['regeleinden CRLF en CR', '<a>r1\r\nr2\rr3</a>'],
    ['attribuutwaarden genormaliseerd', '<a t="x\ty\nz&#10;w"/>'],
    ['entiteiten en referenties', '<a t="&lt;&#x41;">&amp;&#233;&#x1F6B2;&quot;&apos;</a>'],
    ['commentaar en PI', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!-- c --><a><?pi x?>t<!--d--></a><!-- e -->'],
    ['BOM', '\uFEFF<a/>'],
    ['twee BOMs', '\uFEFF\uFEFF<a/>'],
    ['-- in commentaar', '<a><!-- x -- y --></a>'],
    ['<?xml midden in', '<a><?xml version="1.0"?></a>'],
    ['xml-declaratie zonder versie', '<?xml encoding="UTF-8"?><a/>'],
    ['standalone=maybe', '<?xml version="1.0" standalone="maybe"?><a/>'],
    ['versie 1.1', '<?xml version="1.1"?><a/>'],
    ['referentie naar een surrogaat', '<a>&#xD800;</a>'],
    ['referentie buiten Unicode', '<a>&#x110000;</a>'],
    ['ongeldige referentie', '<a>&#xZZ;</a>'],
    ['lt in attribuut', '<a t="<"/>'],
    ['ongequote attribuut', '<a t=x/>'],
    ['tekst na de root', '<a/>x'],
    ['tekst voor de root', 'x<a/>'],
    ['lege root-naam', '<>x</>'],
    ['naam met cijfer vooraan', '<1a/>'],
    ['niet gesloten commentaar', '<a><!-- x</a>'],
    ['niet gesloten CDATA', '<a><![CDATA[x</a>'],
    ['DOCTYPE met entiteit', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['niet gedeclareerde entiteit in attribuut', '<a t="&e;"/>'],
    ['dubbele punt in lokale naam', '<a xmlns:p="urn:x"><p:b:c/></a>'],
    ['xmlns:p leeg', '<a xmlns:p=""/>'],
    ['namespaces en default', `<a xmlns="${Z}" xmlns:s="${S}" s:x="1"><b xmlns=""><c/></b></a>`],
    ['zelfde attribuut via twee prefixen', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:b="1" q:b="2"/>'],
    ['witruimte rond alles', ' \n<a> x </a>\n '],
  ])('%s', (_naam, xml) => {
    expect(uitkomst(leesMetStroom, xml)).toEqual(uitkomst(parseXml, xml));
  });
});

describe('navigatie', () => {
  const e = parseXml(`<r xmlns:z="${Z}" xmlns:s="${S}"><z:a>1</z:a><s:a>2</s:a><z:b><z:c>3</z:c></z:b></r>`);

  it('child/children met of zonder namespace', () => {
    expect(child(e, 'a')?.text).toBe('1');
    expect(child(e, 'a', S)?.text).toBe('2');
    expect(children(e, 'a').map((c) => c.text)).toEqual(['1', '2']);
    expect(children(e, 'a', Z).map((c) => c.text)).toEqual(['1']);
    expect(child(undefined, 'a')).toBeUndefined();
    expect(children(undefined, 'a')).toEqual([]);
  });

  it('path volgt lokale namen', () => {
    expect(path(e, 'b', 'c')?.text).toBe('3');
    expect(path(e, 'b', 'x', 'c')).toBeUndefined();
  });
});

describe('escapeText en serialize', () => {
  it('escapet &, < en > in tekst', () => {
    expect(escapeText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });

  it('verwijdert wat XML 1.0 niet toestaat: C0-tekens, U+FFFE/U+FFFF en losse surrogaten; tab, regeleinde en emoji blijven', () => {
    const alleC0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(escapeText(alleC0)).toBe('\t\n\r');
    expect(escapeText('a\uFFFEb\uFFFFc')).toBe('abc');
    expect(escapeText('x\uD83Dy\uDEB2z')).toBe('xyz'); // a high and a low surrogate, each alone
    expect(escapeText('fiets 🚲 en 👨‍👩‍👧')).toBe('fiets 🚲 en 👨‍👩‍👧');
  });

  it('geeft met de snelle weg (niets te doen) voor elk UTF-16-teken hetzelfde als de volledige vervanging', () => {
    const onwettig = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    const volledig = (t: string) => t.replace(onwettig, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const volledigAttr = (t: string) => volledig(t).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
    for (let c = 0; c <= 0xffff; c++) {
      const t = `a${String.fromCharCode(c)}b`;
      expect(escapeText(t)).toBe(volledig(t));
      expect(escapeAttr(t)).toBe(volledigAttr(t));
    }
  });

  it('escapet attribuutwaarden inclusief aanhalingstekens en witruimte', () => {
    const xml = serialize(el('', 'a', undefined, [at('', 'x', 'a"b<c&d\te\nf\rg\u0001h')]));
    expect(xml).toBe('<a x="a&quot;b&lt;c&amp;d&#9;e&#10;f&#13;gh"/>');
    expect(attr(parseXml(xml), '', 'x')).toBe('a"b<c&d\te\nf\rgh');
  });

  it('declareert elke gebruikte namespace eenmaal op de root, met het standaardprefix', () => {
    const xml = serialize(
      el(NS.zds, 'geefZaakdetails_ZakLa01', [
        el(Z, 'object', [el(Z, 'toelichting', undefined, [at(NS.xsi, 'nil', 'true'), at(S, 'noValue', 'geenWaarde')]), el(NS.bg, 'inp.bsn', '111222333')], [at(S, 'entiteittype', 'ZAK')]),
      ]),
    );
    expect(xml).toBe(
      `<ZDS:geefZaakdetails_ZakLa01 xmlns:ZDS="${NS.zds}" xmlns:ZKN="${Z}" xmlns:StUF="${S}" xmlns:xsi="${NS.xsi}" xmlns:BG="${NS.bg}">` +
        '<ZKN:object StUF:entiteittype="ZAK"><ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/><BG:inp.bsn>111222333</BG:inp.bsn></ZKN:object>' +
        '</ZDS:geefZaakdetails_ZakLa01>',
    );
  });

  it('onbekende namespaces krijgen ns1, ns2, ...; ongekwalificeerde elementen geen prefix; xml: wordt niet gedeclareerd', () => {
    const xml = serialize(el('urn:een', 'a', [el('urn:twee', 'b', 'x', [at(NS.xml, 'lang', 'nl')]), el('', 'c', 'y')]));
    expect(xml).toBe('<ns1:a xmlns:ns1="urn:een" xmlns:ns2="urn:twee"><ns2:b xml:lang="nl">x</ns2:b><c>y</c></ns1:a>');
  });

  it('parse → serialize → parse behoudt de boom, ook met lastige tekens', () => {
    const bron = `<zkn:object xmlns:zkn="${Z}" xmlns:stuf="${S}" stuf:entiteittype="ZAK"><zkn:omschrijving>R&amp;D &lt;spoed&gt; "a" 'b' 🚲 caf&#233;</zkn:omschrijving><zkn:leeg/></zkn:object>`;
    const e = parseXml(bron);
    const terug = parseXml(serialize(e));
    expect(namen(terug)).toEqual(namen(e));
    expect(child(terug, 'omschrijving')?.text).toBe('R&D <spoed> "a" \'b\' 🚲 café');
  });

  it('een C0-teken in opgeslagen tekst geeft toch well-formed uitvoer', () => {
    const xml = serialize(el(Z, 'omschrijving', 'bel\u0007 en nul\u0000 🚲'));
    expect(parseXml(xml).text).toBe('bel en nul 🚲');
  });
});
