// What the relations of a zaak may store besides their gerelateerde, and the stored subtrees around them
// (statustype, isGezetDoor, the other zaak of a zaakrelatie) and the groups of the zaak itself (kenmerk,
// anderZaakObject, resultaat, opschorting, verlenging), per the ZKN kennisgeving types (ZAKBTRxxx-, ZAKOBJ-,
// ZAKZAKxxx-, ZAKSTT-kennisgeving, the Grp types). These are echoed in later answers of the zaak.
import { NS } from './namespaces';
import { at } from './xml';
import { AFWIJKEND_ADRES, AFWIJKEND_BUITENLANDS_ADRES, BETROKKENE_VORM } from './betrokkeneVelden';
import {
  EXTRA_ELEMENTEN, TIJDSTIP_REGISTRATIE, TIJDVAK_GELDIGHEID, TIJDVAK_RELATIE, Vorm, VormVeld, datum, groep, keuze, tekst, uitSpec, vorm, weg,
} from './schemaVorm';
import { STATUSTYPE_VOLGNUMMER as VOLGNUMMER, ZAAK_GROEPEN, ZaakGroep } from '../domain/zaak';
import type { VeldSpec } from '../domain/zaak';

const CODE = tekst(NS.zkn, 10);
const OMSCHRIJVING = tekst(NS.zkn, 80);
const TOELICHTING = tekst(NS.zkn, 1000);
const EXTRA: [string, VormVeld] = ['extraElementen', EXTRA_ELEMENTEN];
const entiteit = (et: string, kinderen: Vorm, verplicht?: string[]): VormVeld => ({ ...groep(NS.zkn, kinderen, verplicht), vast: [at(NS.stuf, 'entiteittype', et)] });

/** ZAKBTRxxx: the fields of a role. */
export const ROL_VORM = vorm([
  ['code', CODE], ['omschrijving', OMSCHRIJVING], ['toelichting', TOELICHTING],
  ['afwijkendCorrespondentieAdres', { ...AFWIJKEND_ADRES, sluitUit: ['afwijkendBuitenlandsCorrespondentieAdres'] }],
  ['afwijkendBuitenlandsCorrespondentieAdres', { ...AFWIJKEND_BUITENLANDS_ADRES, sluitUit: ['afwijkendCorrespondentieAdres'] }],
  ['tijdvakRelatie', TIJDVAK_RELATIE], ['tijdvakGeldigheid', TIJDVAK_GELDIGHEID], ['tijdstipRegistratie', TIJDSTIP_REGISTRATIE], EXTRA,
  // Its kennisgeving and antwoord types differ (CTP); not stored.
  ['heeftAlsAanspreekpunt', weg(NS.zkn)],
]);

/** ZAKOBJ: the fields of a zaakobject relation. */
export const OBJ_VORM = vorm([['omschrijving', OMSCHRIJVING], ['tijdvakRelatie', TIJDVAK_RELATIE], ['tijdstipRegistratie', TIJDSTIP_REGISTRATIE], EXTRA]);

/** ZAKZAKBTR / ZAKZAKDEL: the fields of a relation between zaken. */
export const ZAKZAK_VORM = vorm([['tijdvakRelatie', TIJDVAK_RELATIE], ['tijdstipRegistratie', TIJDSTIP_REGISTRATIE], EXTRA]);

/** ZKT kerngegevens, in an isVan. */
const ZKT = vorm([['omschrijving', OMSCHRIJVING], ['code', CODE], ['ingangsdatumObject', weg(NS.zkn)]]);
const IS_VAN = entiteit('ZAKZKT', vorm([['gerelateerde', entiteit('ZKT', ZKT)], ['extraElementen', { ...EXTRA_ELEMENTEN, weg: true }]]), ['gerelateerde']);

/** ZAK-kerngegevensKennisgeving without its identificatie: what a relation tells of the other zaak. */
export const ANDERE_ZAAK_VORM = vorm([['identificatie', weg(NS.zkn)], ['omschrijving', OMSCHRIJVING], ['isVan', IS_VAN]]);

/** STT-kerngegevensKennisgeving: the statustype of a status. */
export const STATUSTYPE_VORM = vorm([
  ['zkt.code', CODE], ['zkt.omschrijving', OMSCHRIJVING], ['volgnummer', uitSpec(NS.zkn, VOLGNUMMER)],
  ['code', CODE], ['omschrijving', OMSCHRIJVING], ['ingangsdatumObject', datum(NS.zkn)],
]);

/** ZAKSTTBTR: who set a status, a medewerker or organisatorische eenheid. */
export const GEZET_DOOR = entiteit('ZAKSTTBTR', vorm([
  ['gerelateerde', groep(NS.zkn, vorm([
    ['medewerker', { ...entiteit('MDW', BETROKKENE_VORM.MDW), sluitUit: ['organisatorischeEenheid'] }],
    ['organisatorischeEenheid', { ...entiteit('OEH', BETROKKENE_VORM.OEH), sluitUit: ['medewerker'] }],
  ]))],
  ['rolOmschrijving', OMSCHRIJVING],
  ['rolomschrijvingGeneriek', keuze(NS.zkn, ['Belanghebbende', 'Gemachtigde', 'Initiator', 'Overig', 'Uitvoerder', 'Verantwoordelijke'])],
  ['tijdvakRelatie', TIJDVAK_RELATIE], ['tijdstipRegistratie', TIJDSTIP_REGISTRATIE], EXTRA,
]), ['gerelateerde']);

/** ZaakobjectGrp (anderZaakObject); lokatie is GML, which we cannot check: not stored. */
export const ANDER_ZAAKOBJECT = groep(NS.zkn, vorm([
  ['omschrijving', OMSCHRIJVING], ['aanduiding', OMSCHRIJVING], ['lokatie', weg(NS.zkn)], ['registratie', tekst(NS.zkn, 50)],
]), ['omschrijving']);

/** KenmerkGrp: both halves or none; a kenmerk without its bron names nothing (and its answer needs both). */
export const KENMERK = groep(NS.zkn, vorm([['kenmerk', tekst(NS.zkn, 40)], ['bron', tekst(NS.zkn, 40)]]), ['kenmerk', 'bron']);

/**
 * ResultaatGrp, OpschortingGrp, VerlengingGrp: any of their fields may be stored alone, the answer gives the others
 * nil (opschorting and verlenging require both, nillable), so none is verplicht here.
 */
export const ZAAK_GROEP_VORMEN = Object.fromEntries(
  (Object.keys(ZAAK_GROEPEN) as ZaakGroep[]).map((g) => [g, groep(NS.zkn, vorm((ZAAK_GROEPEN[g] as readonly VeldSpec[]).map((s): [string, VormVeld] =>
    [s.naam, uitSpec(NS.zkn, s)])))]),
) as Record<ZaakGroep, VormVeld>;
