// Deriving a zaak's archiefnominatie and archiefactiedatum (StUF-ZKN: archiefnominatie J/N and
// datumVernietigingDossier) from the selectielijst (configSchema.ts). Pure on the zaak's data: the domain calls it
// through its archiefhaak (installed by the operations, so the domain imports no feature) inside the message's
// transaction, the store writes the columns from the data (store/archiefKolommen.ts), and `archief afleiden` /
// `archief onbepaald` use the same rules. Values a message sets itself win.
import type { Zaak, ZaakData } from '../domain/zaak';
import type { Archiefhaak, MutatieContext } from '../domain/mutatieContext';
import { type Archiefbron, DATUM, bronVan, geldigeDatum, heeftWaarden } from '../store/archiefKolommen';
import { type ArchiefConfig, type SelectielijstRegel, normaalResultaat, resultatenVan } from './configSchema';

export type Afleiding = { nominatie: 'J' | 'N'; datum?: string; regel: number } | { onbepaald: string };

/** RGBZ: archiefnominatie J means the dossier is kept for good, N that it is destroyed after its term. */
const STUF_NOMINATIE = { blijvend_bewaren: 'J', vernietigen: 'N' } as const;

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

/**
 * The hook the operations hand the domain (MutatieContext.archiefhaak): once a change is applied, the zaak's archive
 * values as the selectielijst gives them; a closed zaak left without them is noted for the log, without a person.
 */
export const ARCHIVERING: Archiefhaak = {
  naWijziging(ctx: MutatieContext, zaak: Zaak, berichtNoemt: boolean): void {
    const onbepaald = pasArchiefToe(ctx.config.archief, zaak.data, berichtNoemt);
    if (onbepaald && ctx.config.archief.selectielijst.length > 0) ctx.meldingen.push(`zaak ${zaak.identificatie} is gesloten zonder archiefnominatie (onbepaald): ${onbepaald}`);
  },
};

export { type Archiefbron, bronVan };
