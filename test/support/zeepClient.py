#!/usr/bin/python3
"""A typed ZDS client, as an integrator would write one with zeep: generated from the WSDLs the gateway serves, every
message built from zeep's types (never raw XML). Used by test/integration/getypeerdeClients.test.ts.

Usage: zeepClient.py BASIS DIALECT UITMAP ZAAKTYPE_CODE ZAAKTYPE_OMSCHRIJVING BSN
  BASIS    http://host:port of a listening gateway
  DIALECT  zds12 or zds11 (rzs: only loads the RZS WSDL and lists its operations)
  UITMAP   every request zeep sends is written there (NN-operation.xml, the whole SOAP envelope)
Prints one JSON object on stdout: the operations per port, and what zeep read from the answers.
"""
import json
import os
import sys
from datetime import datetime

import zeep
from lxml import etree
from zeep import xsd
from zeep.plugins import HistoryPlugin

STUF = 'http://www.egem.nl/StUF/StUF0301'
ZKN = 'http://www.egem.nl/StUF/sector/zkn/0310'
BG = 'http://www.egem.nl/StUF/sector/bg/0310'

# endpoint and its operations per dialect: (genereer, creeer, details)
POORTEN = {
    'zds12': {'vrij': 'VerwerkSynchroonVrijBericht', 'asynchroon': 'OntvangAsynchroon', 'vraag': 'BeantwoordVraag',
              'genereer': 'genereerZaakIdentificatie_Di02', 'creeer': 'creeerZaak_ZakLk01', 'details': 'geefZaakdetails_ZakLv01',
              'query': ''},
    'zds11': {'vrij': 'VrijeBerichten', 'asynchroon': 'OntvangAsynchroon', 'vraag': 'BeantwoordVraag',
              'genereer': 'genereerZaakIdentificatie_Di02', 'creeer': 'creeerZaak_Lk01', 'details': 'geefZaakdetails_Lv01',
              'query': '&dialect=zds11'},
}


class Verzender:
    """One zeep client per served WSDL; writes every request it sends to UITMAP."""

    def __init__(self, basis, uitmap):
        self.basis = basis
        self.uitmap = uitmap
        self.teller = 0

    def client(self, endpoint, query=''):
        geschiedenis = HistoryPlugin()
        client = zeep.Client(f'{self.basis}/{endpoint}?wsdl{query}', plugins=[geschiedenis])
        client.geschiedenis = geschiedenis
        return client

    def roep(self, client, operatie, **velden):
        try:
            return getattr(client.service, operatie)(**velden)
        finally:
            verzonden = client.geschiedenis.last_sent
            if verzonden is not None:
                self.teller += 1
                pad = os.path.join(self.uitmap, f'{self.teller:02d}-{operatie}.xml')
                with open(pad, 'wb') as f:
                    f.write(etree.tostring(verzonden['envelope'], xml_declaration=True, encoding='UTF-8'))


def operaties(client):
    return {poort.name: sorted(poort.binding._operations) for dienst in client.wsdl.services.values() for poort in dienst.ports.values()}


def waarde(veld):
    """The text of an element with StUF attributes (zeep: _value_1), or None when nil/absent."""
    if veld is None:
        return None
    return getattr(veld, '_value_1', veld)


def tijdstip():
    return datetime.now().strftime('%Y%m%d%H%M%S%f')[:17]


def systeem(client, applicatie):
    return client.get_type(f'{{{STUF}}}Systeem')(organisatie='0599', applicatie=applicatie)


def main():
    basis, dialect, uitmap, zkt_code, zkt_omschrijving, bsn = sys.argv[1:7]
    os.makedirs(uitmap, exist_ok=True)
    v = Verzender(basis, uitmap)
    if dialect == 'rzs':
        print(json.dumps({'operaties': operaties(v.client('OntvangAsynchroon', '&dialect=rzs'))}))
        return
    p = POORTEN[dialect]
    vrij, asynchroon, vraag = (v.client(p[k], p['query']) for k in ('vrij', 'asynchroon', 'vraag'))
    uit = {'operaties': {**operaties(vrij), **operaties(asynchroon), **operaties(vraag)}}
    ref = f'ZEEP-{dialect}-{datetime.now().strftime("%H%M%S%f")}'

    # 1. genereerZaakIdentificatie: the zaak's number, read from the Du02 by zeep
    T = vrij.get_type
    antwoord = v.roep(vrij, p['genereer'], stuurgegevens=T(f'{{{STUF}}}Stuurgegevens-Di02-gzi')(
        berichtcode='Di02', zender=systeem(vrij, 'ZEEP'), ontvanger=systeem(vrij, 'ZDSGW'),
        referentienummer=f'{ref}-1', tijdstipBericht=tijdstip(), functie='genereerZaakidentificatie'))
    zaak = waarde(antwoord.zaak.identificatie)
    uit['identificatie'] = zaak

    # 2. creeerZaak with that number: object, zaaktype, initiator (a person) and the first status, all typed
    T = asynchroon.get_type
    kennisgeving = T(f'{{{ZKN}}}{"CreeerZaak-ZAK-kennisgeving" if dialect == "zds12" else "ZAK-kennisgeving"}')
    nps = T(f'{{{BG}}}NatuurlijkPersoon')(
        **{'inp.bsn': bsn, 'geslachtsnaam': 'Jansen', 'voorletters': 'J'}, entiteittype='NPS', verwerkingssoort='T')
    zaakobject = kennisgeving(
        identificatie=zaak, omschrijving='Aanvraag via een getypeerde client', startdatum=datetime.now().strftime('%Y%m%d'),
        registratiedatum=datetime.now().strftime('%Y%m%d'), zaakniveau='1', deelzakenIndicatie='N',
        isVan=T(f'{{{ZKN}}}ZAKZKT')(
            gerelateerde=T(f'{{{ZKN}}}ZKT')(omschrijving=zkt_omschrijving, code=zkt_code, entiteittype='ZKT', verwerkingssoort='I'),
            entiteittype='ZAKZKT', verwerkingssoort='T'),
        heeftAlsInitiator=T(f'{{{ZKN}}}ZAKBTR')(
            gerelateerde=T(f'{{{ZKN}}}BTR-gerelateerde')(natuurlijkPersoon=nps), code='INI',
            entiteittype='ZAKBTRINI', verwerkingssoort='T'),
        entiteittype='ZAK', verwerkingssoort='T')
    v.roep(asynchroon, p['creeer'],
           stuurgegevens=T(f'{{{STUF}}}Stuurgegevens-Lk01')(
               berichtcode='Lk01', zender=systeem(asynchroon, 'ZEEP'), ontvanger=systeem(asynchroon, 'ZDSGW'),
               referentienummer=f'{ref}-2', tijdstipBericht=tijdstip(), entiteittype='ZAK'),
           parameters=T(f'{{{STUF}}}Parameters-Lk01')(mutatiesoort='T', indicatorOvername='V'),
           object=zaakobject if dialect == 'zds12' else [zaakobject])

    # 3. geefZaakdetails with a scope built field by field: elements asked for are nil, relations name what to answer
    T = vraag.get_type
    scope = T(f'{{{ZKN}}}ZAK-vraagScope')(
        identificatie=xsd.Nil, omschrijving=xsd.Nil, startdatum=xsd.Nil, registratiedatum=xsd.Nil, zaakniveau=xsd.Nil,
        isVan=T(f'{{{ZKN}}}ZAKZKT-vraag')(
            gerelateerde=T(f'{{{ZKN}}}ZKT-gerelateerdeVraag')(omschrijving=xsd.Nil, code=xsd.Nil, entiteittype='ZKT'),
            entiteittype='ZAKZKT'),
        heeftAlsInitiator=T(f'{{{ZKN}}}ZAKBTRINI-vraagScope')(
            # The kinds of betrokkene, and inp.bsn / anp.identificatie, are repeating choices in the official types:
            # zeep takes those as _value_1, a list of one-key dicts.
            gerelateerde=T(f'{{{ZKN}}}BTR-gerelateerdeVraagScope')(_value_1=[{
                'natuurlijkPersoon': T(f'{{{BG}}}NPS-zkn-vraag')(_value_1=[{'inp.bsn': xsd.Nil}], geslachtsnaam=xsd.Nil, entiteittype='NPS')}]),
            entiteittype='ZAKBTRINI'),
        entiteittype='ZAK')
    selectie = T(f'{{{ZKN}}}{"GeefZaakdetails-ZAK-vraagSelectie" if dialect == "zds12" else "ZAK-vraagSelectie"}')(
        identificatie=zaak, entiteittype='ZAK')
    antwoord = v.roep(vraag, p['details'],
                      stuurgegevens=T(f'{{{STUF}}}Stuurgegevens-Lv01')(
                          berichtcode='Lv01', zender=systeem(vraag, 'ZEEP'), ontvanger=systeem(vraag, 'ZDSGW'),
                          referentienummer=f'{ref}-3', tijdstipBericht=tijdstip(), entiteittype='ZAK'),
                      parameters=T(f'{{{STUF}}}Parameters-Lv01')(sortering=0, indicatorVervolgvraag=False),
                      gelijk=selectie, scope={'object': scope})
    obj = antwoord.antwoord.object
    obj = obj[0] if isinstance(obj, list) else obj
    initiator = obj.heeftAlsInitiator
    initiator = initiator[0] if isinstance(initiator, list) else initiator
    zaaktype = obj.isVan[0] if isinstance(obj.isVan, list) else obj.isVan
    uit['details'] = {
        'identificatie': waarde(obj.identificatie),
        'omschrijving': waarde(obj.omschrijving),
        'zaaktype': waarde(zaaktype.gerelateerde.code),
        'bsn': waarde(getattr(initiator.gerelateerde.natuurlijkPersoon, 'inp.bsn')),
        'berichtcode': antwoord.stuurgegevens.berichtcode,
    }
    print(json.dumps(uit))


if __name__ == '__main__':
    main()
