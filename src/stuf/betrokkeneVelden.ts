// The simple fields of betrokkenen as the BG and ZKN schemas type them. A kennisgeving's value is checked against
// these before it is stored: we return these fields in every later answer, and a value the schema cannot carry
// would make all of those answers invalid. Groups (addresses) are kept as received.
import type { BetrokkeneSoort, VeldSpec } from '../domain/zaak';

const tekst = (naam: string, max: number): VeldSpec => ({ naam, soort: 'tekst', max });
const datum = (naam: string): VeldSpec => ({ naam, soort: 'datum' });
const keuze = (naam: string, waarden: string[]): VeldSpec => ({ naam, soort: 'keuze', waarden });
const patroon = (naam: string, p: RegExp, uitleg: string): VeldSpec => ({ naam, soort: 'tekst', patroon: p, uitleg });
const indicatie = (naam: string): VeldSpec => ({ naam, soort: 'indicatie' });

const CONTACT = [tekst('sub.telefoonnummer', 20), tekst('sub.faxnummer', 20), tekst('sub.emailadres', 254), patroon('sub.rekeningnummerBankGiro', /^[1-9]\d{0,9}$/, 'een positief getal van hoogstens 10 cijfers')];
const ANP = patroon('anp.identificatie', /^\d{17}$/, '17 cijfers');

const SPECS: Record<BetrokkeneSoort, VeldSpec[]> = {
  NPS: [
    patroon('inp.bsn', /^\d{9}$/, 'BSN van 9 cijfers'), indicatie('authentiek'), ANP, tekst('geslachtsnaam', 200), tekst('voorvoegselGeslachtsnaam', 10), tekst('voorletters', 20),
    tekst('voornamen', 200), keuze('aanduidingNaamgebruik', ['E', 'N', 'P', 'V']), tekst('geslachtsnaamPartner', 200),
    tekst('voorvoegselGeslachtsnaamPartner', 10), tekst('aanhefAanschrijving', 50), tekst('voornamenAanschrijving', 200),
    tekst('geslachtsnaamAanschrijving', 200),
    keuze('adellijkeTitelPredikaat', ['Baron', 'Barones', 'Graaf', 'Gravin', 'Hertog', 'Hertogin', 'Jonkheer', 'Jonkvrouw', 'Markies', 'Markiezin', 'Prins', 'Prinses', 'Ridder']),
    keuze('geslachtsaanduiding', ['M', 'V', 'O']), datum('geboortedatum'), datum('overlijdensdatum'), tekst('acd.code', 3), ...CONTACT,
  ],
  NNP: [
    indicatie('authentiek'), patroon('ann.identificatie', /^\d{17}$/, '17 cijfers'), patroon('inn.nnpId', /^\d{9}$/, '9 cijfers'),
    keuze('sub.typering', ['Ingeschreven niet-natuurlijk persoon', 'Ander buitenlands niet-natuurlijk persoon']),
    tekst('statutaireNaam', 500), tekst('inn.rechtsvorm', 100), datum('datumAanvang'), datum('datumEinde'), ...CONTACT,
  ],
  VES: [patroon('vestigingsNummer', /^.{12}$/, 'vestigingsnummer van 12 tekens'), indicatie('authentiek'), tekst('handelsnaam', 200), datum('datumAanvang'), datum('datumEinde'), ...CONTACT],
  MDW: [
    tekst('identificatie', 24), tekst('achternaam', 200), tekst('voorletters', 20), tekst('voorvoegselAchternaam', 10), tekst('roepnaam', 30),
    keuze('geslachtsaanduiding', ['M', 'V', 'O']), tekst('functie', 50), datum('datumUitDienst'), tekst('telefoonnummer', 20),
    tekst('emailadres', 254), tekst('toelichting', 1000),
  ],
  OEH: [
    tekst('identificatie', 24), tekst('naam', 50), tekst('naamVerkort', 25), tekst('omschrijving', 80), tekst('toelichting', 1000), tekst('telefoonnummer', 20),
    tekst('faxnummer', 20), tekst('emailadres', 254), datum('ingangsdatumObject'), datum('einddatumObject'),
  ],
};

const OP_NAAM = Object.fromEntries(Object.entries(SPECS).map(([s, lijst]) => [s, new Map(lijst.map((v) => [v.naam, v]))])) as Record<BetrokkeneSoort, Map<string, VeldSpec>>;

export function betrokkeneVeld(soort: BetrokkeneSoort, naam: string): VeldSpec | undefined {
  return OP_NAAM[soort].get(naam);
}
