#!/usr/bin/python3
"""Writes xsd/gateway-zkn-vraagscope.xsd and xsd/gateway-bg-vraagscope.xsd: the scope of a zaak question
(ZKN:ZAK-vraagScope) and every type it uses, as the official ZDS 1.2 schemas define them, so typed clients (zeep,
JAX-WS, strong-soap) build a scope field by field instead of as raw XML.

Run by hand when the official schemas change:  /usr/bin/python3 scripts/vraagScopeTypen.py ../shared/schemas/zds12
(needs lxml; Debian's python3-lxml, which python3-zeep pulls in).

What it keeps and what it simplifies, and why:
- Element names, order, nesting, minOccurs/maxOccurs, nillable, choices and the StUF attributes of every complex type
  are the official ones: they are what a client's generated classes are made of.
- Types derived by restriction are written out flat (a restriction restates its whole content model; attributes come
  from the base unless prohibited). Types derived by extension get the base's content in front of their own.
- A value element (simple content) is a Vraagveld whatever its official value type: in a scope an element is asked
  for by being present, usually empty with xsi:nil, and its value is never read, so a stricter type would only refuse
  scopes the gateway understands.
- GML geometry (anderZaakObject/lokatie, an object's geometrie) is any content: a scope names it, nil, and the
  gateway returns geometry as it received it.
"""
import glob
import os
import sys
from collections import OrderedDict

from lxml import etree

XS = 'http://www.w3.org/2001/XMLSchema'
STUF = 'http://www.egem.nl/StUF/StUF0301'
ZKN = 'http://www.egem.nl/StUF/sector/zkn/0310'
BG = 'http://www.egem.nl/StUF/sector/bg/0310'
PREFIX = {STUF: 'StUF', ZKN: 'ZKN', BG: 'BG', XS: 'xs'}
# The global StUF elements and attributes our gateway-stuf.xsd declares; a scope uses only these.
STUF_ELEMENTEN = {'tijdvakGeldigheid', 'tijdstipRegistratie', 'tijdvakRelatie', 'tijdvakObject', 'extraElementen'}
STUF_ATTRIBUTEN = {'entiteittype', 'noValue', 'scope', 'sleutelVerzendend', 'sleutelOntvangend', 'sleutelGegevensbeheer',
                   'metagegeven', 'indOnvolledigeDatum', 'exact', 'verwerkingssoort', 'bestandsnaam', 'sleutelSynchronisatie',
                   'aantalVoorkomens', 'aardAantal'}
# The official type names we have a (stricter or looser) type of our own for: the generated one is renamed.
START = (ZKN, 'ZAK-vraagScope')
ONTBREKEND = set()


def eigen_typenamen(bestand):
    root = etree.parse(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'xsd', bestand)).getroot()
    return {c.get('name') for c in root if c.get('name') and c.tag in (x('complexType'), x('simpleType'))}


def x(tag):
    return f'{{{XS}}}{tag}'


class Schemas:
    def __init__(self, map_):
        self.typen = {}
        self.groepen = {}
        self.attribuutgroepen = {}
        for f in sorted(glob.glob(os.path.join(map_, '**', '*.xsd'), recursive=True)):
            root = etree.parse(f).getroot()
            tns = root.get('targetNamespace')
            for c in root:
                naam = c.get('name')
                if not naam:
                    continue
                sleutel = (tns, naam)
                if c.tag in (x('complexType'), x('simpleType')):
                    self.typen.setdefault(sleutel, c)
                elif c.tag == x('group'):
                    self.groepen.setdefault(sleutel, c)
                elif c.tag == x('attributeGroup'):
                    self.attribuutgroepen.setdefault(sleutel, c)

    @staticmethod
    def qname(el, waarde):
        prefix, _, lokaal = waarde.rpartition(':')
        return (el.nsmap.get(prefix or None), lokaal)


class Generator:
    def __init__(self, schemas):
        self.s = schemas
        self.uit = {ZKN: OrderedDict(), BG: OrderedDict()}
        self.bezig = set()
        # Names our own schemas already use (for the stricter types of kennisgevingen and answers): a generated type
        # of the same name gets the suffix -vraag. ZAK-vraagScope itself is defined here only.
        self.bezet = {ns: eigen_typenamen(bestand) - {'ZAK-vraagScope'} for ns, bestand in ((ZKN, 'gateway-zkn.xsd'), (BG, 'gateway-bg.xsd'))}

    # ---- what kind of type ------------------------------------------------------------------------------------
    def is_waarde(self, sleutel):
        """Simple content: a builtin, a simpleType, or a complexType with simpleContent (directly or by derivation)."""
        if sleutel[0] == XS:
            return True
        t = self.s.typen.get(sleutel)
        if t is None:
            raise KeyError(sleutel)
        if t.tag == x('simpleType'):
            return True
        if t.find(x('simpleContent')) is not None:
            return True
        cc = t.find(x('complexContent'))
        if cc is not None:
            afl = cc[0] if cc[0].tag in (x('restriction'), x('extension')) else None
            if afl is not None and afl.find(x('sequence')) is None and afl.find(x('choice')) is None and afl.find(x('group')) is None:
                return self.is_waarde(self.s.qname(afl, afl.get('base'))) if afl.get('base') else False
        return False

    # ---- content and attributes of a complex type --------------------------------------------------------------
    def inhoud(self, t):
        """The model group (sequence/choice element) and the attribute declarations, flattened over derivation."""
        cc = t.find(x('complexContent'))
        if cc is None:
            groep = next((c for c in t if c.tag in (x('sequence'), x('choice'), x('group'), x('all'))), None)
            return [groep] if groep is not None else [], self.attributen(t)
        afl = next(c for c in cc if c.tag in (x('restriction'), x('extension')))
        basis = self.s.typen[self.s.qname(afl, afl.get('base'))]
        basis_groepen, basis_attr = self.inhoud(basis)
        eigen = [c for c in afl if c.tag in (x('sequence'), x('choice'), x('group'), x('all'))]
        attr = OrderedDict(basis_attr)
        for k, v in self.attributen(afl).items():
            attr[k] = v
        if afl.tag == x('restriction'):
            return eigen, OrderedDict((k, v) for k, v in attr.items() if v.get('use') != 'prohibited')
        return basis_groepen + eigen, attr

    def attributen(self, el):
        attr = OrderedDict()
        for c in el:
            if c.tag == x('attribute'):
                sleutel = self.s.qname(c, c.get('ref')) if c.get('ref') else (None, c.get('name'))
                attr[sleutel] = c
            elif c.tag == x('attributeGroup'):
                g = self.s.attribuutgroepen.get(self.s.qname(c, c.get('ref')))
                if g is not None:
                    attr.update(self.attributen(g))
        return attr

    # ---- writing ------------------------------------------------------------------------------------------------
    def typenaam(self, sleutel, bij):
        """The name a generated type gets in our schema (used in namespace bij), and makes sure it is generated."""
        ns, naam = sleutel
        if ns not in (ZKN, BG):
            return f'{PREFIX[bij]}:VrijeVraaginhoud'  # GML and the like
        if ns != bij and bij == BG:
            raise KeyError(f'a BG type uses {naam}: gateway-bg-vraagscope.xsd would have to import ZKN')
        self.genereer(sleutel)
        return f'{PREFIX[ns]}:{self.eigen_naam(sleutel)}'

    def eigen_naam(self, sleutel):
        ns, naam = sleutel
        return f'{naam}-vraag' if naam in self.bezet[ns] else naam

    def genereer(self, sleutel):
        ns, naam = sleutel
        if naam in self.uit[ns] or sleutel in self.bezig:
            return
        self.bezig.add(sleutel)
        t = self.s.typen[sleutel]
        groepen, attr = self.inhoud(t)
        regels = [f'  <xs:complexType name="{self.eigen_naam(sleutel)}">']
        if len(groepen) == 1:
            regels += self.groep(groepen[0], ns, 2)
        elif groepen:
            regels.append('    <xs:sequence>')
            for g in groepen:
                regels += self.groep(g, ns, 3)
            regels.append('    </xs:sequence>')
        regels += self.attribuutregels(attr, 2)
        regels.append('  </xs:complexType>')
        self.uit[ns][naam] = regels
        self.bezig.discard(sleutel)

    @staticmethod
    def aantallen(el, weglaten=()):
        s = ''
        for a in ('minOccurs', 'maxOccurs'):
            if el.get(a) is not None and a not in weglaten:
                s += f' {a}="{el.get(a)}"'
        return s

    def groep(self, g, ns, diepte):
        ind = '  ' * diepte
        if g.tag == x('group'):
            echte = self.s.groepen[self.s.qname(g, g.get('ref'))]
            inner = next(c for c in echte if c.tag in (x('sequence'), x('choice'), x('all')))
            # a group reference with its own occurrence: wrap the group's compositor in a sequence that carries it
            if g.get('minOccurs') is not None or g.get('maxOccurs') is not None:
                return [f'{ind}<xs:sequence{self.aantallen(g)}>'] + self.groep(inner, ns, diepte + 1) + [f'{ind}</xs:sequence>']
            return self.groep(inner, ns, diepte)
        tag = etree.QName(g).localname
        regels = [f'{ind}<xs:{tag}{self.aantallen(g)}>']
        for c in g:
            if c.tag == x('element'):
                regels.append(ind + '  ' + self.element(c, ns))
            elif c.tag in (x('sequence'), x('choice'), x('group')):
                regels += self.groep(c, ns, diepte + 1)
            elif c.tag == x('any'):
                regels.append(f'{ind}  <xs:any namespace="##any" processContents="lax"{self.aantallen(c)}/>')
        regels.append(f'{ind}</xs:{tag}>')
        return regels

    def element(self, el, ns):
        extra = self.aantallen(el)
        if el.get('nillable') == 'true':
            extra = ' nillable="true"' + extra
        if el.get('ref'):
            rns, rnaam = self.s.qname(el, el.get('ref'))
            if rns == STUF and rnaam in STUF_ELEMENTEN:
                return f'<xs:element ref="StUF:{rnaam}"{self.aantallen(el)}/>'
            if rns == STUF:
                ONTBREKEND.add(rnaam)
            # a global element of our own namespace (none occur today): named, any content
            return f'<xs:element name="{rnaam}" type="{PREFIX[ns]}:VrijeVraaginhoud"{extra}/>'
        naam = el.get('name')
        if el.get('type'):
            sleutel = self.s.qname(el, el.get('type'))
            typ = f'{PREFIX[ns]}:Vraagveld' if self.is_waarde(sleutel) else self.typenaam(sleutel, ns)
            return f'<xs:element name="{naam}" type="{typ}"{extra}/>'
        # an anonymous type: only StUF:tijdvakObject-like value wrappers occur in a scope
        return f'<xs:element name="{naam}" type="{PREFIX[ns]}:VrijeVraaginhoud"{extra}/>'

    def attribuutregels(self, attr, diepte):
        ind = '  ' * diepte
        regels = []
        for (ans, anaam), a in attr.items():
            if ans == STUF and anaam in STUF_ATTRIBUTEN:
                s = f'{ind}<xs:attribute ref="StUF:{anaam}"'
                for k in ('use', 'fixed', 'default'):
                    if a.get(k) is not None:
                        s += f' {k}="{a.get(k)}"'
                regels.append(s + '/>')
            elif ans is None or ans not in (STUF,):
                # xlink/gml attributes of geometry: only on VrijeVraaginhoud, which takes any attribute
                continue
            else:
                ONTBREKEND.add(anaam)
        return regels


KOP = '''<?xml version="1.0" encoding="UTF-8"?>
<!--
  GENERATED by scripts/vraagScopeTypen.py from the official ZDS 1.2 schemas (zkn0310_ent_vraagAntwoord.xsd,
  zkn0310_bg0310_ent.xsd): {wat}. Do not edit by hand; run the script again.
  Element names, order, nesting, occurrence, nillable and StUF attributes are the official ones; every value element
  is a Vraagveld (asked for by being present, usually empty with xsi:nil; its value is not read).
  Served from {{{{ADRES}}}}/xsd/{bestand}.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:StUF="http://www.egem.nl/StUF/StUF0301"
           xmlns:BG="http://www.egem.nl/StUF/sector/bg/0310"
           xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310"
           targetNamespace="{tns}"
           elementFormDefault="qualified" attributeFormDefault="unqualified" version="1">
'''

VRAAGVELD = '''  <xs:complexType name="Vraagveld">
    <xs:annotation><xs:documentation>An element of a scope: present means asked for; its value, if any, is not read.</xs:documentation></xs:annotation>
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute ref="StUF:noValue"/>
        <xs:attribute ref="StUF:exact"/>
        <xs:attribute ref="StUF:indOnvolledigeDatum"/>
        <xs:attribute ref="StUF:metagegeven"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
'''

VRIJ = '''  <xs:complexType name="VrijeVraaginhoud">
    <xs:annotation><xs:documentation>Geometry (GML) in a scope: named, usually nil; any content.</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:anyAttribute namespace="##any" processContents="lax"/>
  </xs:complexType>
'''


def main():
    map_ = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'schemas', 'zds12')
    doel = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'xsd')
    g = Generator(Schemas(map_))
    g.genereer(START)
    # The relations our hand-written scopes of gateway-zkn.xsd use (a document's or besluit's zaak, a status's
    # betrokkene, a zaak's zaaktype, a document's besluit and dossier).
    for sleutel in [(ZKN, n) for n in ('ZAK-gerelateerdeVraagScope', 'ZAKSTTBTR-vraagScope', 'ZAKZKT-vraag', 'EDCBSL-vraag', 'EDCSDC-vraag')]:
        g.genereer(sleutel)
    for ns, bestand, wat, eigen in (
        (ZKN, 'gateway-zkn-vraagscope.xsd', 'ZKN:ZAK-vraagScope and the ZKN types it uses', VRAAGVELD + VRIJ),
        (BG, 'gateway-bg-vraagscope.xsd', 'the StUF-BG types ZKN:ZAK-vraagScope uses (persons, establishments, addresses)', VRAAGVELD + VRIJ),
    ):
        tekst = KOP.format(wat=wat, bestand=bestand, tns=ns)
        if ns == BG:
            tekst += '  <xs:import namespace="http://www.egem.nl/StUF/StUF0301" schemaLocation="{{ADRES}}/xsd/gateway-stuf.xsd"/>\n'
        else:
            tekst += '  <xs:import namespace="http://www.egem.nl/StUF/StUF0301" schemaLocation="{{ADRES}}/xsd/gateway-stuf.xsd"/>\n'
            tekst += '  <xs:import namespace="http://www.egem.nl/StUF/sector/bg/0310" schemaLocation="{{ADRES}}/xsd/gateway-bg.xsd"/>\n'
        tekst += '\n' + eigen
        for regels in g.uit[ns].values():
            tekst += '\n'.join(regels) + '\n'
        tekst += '</xs:schema>\n'
        with open(os.path.join(doel, bestand), 'w', encoding='utf-8') as f:
            f.write(tekst)
        print(f'{bestand}: {len(g.uit[ns])} types')
    if ONTBREKEND:
        sys.exit(f'declare these StUF attributes/elements in gateway-stuf.xsd and STUF_ATTRIBUTEN/STUF_ELEMENTEN: {sorted(ONTBREKEND)}')


if __name__ == '__main__':
    main()
