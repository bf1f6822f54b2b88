// Configuration of ketenpartners: chain partners (care providers, other municipalities) that run their own zaak
// for a deelplan bought from them. The gateway mirrors that zaak thinly and asks the partner's ZDS services for more.
import { z } from 'zod';
import { systeemSchema as systeem, uitgaandeTlsSchema } from '../uitgaand/configSchema';

/** A document type compared as people read it: case and runs of spaces do not matter. */
export const documentsoort = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What the municipality agreed with a partner for its zaken of one zaaktype (seed 000): within termijnDagen of the
 * link to our deelplan the partner reports these statuses and the deelplan holds these documents.
 */
export const afspraakSchema = z
  .strictObject({
    /** The partner zaak's zaaktype code, as its mirror holds it (set by the link; README "Ketenpartners"). */
    zaaktype: z.string().min(1).max(40),
    /** Days from the link. */
    termijnDagen: z.number().int().min(1).max(3650),
    /**
     * Statuses to have reported: a number is a volgnummer, a text a statustype code. Reached when the mirror's last
     * status is it or lies beyond it (a higher volgnummer): the mirror keeps the last status only.
     */
    statussen: z.array(z.union([z.number().int().min(1).max(9999), z.string().trim().min(1).max(10)])).default([]),
    /** Document types (dct.omschrijving) the deelplan must hold. */
    documenten: z.array(z.string().trim().min(1).max(80)).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.statussen.length === 0 && a.documenten.length === 0) {
      ctx.addIssue({ code: 'custom', message: `afspraak voor zaaktype '${a.zaaktype}' verwacht niets: noem statussen, documenten of beide` });
    }
    const dubbel = <T>(lijst: T[], sleutel: (x: T) => string) => lijst.find((x, i) => lijst.findIndex((y) => sleutel(y) === sleutel(x)) !== i);
    const status = dubbel(a.statussen, (s) => `${typeof s}:${s}`);
    if (status !== undefined) ctx.addIssue({ code: 'custom', path: ['statussen'], message: `status ${status} staat er meer dan eens in` });
    const document = dubbel(a.documenten, documentsoort);
    if (document !== undefined) ctx.addIssue({ code: 'custom', path: ['documenten'], message: `document '${document}' staat er meer dan eens in` });
  });

export type AfspraakConfig = z.infer<typeof afspraakSchema>;

/** How often the service checks the agreements' terms (README "Ketenpartners"); 0: never. */
export const partnertermijnenSchema = z
  .strictObject({
    controleMinuten: z.number().int().min(0).max(24 * 60).default(15),
  })
  .prefault({});

export const partnerSchema = z.strictObject({
  /** How the command line and the log refer to it. */
  naam: z.string().min(1).max(50).regex(/^[A-Za-z0-9._-]+$/, 'naam bestaat uit letters, cijfers, punt, streep en liggend streepje'),
  /**
   * Its StUF identity: the zender of what it sends us, as registered under toegang.applicaties (there with rol
   * ketenpartner); in open mode the declared zender decides.
   */
  zender: systeem,
  /**
   * How its zaakidentificaties begin (its own numbering, e.g. its organisation code). A heeftBetrekkingOpAndere from
   * our deelplan to an identificatie that begins so, and that is not a zaak of ours, is a zaak of this partner.
   */
  zaakidentificatie: z.array(z.string().min(1).max(40)).default([]),
  /** The partner's own ZDS services, for the geefZaakstatus that refreshes a mirrored status. */
  zds: z
    .strictObject({
      /** Its BeantwoordVraag endpoint. */
      adres: z.url({ protocol: /^https?$/ }),
      dialect: z.enum(['zds12', 'zds11']).default('zds12'),
      /** Its WSDL (a URL or a file); our own BeantwoordVraag WSDL of that dialect when absent. */
      wsdl: z.string().min(1).optional(),
      /** The StUF ontvanger of our questions; the partner's zender when absent. */
      ontvanger: systeem.optional(),
      basic: z.strictObject({ gebruikersnaam: z.string().min(1), wachtwoord: z.string().min(1) }).optional(),
      certificaat: uitgaandeTlsSchema.optional(),
      /** A partner that does not answer within this time counts as down for this read. */
      timeoutSeconden: z.number().min(0.1).max(120).default(10),
    })
    .optional(),
  /**
   * How old a mirrored status may get: a read of an older one first asks the partner (geefZaakstatus). 0: always
   * ask. Without zds nothing is asked and the mirror answers what it holds.
   */
  maxOuderdomMinuten: z.number().min(0).max(525_600).default(60),
  /** After a failed question the partner is not asked again for this zaak within this time (reads stay fast). */
  wachtNaFoutSeconden: z.number().min(0).max(86_400).default(60),
  /** Per partner zaaktype, what the partner delivers and within how many days; one agreement per zaaktype. */
  afspraken: z.array(afspraakSchema).default([]),
}).superRefine((p, ctx) => {
  const gezien = new Set<string>();
  p.afspraken.forEach((a, i) => {
    if (gezien.has(a.zaaktype)) ctx.addIssue({ code: 'custom', path: ['afspraken', i, 'zaaktype'], message: `partner '${p.naam}' heeft meer dan één afspraak voor zaaktype '${a.zaaktype}'` });
    gezien.add(a.zaaktype);
  });
});

/** The zaaktypen of the catalogue as far as an agreement's statuses are checked against them. */
interface BekendZaaktype {
  code: string;
  statustypen: { volgnummer: number; code?: string }[];
}

/**
 * At config load: an agreement for a zaaktype in our catalogue names only its statustypen (a volgnummer it has, a
 * code it has; a statustype without a code has its volgnummer as code, rzs.md A7). A zaaktype outside the catalogue
 * is the partner's business: its statuses are taken as agreed.
 */
export function controleerAfspraken(partners: PartnerConfig[], catalogus: BekendZaaktype[], fout: (pad: (string | number)[], melding: string) => void): void {
  partners.forEach((p, i) => p.afspraken.forEach((a, j) => {
    const zt = catalogus.find((t) => t.code === a.zaaktype);
    if (!zt) return;
    const codes = zt.statustypen.map((s) => s.code ?? String(s.volgnummer));
    a.statussen.forEach((s, k) => {
      const bestaat = typeof s === 'number' ? zt.statustypen.some((t) => t.volgnummer === s) : codes.includes(s);
      if (!bestaat) {
        const bekend = zt.statustypen.map((t) => `${t.volgnummer}${t.code ? ` (${t.code})` : ''}`).join(', ') || 'geen';
        fout(['partners', i, 'afspraken', j, 'statussen', k], `zaaktype '${a.zaaktype}' heeft geen statustype met ${typeof s === 'number' ? 'volgnummer' : 'code'} ${s} (bekend: ${bekend})`);
      }
    });
  }));
}

export type PartnerConfig = z.infer<typeof partnerSchema>;
