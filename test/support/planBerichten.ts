// Builders for the social domain (Regie- en Zaakservices): gezinsplan, levensdomeinplan and deelplan zaken in
// both dialects, linking and unlinking, and a registry of applications with one per role for authorisation tests.
import { Dialect, Sturing, andereZaak, creeerZaak, legeRelatie, medewerker, persoon, rol, wijzig } from './dialecten';

export const GZP = 'GZP';
export const LDP = 'LDP';

/** A client: zaakobject natuurlijkPersoon with omschrijving Client (rzs.md §3.1). */
export const client = (bsn: string, naam = 'Vries', omschrijving = 'Client') =>
  '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T">' +
  `<ZKN:gerelateerde>${persoon(bsn, `<BG:geslachtsnaam>${naam}</BG:geslachtsnaam>`)}</ZKN:gerelateerde>` +
  `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving></ZKN:heeftBetrekkingOp>`;

export const regisseur = (id = 'MDW-REGIE-1', achternaam = 'Bakker') => rol('heeftAlsInitiator', medewerker(id, achternaam));

export const belanghebbende = (bsn: string, naam = 'Buurvrouw', omschrijving = 'Mantelzorger') =>
  rol('heeftAlsBelanghebbende', persoon(bsn, `<BG:geslachtsnaam>${naam}</BG:geslachtsnaam>`), 'T', omschrijving);

export const uitvoerendeVestiging = (vestigingsNummer: string, handelsnaam = 'Zorg BV') =>
  rol('heeftAlsUitvoerende', `<ZKN:vestiging StUF:entiteittype="VES" StUF:verwerkingssoort="I"><BG:vestigingsNummer>${vestigingsNummer}</BG:vestigingsNummer><BG:handelsnaam>${handelsnaam}</BG:handelsnaam></ZKN:vestiging>`);

export interface Plan {
  id: string;
  /** BSNs of the clients. */
  clients: string[];
  /** Extra relation elements (belanghebbenden, uitvoerenden) after the clients; replaces nothing. */
  extra?: string;
  /** Replaces the regisseur as initiator ('' = no initiator). */
  initiator?: string;
  sturing?: Sturing;
}

const attributen = (omschrijving: string) =>
  `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving><ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum>` +
  '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>';

/** Relations in schema order: heeftBetrekkingOp, belanghebbende, initiator, uitvoerende, heeftBetrekkingOpAndere. */
function relaties(p: Plan, naar: string[]): string {
  return p.clients.map((b) => client(b)).join('') + (p.extra ?? '') + (p.initiator ?? regisseur()) + naar.map((id) => andereZaak(id)).join('');
}

export function gezinsplan(d: Dialect, p: Plan): string {
  return creeerZaak(d, { id: p.id, zaaktype: GZP, attributen: attributen('Gezinsplan'), relaties: relaties(p, []), sturing: p.sturing });
}

export function levensdomeinplan(d: Dialect, p: Plan & { gezinsplan?: string }): string {
  return creeerZaak(d, { id: p.id, zaaktype: LDP, attributen: attributen('Levensdomeinplan schulden'), relaties: relaties(p, p.gezinsplan ? [p.gezinsplan] : []), sturing: p.sturing });
}

/** A deelplan: an ordinary zaak (default WMO01) pointing to its plans. */
export function deelplan(d: Dialect, p: Plan & { plannen: string[]; zaaktype?: string }): string {
  return creeerZaak(d, { id: p.id, zaaktype: p.zaaktype ?? 'WMO01', attributen: attributen('Deelplan'), relaties: relaties(p, p.plannen), sturing: p.sturing });
}

/** updateZaak that lays heeftBetrekkingOpAndere from zaak to plan (rzs.md §5, §11.3). */
export const koppel = (d: Dialect, zaak: string, plan: string, sturing?: Sturing) =>
  wijzig(d, 'updateZaak', zaak, legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T'), andereZaak(plan), { sturing });

/** updateZaak that removes the relation again (oud names it, nieuw is empty with V). */
export const ontkoppel = (d: Dialect, zaak: string, plan: string, sturing?: Sturing) =>
  wijzig(d, 'updateZaak', zaak, andereZaak(plan, 'V'), legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'V'), { sturing });

// ---- applications and roles --------------------------------------------------------------------------------

export type TestRol = 'regie' | 'backoffice' | 'kcc' | 'ketenpartner' | 'beheer';

/** One registered application per role: zender applicatie = upper-case role, HTTP basic user = role. */
export const APPLICATIES: Record<TestRol, { applicatie: string; gebruiker: string; wachtwoord: string }> = {
  regie: { applicatie: 'REGIESYSTEEM', gebruiker: 'regie', wachtwoord: 'regie-geheim-1' },
  backoffice: { applicatie: 'BACKOFFICE', gebruiker: 'backoffice', wachtwoord: 'backoffice-geheim-1' },
  kcc: { applicatie: 'KCC', gebruiker: 'kcc', wachtwoord: 'kcc-geheim-1' },
  ketenpartner: { applicatie: 'KETENPARTNER', gebruiker: 'ketenpartner', wachtwoord: 'ketenpartner-geheim-1' },
  beheer: { applicatie: 'BEHEER', gebruiker: 'beheer', wachtwoord: 'beheer-geheim-1' },
};

/** Configuration overrides for startGateway: secured mode with the five applications (plus any extra settings). */
export function beveiligd(extra: { applicaties?: Record<string, unknown>[]; perRol?: Partial<Record<TestRol, Record<string, unknown>>> } = {}): Record<string, unknown> {
  const applicaties = (Object.keys(APPLICATIES) as TestRol[]).map((r) => ({
    zender: { organisatie: '0599', applicatie: APPLICATIES[r].applicatie },
    rol: r,
    basic: { gebruikersnaam: APPLICATIES[r].gebruiker, wachtwoord: APPLICATIES[r].wachtwoord },
    ...extra.perRol?.[r],
  }));
  return { toegang: { modus: 'beveiligd', applicaties: [...applicaties, ...(extra.applicaties ?? [])] } };
}

/** The Authorization header of a role's application. */
export const aanmelding = (r: TestRol): Record<string, string> => ({
  authorization: `Basic ${Buffer.from(`${APPLICATIES[r].gebruiker}:${APPLICATIES[r].wachtwoord}`).toString('base64')}`,
});

/** Stuurgegevens of a role's application (its registered zender). */
export const als = (r: TestRol, ref?: string): Sturing => ({ zender: APPLICATIES[r].applicatie, organisatie: '0599', ...(ref ? { ref } : {}) });
