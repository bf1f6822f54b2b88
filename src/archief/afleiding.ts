// Deriving a zaak's archiefnominatie and archiefactiedatum (StUF-ZKN: archiefnominatie J/N and
// datumVernietigingDossier) from the selectielijst (configSchema.ts). Pure: the domain calls pasArchiefToe on the
// zaak's data inside the message's transaction (src/domain/zaakMutaties.ts), the store writes the columns from
// archiefKolommen, and `archief afleiden` / `archief onbepaald` use the same rules. Values a message sets itself win.
import type { ArchiefStand, ZaakData } from '../domain/zaak';
import { type ArchiefConfig, type SelectielijstRegel, normaalResultaat, resultatenVan } from './configSchema';

/** Where a zaak's archive values come from: the selectielijst, a message, or nowhere yet (closed without a rule). */
export type Archiefbron = ArchiefStand['bron'];

export type Afleiding = { nominatie: 'J' | 'N'; datum?: string; regel: number } | { onbepaald: string };

/** RGBZ: archiefnominatie J means the dossier is kept for good, N that it is destroyed after its term. */
const STUF_NOMINATIE = { blijvend_bewaren: 'J', vernietigen: 'N' } as const;

const DATUM = /^(\d{4})(\d{2})(\d{2})$/;

/** A complete StUF date (JJJJMMDD, also JJJJ-MM-DD from an extraElement) as JJJJMMDD, or undefined. */
export function geldigeDatum(w: string | undefined): string | undefined {
  const m = DATUM.exec((w ?? '').trim().replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3'));
  if (!m) return undefined;
  const [j, mnd, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(j, mnd - 1, d));
  return t.getUTCFullYear() === j && t.getUTCMonth() === mnd - 1 && t.getUTCDate() === d ? `${m[1]}${m[2]}${m[3]}` : undefined;
}

/** JJJJMMDD plus years and months; a day the month lacks becomes its last day (31 januari + 1 maand: 28/29 februari). */
export function telOp(datum: string, jaren: number, maanden: number): string {
  const m = DATUM.exec(datum)!;
  const totaal = Number(m[1]) * 12 + Number(m[2]) - 1 + jaren * 12 + maanden;
  const jaar = Math.floor(totaal / 12);
  const maand = totaal % 12;
  const laatste = new Date(Date.UTC(jaar, maand + 1, 0)).getUTCDate();
  const dag = Math.min(Number(m[3]), laatste);
  return `${String(jaar).padStart(4, '0')}${String(maand + 1).padStart(2, '0')}${String(dag).padStart(2, '0')}`;
}

const resultaatVan = (data: ZaakData) => data.groepen.resultaat?.omschrijving?.w;

/** The rule for the zaak: the one naming its resultaat, else the zaaktype's '*' rule. */
function regelVoor(lijst: readonly SelectielijstRegel[], data: ZaakData): number {
  const code = data.zaaktype.code;
  const resultaat = resultaatVan(data);
  if (resultaat !== undefined) {
    const n = normaalResultaat(resultaat);
    const i = lijst.findIndex((r) => r.zaaktype === code && resultatenVan(r).some((x) => x !== '*' && normaalResultaat(x) === n));
    if (i >= 0) return i;
  }
  return lijst.findIndex((r) => r.zaaktype === code && resultatenVan(r).includes('*'));
}

const extraWaarde = (data: ZaakData, naam: string) => data.extraElementen.find((e) => e.naam === naam)?.waarde ?? undefined;

/** The derivation for a closed zaak, or why there is none (the reason names rule and field, never a value). */
export function leidAf(lijst: readonly SelectielijstRegel[], data: ZaakData): Afleiding {
  const i = regelVoor(lijst, data);
  if (i < 0) {
    return { onbepaald: resultaatVan(data) === undefined ? `geen resultaat en geen regel met resultaat '*' voor zaaktype ${data.zaaktype.code}` : `geen selectielijstregel voor zaaktype ${data.zaaktype.code} met dit resultaat` };
  }
  const r = lijst[i];
  const nominatie = STUF_NOMINATIE[r.nominatie];
  if (!r.bewaartermijn) return { nominatie, regel: i };
  let brondatum: string | undefined;
  if (r.brondatum === 'einddatum') {
    const e = data.attributen.einddatum;
    brondatum = e && (!e.ind || e.ind === 'V') ? geldigeDatum(e.w) : undefined;
    if (!brondatum) return { onbepaald: `regel ${i}: de einddatum van de zaak is onvolledig` };
  } else {
    brondatum = geldigeDatum(extraWaarde(data, r.brondatum.extraElement));
    if (!brondatum) return { onbepaald: `regel ${i}: extraElement '${r.brondatum.extraElement}' ontbreekt of is geen datum (JJJJMMDD)` };
  }
  return { nominatie, datum: telOp(brondatum, r.bewaartermijn.jaren, r.bewaartermijn.maanden), regel: i };
}

/** What a derivation depends on; when none of it changed, the values stay (also under a changed selectielijst). */
function invoerVan(lijst: readonly SelectielijstRegel[], data: ZaakData): string {
  const namen = [...new Set(lijst.flatMap((r) => (r.zaaktype === data.zaaktype.code && r.brondatum !== 'einddatum' ? [r.brondatum.extraElement] : [])))].sort();
  const e = data.attributen.einddatum;
  return JSON.stringify([data.zaaktype.code, resultaatVan(data) ?? null, e ? `${e.w}${e.ind ?? ''}` : null, namen.map((n) => extraWaarde(data, n) ?? null)]);
}

const heeftWaarden = (data: ZaakData) => !!data.attributen.archiefnominatie || !!data.attributen.datumVernietigingDossier;

/** The source of the zaak's values; a zaak stored before the selectielijst existed counts what it has as sent. */
export function bronVan(data: ZaakData): Archiefbron | undefined {
  return data.archief?.bron ?? (heeftWaarden(data) ? 'bericht' : data.attributen.einddatum ? 'onbepaald' : undefined);
}

/**
 * After a change is applied: the message's own values are kept as sent; otherwise a closed zaak gets the values of
 * its selectielijst rule (again when its zaaktype, resultaat, einddatum or brondatum changed, or with `opnieuw`), or
 * is marked onbepaald; a zaak that is no longer closed loses derived values. `berichtNoemt`: the message sent
 * archiefnominatie or datumVernietigingDossier (a value or nil). Returns the reason when the zaak is left onbepaald.
 */
export function pasArchiefToe(archief: ArchiefConfig, data: ZaakData, berichtNoemt: boolean, opnieuw = false): string | undefined {
  const a = data.attributen;
  if (berichtNoemt) {
    if (heeftWaarden(data)) {
      data.archief = { bron: 'bericht' };
      return undefined;
    }
    delete data.archief; // both cleared by the message: derived as if never set
  } else if (bronVan(data) === 'bericht') {
    data.archief = { bron: 'bericht' };
    return undefined;
  }
  if (!a.einddatum) {
    if (data.archief) {
      delete a.archiefnominatie;
      delete a.datumVernietigingDossier;
      delete data.archief;
    }
    return undefined;
  }
  const invoer = invoerVan(archief.selectielijst, data);
  if (!opnieuw && data.archief?.invoer === invoer) return undefined;
  const af = leidAf(archief.selectielijst, data);
  if ('onbepaald' in af) {
    delete a.archiefnominatie;
    delete a.datumVernietigingDossier;
    data.archief = { bron: 'onbepaald', invoer };
    return af.onbepaald;
  }
  a.archiefnominatie = { w: af.nominatie };
  if (af.datum) a.datumVernietigingDossier = { w: af.datum };
  else delete a.datumVernietigingDossier;
  data.archief = { bron: 'selectielijst', invoer };
  return undefined;
}

/** The zaak row's archive columns (schema v13), as the destruction list and the onbepaald list search them. */
export function archiefKolommen(data: ZaakData): { archiefnominatie: string | null; archiefactiedatum: string | null; archiefbron: Archiefbron | null } {
  const n = data.attributen.archiefnominatie?.w;
  const d = data.attributen.datumVernietigingDossier;
  return {
    archiefnominatie: n === 'J' || n === 'N' ? n : null,
    archiefactiedatum: d && (!d.ind || d.ind === 'V') ? geldigeDatum(d.w) ?? null : null,
    archiefbron: bronVan(data) ?? null,
  };
}
