// StUF foutcodes (StUF 3.01 tabel 4.1 and the codes ZDS providers use) and the error that carries one.
// Operations throw StufFout; the SOAP layer turns it into Fo02 or Fo03 depending on the kind of message.

export type Plek = 'client' | 'server';

interface FoutDefinitie {
  plek: Plek;
  omschrijving: string;
}

export const FOUTCODES = {
  StUF001: { plek: 'server', omschrijving: 'Versie StUF niet ondersteund' },
  StUF004: { plek: 'server', omschrijving: 'Sectormodel niet ondersteund' },
  StUF010: { plek: 'client', omschrijving: 'Ontvanger onbekend' },
  StUF013: { plek: 'client', omschrijving: 'Zender onbekend' },
  StUF016: { plek: 'client', omschrijving: 'Referentienummer eerder ontvangen met andere inhoud' },
  StUF022: { plek: 'client', omschrijving: 'Berichtcode onbekend' },
  StUF025: { plek: 'server', omschrijving: 'Berichtcode niet ondersteund' },
  StUF028: { plek: 'client', omschrijving: 'Entiteittype onbekend' },
  StUF031: { plek: 'server', omschrijving: 'Entiteittype niet ondersteund' },
  StUF034: { plek: 'client', omschrijving: 'Functie onbekend' },
  StUF037: { plek: 'server', omschrijving: 'Functie niet ondersteund' },
  StUF040: { plek: 'server', omschrijving: 'Combinatie berichtcode, entiteittype en functie niet ondersteund' },
  StUF043: { plek: 'client', omschrijving: 'crossRefnummer onbekend' },
  StUF046: { plek: 'server', omschrijving: 'Bericht kan niet worden opgeslagen' },
  StUF049: { plek: 'server', omschrijving: 'Proces voor afhandelen synchroon bericht niet beschikbaar' },
  StUF052: { plek: 'client', omschrijving: 'Zender niet geautoriseerd voor dit bericht' },
  StUF055: { plek: 'client', omschrijving: 'Berichtbody is niet conform schema in sectormodel' },
  StUF058: { plek: 'server', omschrijving: 'Proces voor afhandelen bericht geeft fout' },
  StUF064: { plek: 'server', omschrijving: 'Object niet gevonden' },
  StUF067: { plek: 'server', omschrijving: 'Dubbele objecten gevonden' },
  StUF097: { plek: 'client', omschrijving: 'Scope bevat zowel het attribuut StUF:scope als elementen' },
  StUF103: { plek: 'client', omschrijving: 'Vervolgvraag zonder start' },
  StUF106: { plek: 'client', omschrijving: 'Start bevat niet alle sorteerelementen' },
  StUF133: { plek: 'server', omschrijving: 'Gevraagde sortering wordt niet ondersteund' },
  StUF960: { plek: 'server', omschrijving: 'Antwoord kan niet binnen de time-out worden gegeven' },
} as const satisfies Record<string, FoutDefinitie>;

export type Foutcode = keyof typeof FOUTCODES;

const MAX_DETAILS = 1000;

/** Nine digits standing alone: the shape of a BSN, whatever field it was sent in. */
const BSN_VORM = /(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g;

/**
 * A text for a fault or the log with every BSN-shaped value left out. Messages name fields and rules, not values;
 * this is the second line of defence for the control values they do quote (a verwerkingssoort, a berichtcode, a
 * zender), which a sender may fill with a BSN by mistake. Dates (8 digits), timestamps and identificaties with
 * letters keep their shape.
 */
export const zonderBsnVorm = (tekst: string): string => tekst.replace(BSN_VORM, '[9 cijfers]');

export class StufFout extends Error {
  readonly code: Foutcode;
  readonly plek: Plek;
  readonly omschrijving: string;
  readonly details: string;
  private logTekst?: string;

  constructor(code: Foutcode, details: string, plek?: Plek) {
    const veilig = zonderBsnVorm(details);
    super(`${code}: ${veilig}`);
    this.code = code;
    this.plek = plek ?? FOUTCODES[code].plek;
    this.omschrijving = FOUTCODES[code].omschrijving;
    this.details = veilig.length > MAX_DETAILS ? veilig.slice(0, MAX_DETAILS - 1) + '…' : veilig;
  }

  /** The details as the log may hold them, when the answer's text names a person (e.g. who holds a lock). */
  get voorLog(): string | undefined {
    return this.logTekst;
  }

  set voorLog(tekst: string | undefined) {
    this.logTekst = tekst === undefined ? undefined : zonderBsnVorm(tekst);
  }
}

/** Body content not as the standard prescribes: the integrator's own mistake. */
export const schemaFout = (details: string) => new StufFout('StUF055', details);
/** A functional refusal: the message is understood but cannot be processed. */
export const verwerkingsFout = (details: string) => new StufFout('StUF058', details);
export const nietGevonden = (details: string) => new StufFout('StUF064', details);
