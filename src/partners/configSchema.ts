// Configuration of ketenpartners: chain partners (care providers, other municipalities) that run their own zaak
// for a deelplan bought from them. The gateway mirrors that zaak thinly and asks the partner's ZDS services for more.
import { z } from 'zod';
import { systeemSchema as systeem, uitgaandeTlsSchema } from '../uitgaand/configSchema';

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
});

export type PartnerConfig = z.infer<typeof partnerSchema>;
