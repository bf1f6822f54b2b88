// Configuration of everything that leaves the gateway: destinations (other applications' SOAP endpoints),
// subscriptions (abonnementenbeheer, rzs.md §6.3), delivery through the outbox, and the overdragenZaak router.
import { z } from 'zod';
import { GEBEURTENISSEN } from '../notificaties/gebeurtenis';

export const systeemSchema = z.strictObject({
  organisatie: z.string().max(200).optional(),
  applicatie: z.string().min(3).max(50),
  administratie: z.string().max(50).optional(),
});

/** TLS towards another application's https endpoint (PEM files): our client certificate and/or the CA of its server certificate. */
export const uitgaandeTlsSchema = z
  .strictObject({ sleutel: z.string().min(1).optional(), certificaat: z.string().min(1).optional(), ca: z.string().min(1).optional() })
  .refine((c) => (c.sleutel === undefined) === (c.certificaat === undefined), { message: 'geef sleutel en certificaat samen (het clientcertificaat), of geen van beide' })
  .refine((c) => c.certificaat !== undefined || c.ca !== undefined, { message: 'geef een clientcertificaat (sleutel en certificaat) en/of ca' });

export type UitgaandeTls = z.infer<typeof uitgaandeTlsSchema>;

export const bestemmingSchema = z.strictObject({
  /** How subscriptions, the backoffice table and the command line refer to it. */
  naam: z.string().min(1).max(50).regex(/^[A-Za-z0-9._-]+$/, 'naam bestaat uit letters, cijfers, punt, streep en liggend streepje'),
  /** Its RZS (or ZDS) OntvangAsynchroon endpoint. */
  adres: z.url({ protocol: /^https?$/ }),
  /** The StUF ontvanger of what we send it, and the zender it uses towards us (echo suppression, overdragenZaak). */
  ontvanger: systeemSchema,
  /** rzs: RZS messages; zds12: overdragenZaak in its ZDS 1.2 form. Notifications exist only in RZS. */
  dialect: z.enum(['rzs', 'zds12']).default('rzs'),
  basic: z.strictObject({ gebruikersnaam: z.string().min(1), wachtwoord: z.string().min(1) }).optional(),
  /**
   * TLS towards an https destination (PEM files): sleutel and certificaat, our client certificate for mutual TLS;
   * ca, the CA that signed the destination's server certificate (also without a client certificate, e.g. with basic).
   */
  certificaat: uitgaandeTlsSchema.optional(),
  /** A backoffice that accepts a handover becomes heeftAlsUitvoerende of the zaak as this organisatorische eenheid. */
  behandelaar: z.strictObject({ identificatie: z.string().min(1).max(24), naam: z.string().min(1).max(50).optional() }).optional(),
  /**
   * true: a notification about a deelplan or levensdomeinplan names its gezinsplan (and levensdomeinplan) in
   * extraElementen; false: the thin message of rzs.md §6.3, nothing else.
   */
  verrijkt: z.boolean().default(false),
});

export type BestemmingConfig = z.infer<typeof bestemmingSchema>;

const gebeurtenisOfAlles = z.union([z.enum(GEBEURTENISSEN), z.literal('*')]);

export const abonnementSchema = z.strictObject({
  bestemming: z.string().min(1),
  zaaktypen: z.array(z.string().min(1).max(10)).min(1).default(['*']).describe("zaaktypecodes; '*' is every zaaktype"),
  gebeurtenissen: z.array(gebeurtenisOfAlles).min(1).default(['*']),
});

export type AbonnementConfig = z.infer<typeof abonnementSchema>;

export const notificatiesSchema = z
  .strictObject({
    /**
     * intern: the gateway is the abonnementenbeheer and sends notificeerOverZaak to subscribers; extern: it sends
     * initieerNotificeerOverZaak to the abonnementenbeheer named below; uit: no notifications at all.
     */
    modus: z.enum(['intern', 'extern', 'uit']).default('intern'),
    abonnementenbeheer: z.string().min(1).optional(),
    /** naam of the extraElement that carries the zendende applicatie in initieerNotificeerOverZaak (rzs.md A6). */
    zendendeApplicatie: z.string().min(1).max(50).default('zendendeApplicatie'),
  })
  .prefault({});

export const bezorgingSchema = z
  .strictObject({
    /** Attempts before a message goes to the dead letters (a Fo03 with plek client goes there at once). */
    maxPogingen: z.number().int().min(1).max(1000).default(10),
    /** Back-off: the first wait, doubled after every failed attempt up to the maximum. */
    eersteWachttijdSeconden: z.number().min(0.01).max(86_400).default(10),
    maxWachttijdSeconden: z.number().min(0.01).max(86_400).default(3600),
    /** A destination that does not answer within this time counts as a failed attempt. */
    timeoutSeconden: z.number().min(0.1).max(600).default(30),
    /** How often the worker looks for due messages (a commit that adds messages wakes it at once). */
    intervalMs: z.number().int().min(10).max(60_000).default(1000),
    /** Messages in flight at once (never two for one zaak and destination). */
    gelijktijdig: z.number().int().min(1).max(64).default(4),
  })
  .prefault({});

export const overdrachtSchema = z
  .strictObject({
    /** zaaktypecode → bestemming of the backoffice that takes zaken of that type, when the Di01's ontvanger does not name one. */
    backoffices: z.record(z.string().min(1).max(10), z.string().min(1)).default({}),
  })
  .prefault({});
