// The fields of betrokkenen as the BG and ZKN schemas define them (NPS/NNP/VES-zkn-basis in BG, MDW/OEH-basis in
// ZKN, with the address groups of zkn0310_bg0310_ent). A betrokkene is one record shared by every zaak that names
// it, and we return its fields in every later answer: only what is listed here is stored, in its own namespace,
// with a value its type can carry.
import { NS } from './namespaces';
import {
  EXTRA_ELEMENTEN, TIJDSTIP_REGISTRATIE, TIJDVAK_GELDIGHEID, Vorm, VormVeld, authentiek, datum, groep, keuze, patroon, tekst, uitSpec, vorm, weg,
} from './schemaVorm';
import type { BetrokkeneSoort, VeldSpec } from '../domain/zaak';

const t = (naam: string, max: number): VeldSpec => ({ naam, soort: 'tekst', max });
const d = (naam: string): VeldSpec => ({ naam, soort: 'datum' });
const k = (naam: string, waarden: string[]): VeldSpec => ({ naam, soort: 'keuze', waarden });
const p = (naam: string, re: RegExp, uitleg: string): VeldSpec => ({ naam, soort: 'tekst', patroon: re, uitleg });

const CONTACT = [t('sub.telefoonnummer', 20), t('sub.faxnummer', 20), t('sub.emailadres', 254), { naam: 'sub.rekeningnummerBankGiro', soort: 'geheel', minimum: 1, cijfers: 10 } as VeldSpec];
const ANP = p('anp.identificatie', /^\d{17}$/, '17 cijfers');

/** The simple fields per soort (authentiek apart: it needs StUF:metagegeven). */
const SPECS: Record<BetrokkeneSoort, VeldSpec[]> = {
  NPS: [
    p('inp.bsn', /^\d{9}$/, 'BSN van 9 cijfers'), ANP, t('geslachtsnaam', 200), t('voorvoegselGeslachtsnaam', 10), t('voorletters', 20),
    t('voornamen', 200), k('aanduidingNaamgebruik', ['E', 'N', 'P', 'V']), t('geslachtsnaamPartner', 200),
    t('voorvoegselGeslachtsnaamPartner', 10), t('aanhefAanschrijving', 50), t('voornamenAanschrijving', 200),
    t('geslachtsnaamAanschrijving', 200),
    k('adellijkeTitelPredikaat', ['Baron', 'Barones', 'Graaf', 'Gravin', 'Hertog', 'Hertogin', 'Jonkheer', 'Jonkvrouw', 'Markies', 'Markiezin', 'Prins', 'Prinses', 'Ridder']),
    k('geslachtsaanduiding', ['M', 'V', 'O']), d('geboortedatum'), d('overlijdensdatum'), t('acd.code', 3), ...CONTACT,
  ],
  NNP: [
    p('ann.identificatie', /^\d{17}$/, '17 cijfers'), p('inn.nnpId', /^\d{9}$/, '9 cijfers'),
    k('sub.typering', ['Ingeschreven niet-natuurlijk persoon', 'Ander buitenlands niet-natuurlijk persoon']),
    t('statutaireNaam', 500), t('inn.rechtsvorm', 100), d('datumAanvang'), d('datumEinde'), ...CONTACT,
  ],
  VES: [p('vestigingsNummer', /^.{12}$/, 'vestigingsnummer van 12 tekens'), t('handelsnaam', 200), d('datumAanvang'), d('datumEinde'), ...CONTACT],
  MDW: [
    t('identificatie', 24), t('achternaam', 200), t('voorletters', 20), t('voorvoegselAchternaam', 10), t('roepnaam', 30),
    k('geslachtsaanduiding', ['M', 'V', 'O']), t('functie', 50), d('datumUitDienst'), t('telefoonnummer', 20),
    t('emailadres', 254), t('toelichting', 1000),
  ],
  OEH: [
    t('identificatie', 24), t('naam', 50), t('naamVerkort', 25), t('omschrijving', 80), t('toelichting', 1000), t('telefoonnummer', 20),
    t('faxnummer', 20), t('emailadres', 254), d('ingangsdatumObject'), d('einddatumObject'),
  ],
};

// ---- address groups (BG) ----------------------------------------------------------------------------------

const OBJECTNUMMER = patroon(NS.bg, /^.{16}$/, 'objectnummer van 16 tekens');
const POSTCODE = patroon(NS.bg, /^[1-9][0-9]{3}[A-Z]{0,2}$/, 'postcode');
// BG:Huisnummering, positiveInteger up to 99999: every lexical form ('012', '+12'), stored canonical.
const HUISNUMMER = uitSpec(NS.bg, { naam: 'huisnummer', soort: 'geheel', minimum: 1, maximum: 99999 });
const HUISLETTER = patroon(NS.bg, /^[a-zA-Z]$/, 'huisletter');
const TOEVOEGING = patroon(NS.bg, /^[a-zA-Z0-9]{1,4}$/, 'huisnummertoevoeging (hoogstens 4 letters of cijfers)');
const ADRES_BUITENLAND = tekst(NS.bg, 35);

/** VerblijfsadresGrp-zkn-basis (verblijfsadres, bezoekadres). */
const VERBLIJFSADRES = groep(NS.bg, vorm([
  ['aoa.identificatie', OBJECTNUMMER], ['authentiek', authentiek(NS.bg)], ['wpl.woonplaatsNaam', tekst(NS.bg, 80)],
  ['gor.openbareRuimteNaam', tekst(NS.bg, 80)], ['gor.straatnaam', tekst(NS.bg, 24)], ['aoa.postcode', POSTCODE],
  ['aoa.huisnummer', HUISNUMMER], ['aoa.huisletter', HUISLETTER], ['aoa.huisnummertoevoeging', TOEVOEGING],
  ['inp.locatiebeschrijving', tekst(NS.bg, 35)],
]));

/** VerblijfBuitenlandGrp-zkn; `metLandcode` for the plain VerblijfBuitenlandGrp of an afwijkend adres. */
const buitenland = (metLandcode: boolean) => groep(NS.bg, vorm([
  ...(metLandcode ? [['lnd.landcode', patroon(NS.bg, /^\d{1,4}$/, 'landcode (hoogstens 4 cijfers)')] as [string, VormVeld]] : []),
  ['lnd.landnaam', tekst(NS.bg, 40)], ['sub.adresBuitenland1', ADRES_BUITENLAND], ['sub.adresBuitenland2', ADRES_BUITENLAND], ['sub.adresBuitenland3', ADRES_BUITENLAND],
]));

/** CorrespondentieAdresGrp-zkn-basis; `basis` adds what the plain CorrespondentieAdresGrp-basis (afwijkend adres) has. */
const correspondentieadres = (basis: boolean) => groep(NS.bg, vorm([
  ...(basis ? [['typering', weg(NS.bg)] as [string, VormVeld]] : []),
  ['wpl.woonplaatsNaam', tekst(NS.bg, 80)],
  ...(basis ? [['aoa.woonplaatsWaarinGelegen', weg(NS.bg)] as [string, VormVeld]] : []),
  ['postcode', POSTCODE], ['aoa.identificatie', OBJECTNUMMER], ['authentiek', authentiek(NS.bg)],
  ...(basis ? [['wpl.identificatie', weg(NS.bg)], ['opr.identificatie', OBJECTNUMMER]] as [string, VormVeld][] : []),
  ['gor.openbareRuimteNaam', tekst(NS.bg, 80)], ['gor.straatnaam', tekst(NS.bg, 24)], ['aoa.huisnummer', HUISNUMMER],
  ['aoa.huisletter', HUISLETTER], ['aoa.huisnummertoevoeging', TOEVOEGING],
  ['sub.postadresType', keuze(NS.bg, ['A', 'P'])], ['sub.postadresNummer', HUISNUMMER],
]));

/** The afwijkend adres of a role (ZKN element, BG children). */
export const AFWIJKEND_ADRES = { ...correspondentieadres(true), ns: NS.zkn };
export const AFWIJKEND_BUITENLANDS_ADRES = { ...buitenland(true), ns: NS.zkn };

// ---- per soort --------------------------------------------------------------------------------------------

const ns = (soort: BetrokkeneSoort) => (soort === 'MDW' || soort === 'OEH' ? NS.zkn : NS.bg);
const velden = (soort: BetrokkeneSoort): [string, VormVeld][] => SPECS[soort].map((s) => [s.naam, uitSpec(ns(soort), s)]);
const na = (lijst: [string, VormVeld][], naam: string, extra: [string, VormVeld][]) => {
  const i = lijst.findIndex(([n]) => n === naam) + 1;
  return [...lijst.slice(0, i), ...extra, ...lijst.slice(i)];
};

const NPS = na(velden('NPS'), 'inp.bsn', [['authentiek', authentiek(NS.bg)]]);
const NNP = na(velden('NNP'), 'inn.nnpId', [['authentiek', authentiek(NS.bg)]]);
const VES = na(velden('VES'), 'vestigingsNummer', [['authentiek', authentiek(NS.bg)]]);
const ADRESSEN = (...namen: string[]): [string, VormVeld][] => namen.map((n): [string, VormVeld] => [n,
  n === 'sub.verblijfBuitenland' ? buitenland(false) : n === 'sub.correspondentieAdres' ? correspondentieadres(false) : VERBLIJFSADRES]);
const EXTRA: [string, VormVeld] = ['extraElementen', EXTRA_ELEMENTEN];
const HISTORIE: [string, VormVeld][] = [['tijdvakGeldigheid', { ...TIJDVAK_GELDIGHEID, weg: true }], ['tijdstipRegistratie', { ...TIJDSTIP_REGISTRATIE, weg: true }]];

/** maxOccurs above 1 and the xs:choice branches of the kennisgeving types (kerngegevensKennisgeving: one branch). */
const regels = (lijst: [string, VormVeld][], sluitUit: [string, string][], max: Record<string, number> = {}): [string, VormVeld][] =>
  lijst.map(([naam, v]) => {
    const uit = sluitUit.flatMap(([a, b]) => (a === naam ? [b] : b === naam ? [a] : []));
    return [naam, { ...v, ...(uit.length ? { sluitUit: uit } : {}), ...(max[naam] ? { max: max[naam] } : {}) }];
  });

const BETROKKENE_VELDEN: Record<BetrokkeneSoort, [string, VormVeld][]> = {
  NPS: [...NPS, ...ADRESSEN('verblijfsadres', 'sub.verblijfBuitenland', 'sub.correspondentieAdres'), EXTRA],
  NNP: [...NNP, ...ADRESSEN('sub.correspondentieAdres', 'bezoekadres', 'sub.verblijfBuitenland'), EXTRA, ['oefentActiviteitenUitVoor', weg(NS.bg)]],
  VES: [...VES, ...ADRESSEN('verblijfsadres', 'sub.verblijfBuitenland', 'sub.correspondentieAdres'), EXTRA, ['oefentActiviteitenUitVoor', weg(NS.bg)]],
  MDW: [...velden('MDW'), ...HISTORIE, EXTRA, ...['historieMaterieel', 'historieFormeel', 'hoortBij', 'isVerantwoordelijkVoor', 'isContactpersoonVoor'].map((n): [string, VormVeld] => [n, weg(NS.zkn)])],
  OEH: [...velden('OEH'), ...HISTORIE, EXTRA, ...['historieMaterieel', 'historieFormeel', 'bestaatUit', 'heeftAlsVerantwoordelijke', 'heeftAlsContactpersoon', 'isGehuisvestIn'].map((n): [string, VormVeld] => [n, weg(NS.zkn)])],
};

export const BETROKKENE_VORM: Record<BetrokkeneSoort, Vorm> = {
  NPS: vorm(regels(BETROKKENE_VELDEN.NPS, [['inp.bsn', 'anp.identificatie'], ['verblijfsadres', 'sub.verblijfBuitenland']], { 'acd.code': 3 })),
  NNP: vorm(regels(BETROKKENE_VELDEN.NNP, [['inn.nnpId', 'ann.identificatie'], ['bezoekadres', 'sub.verblijfBuitenland']])),
  VES: vorm(regels(BETROKKENE_VELDEN.VES, [['verblijfsadres', 'sub.verblijfBuitenland']])),
  MDW: vorm(BETROKKENE_VELDEN.MDW),
  OEH: vorm(BETROKKENE_VELDEN.OEH),
};

/** The namespace of a betrokkene's own fields (extraElementen aside). */
export const veldNamespace = ns;
