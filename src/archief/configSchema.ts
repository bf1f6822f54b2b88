// The configuration's `archief` section (issue 19): the selectielijst, from which the gateway derives a closed zaak's
// archiefnominatie and archiefactiedatum (afleiding.ts), and whether a destruction is announced. Checked at load: a
// rule that cannot be applied, or a setting that is not a boolean, stops start-up.
import { z } from 'zod';

/** The two nominaties of a selectielijst; StUF-ZKN's archiefnominatie is J (blijvend bewaren) or N (vernietigen). */
export const NOMINATIES = ['blijvend_bewaren', 'vernietigen'] as const;
export type Nominatie = (typeof NOMINATIES)[number];

const bewaartermijn = z.strictObject({
  jaren: z.number().int().min(0).max(500).default(0),
  maanden: z.number().int().min(0).max(6000).default(0),
});

const selectielijstRegel = z.strictObject({
  /** The zaaktype's code (isVan/gerelateerde/code). */
  zaaktype: z.string().min(1).max(10),
  /**
   * The resultaat this rule is for: its omschrijving (case and spaces ignored), several where suites spell it
   * differently (a code in one, words in another), or '*' for every resultaat the zaaktype has no rule of its own for.
   */
  resultaat: z.union([z.string().trim().min(1).max(80), z.array(z.string().trim().min(1).max(80)).min(1)]),
  nominatie: z.enum(NOMINATIES),
  /** Counted from the brondatum; required to destroy, optional for what is kept (then no archiefactiedatum). */
  bewaartermijn: bewaartermijn.optional(),
  /** einddatum of the zaak, or the date (JJJJMMDD) in the zaak's StUF:extraElement of this name. */
  brondatum: z.union([z.literal('einddatum'), z.strictObject({ extraElement: z.string().trim().min(1).max(200) })]).default('einddatum'),
});

export type SelectielijstRegel = z.infer<typeof selectielijstRegel>;

export const archiefSchema = z
  .strictObject({
    selectielijst: z.array(selectielijstRegel).default([]),
    /**
     * Whether `archief vernietig --uitvoeren` announces each destroyed zaak to its subscribers (Update zaak with an
     * extraElement vernietigd, archief/vernietigingMelden.ts). Off by default: the notification sends a subscriber to
     * a zaak that is gone, and it keeps the zaak's identificatie in the outbox and the journal until they are purged.
     */
    vernietigingNotificeren: z.boolean().default(false),
  })
  .prefault({});

export type ArchiefConfig = z.infer<typeof archiefSchema>;

// toLowerCase as the catalogue does (src/domain/zaaktypen.ts): no Dutch casing rules to apply.
export const normaalResultaat = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export const resultatenVan = (r: SelectielijstRegel): string[] => (Array.isArray(r.resultaat) ? r.resultaat : [r.resultaat]);

/**
 * What only the whole configuration shows: a rule that would destroy without a term, two rules for one zaaktype and
 * resultaat, a zaaktype the catalogue refuses anyway.
 */
export function controleerSelectielijst(
  archief: ArchiefConfig,
  zaaktypen: { onbekend: string; catalogus: { code: string }[] },
  meld: (pad: (string | number)[], bericht: string) => void,
): void {
  const codes = new Set(zaaktypen.catalogus.map((t) => t.code));
  const gezien = new Map<string, number>();
  archief.selectielijst.forEach((r, i) => {
    const pad = ['archief', 'selectielijst', i];
    if (r.nominatie === 'vernietigen' && !r.bewaartermijn) meld([...pad, 'bewaartermijn'], `nominatie vernietigen zonder bewaartermijn: geef jaren en/of maanden (ook 0 mag, dan de brondatum zelf)`);
    if (zaaktypen.onbekend === 'weigeren' && !codes.has(r.zaaktype)) meld([...pad, 'zaaktype'], `zaaktype '${r.zaaktype}' staat niet in de catalogus (zaaktypen.onbekend is weigeren: zo'n zaak bestaat nooit)`);
    for (const resultaat of resultatenVan(r)) {
      const sleutel = `${r.zaaktype}\u0000${resultaat === '*' ? '*' : normaalResultaat(resultaat)}`;
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) meld([...pad, 'resultaat'], `zaaktype '${r.zaaktype}' met resultaat '${resultaat}' staat al in regel ${eerder}`);
      else gezien.set(sleutel, i);
    }
  });
}
