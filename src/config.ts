// One zod schema for the whole configuration: a JSON or YAML file (GATEWAY_CONFIG), then environment overrides.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import YAML from 'yaml';
import { REFERENTIE_ZAAKTYPEN } from './domain/referentieZaaktypen';
import { abonnementSchema, bestemmingSchema, bezorgingSchema, notificatiesSchema, overdrachtSchema } from './uitgaand/configSchema';
import { controleerAfspraken, partnerSchema, partnertermijnenSchema } from './partners/configSchema';
import { archiefSchema, controleerSelectielijst } from './archief/configSchema';
import { rapportSchema } from './rapport/configSchema';
import { STANDAARD_LIMIETEN } from './stuf/xmlLezer';
import { STANDAARD_MTOM_LIMIETEN } from './soap/mtom';
import { StufFout } from './stuf/fout';
import { hashFout } from './toegang/wachtwoord';
import {
  AFSLUITWIJZEN, ANDER_ZAAKTYPE, ProfielInstelling, WACHT_OP_RESULTAAT, WAARDE_VELDEN, ZET_EINDSTATUS, controleerWaarde, voegProfielenSamen,
} from './domain/zaakProfiel';

/** A PostgreSQL connection URL; anything else is not ours to guess. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//i;

const systeem = z.strictObject({
  organisatie: z.string().max(200).optional(),
  applicatie: z.string().min(3).max(50),
  administratie: z.string().max(50).optional(),
});

const statustype = z.strictObject({
  volgnummer: z.number().int().min(1).max(9999),
  omschrijving: z.string().min(1).max(80),
  code: z.string().max(10).optional(),
  /** Setting this status ends the zaak. */
  eindstatus: z.boolean().default(false),
});

/** A value for a field the consumer omits: fixed, or taken from a StUF:extraElement of the message. */
const waardebron = z
  .strictObject({
    vast: z.string().min(1).optional(),
    uitExtraElement: z.string().min(1).max(200).optional(),
  })
  .refine((w) => (w.vast === undefined) !== (w.uitExtraElement === undefined), { message: 'geef precies één van vast en uitExtraElement' });

/** Profile of a zaaktype (src/domain/zaakProfiel.ts): every key optional; a zaaktype's keys override the default profile's. */
const profiel = z.strictObject({
  afsluiten: z.enum(AFSLUITWIJZEN).optional(),
  /** Set when an end status closes a zaak without resultaat; null takes away the default profile's. */
  standaardResultaat: z
    .strictObject({ omschrijving: z.string().trim().min(1).max(80), toelichting: z.string().trim().min(1).max(1000).optional() })
    .nullable()
    .optional(),
  statustypeAnderZaaktype: z.enum(ANDER_ZAAKTYPE).optional(),
  waarden: z.partialRecord(z.enum(WAARDE_VELDEN), waardebron).optional(),
}).superRefine((p, ctx) => {
  for (const [veld, bron] of Object.entries(p.waarden ?? {})) {
    if (bron?.vast === undefined) continue;
    try {
      controleerWaarde(veld, bron.vast, veld);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['waarden', veld, 'vast'], message: e instanceof StufFout ? e.details : String(e) });
    }
  }
});

const zaaktype = z
  .strictObject({
    code: z.string().min(1).max(10),
    omschrijving: z.string().min(1).max(80),
    /** Plan kind in Regie- en Zaakservices; anything else is an ordinary zaak. */
    soort: z.enum(['gezinsplan', 'levensdomeinplan', 'gewoon']).default('gewoon'),
    statustypen: z.array(statustype).default([]),
    /** What differs from zaaktypen.profiel for this zaaktype. */
    profiel: profiel.optional(),
  })
  .refine((zt) => new Set(zt.statustypen.map((s) => s.volgnummer)).size === zt.statustypen.length, {
    message: 'volgnummers van statustypen moeten uniek zijn',
    path: ['statustypen'],
  });

/** Roles of calling applications (design.md "Who may see what"); the role decides operations and fields. */
export const ROLLEN = ['regie', 'backoffice', 'kcc', 'ketenpartner', 'beheer', 'teammanager'] as const;

const zaaktypeLijst = z.array(z.string().min(1).max(10)).describe("zaaktypecodes; '*' is every zaaktype");

const applicatie = z
  .strictObject({
    /** The StUF zender this application must use; the transport identity below decides who is calling. */
    zender: systeem,
    rol: z.enum(ROLLEN),
    /** HTTP basic credentials: a password as plain text (test only) or as hash (`node dist/main.js wachtwoord`: `$scrypt$ln=17,r=8,p=1$…`, or the older `scrypt:…`). */
    basic: z
      .strictObject({
        gebruikersnaam: z.string().min(1).max(200),
        wachtwoord: z.string().min(8).optional(),
        wachtwoordHash: z
          .string()
          .superRefine((h, ctx) => {
            const fout = hashFout(h);
            if (fout) ctx.addIssue({ code: 'custom', message: `wachtwoordHash ${fout}` });
          })
          .optional(),
      })
      .refine((b) => (b.wachtwoord === undefined) !== (b.wachtwoordHash === undefined), { message: 'geef precies één van wachtwoord en wachtwoordHash' })
      .optional(),
    /** TLS client certificate (server.tls): its SHA-256 fingerprint, and/or its subject when the certificate is signed by server.tls.ca. */
    certificaat: z
      .strictObject({
        vingerafdruk: z
          .string()
          .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'vingerafdruk is een SHA-256 vingerafdruk (64 hexcijfers, eventueel met dubbele punten)')
          .optional(),
        onderwerp: z.string().min(1).optional(),
      })
      .refine((c) => c.vingerafdruk !== undefined || c.onderwerp !== undefined, { message: 'geef vingerafdruk en/of onderwerp' })
      .optional(),
    zaaktypen: z.strictObject({ lezen: zaaktypeLijst.default(['*']), schrijven: zaaktypeLijst.default(['*']) }).prefault({}),
    /** The application acts for these uitvoerenden: it sees the content of plans on which one of them is heeftAlsUitvoerende. */
    uitvoerende: z
      .strictObject({ vestigingen: z.array(z.string().min(1)).default([]), medewerkers: z.array(z.string().min(1)).default([]) })
      .prefault({}),
    /** May break the glass (emergency read with a stated reason). Default: every role but ketenpartner. */
    noodtoegang: z.boolean().optional(),
    /** Regie only: a plan's content is shown only to its regisseur and its uitvoerende medewerkers (stuurgegevens/zender/gebruiker). */
    gebruikersniveau: z.enum(['aan', 'uit']).optional(),
  });

export type ApplicatieConfig = z.infer<typeof applicatie>;
export type Rol = (typeof ROLLEN)[number];

const FORBIDDEN_ID_CHARS = /[\\/"*?:<>|]/;

const identificatieFormaat = z
  .string()
  .refine((f) => /\{volgnummer(:\d+)?\}/.test(f), { message: 'formaat moet {volgnummer} of {volgnummer:N} bevatten' })
  .refine((f) => !FORBIDDEN_ID_CHARS.test(f.replace(/\{[^}]*\}/g, '')), { message: 'formaat bevat een teken dat niet mag in een identificatie: \\ / " * ? : < > |' });

/** What only the merged profile of a zaaktype shows: a default resultaat where the zaak waits for one, a missing end status. */
function controleerProfielen(zt: { profiel: ProfielInstelling; catalogus: { statustypen: { eindstatus: boolean }[]; profiel?: ProfielInstelling }[] }, ctx: z.RefinementCtx): void {
  const standaard = voegProfielenSamen(zt.profiel);
  if (standaard.standaardResultaat && WACHT_OP_RESULTAAT.includes(standaard.afsluiten)) {
    ctx.addIssue({ code: 'custom', path: ['profiel', 'standaardResultaat'], message: `afsluiten ${standaard.afsluiten} wacht op het resultaat van de consument; een standaardResultaat maakt dat zinloos` });
  }
  zt.catalogus.forEach((t, i) => {
    const p = voegProfielenSamen(zt.profiel, t.profiel);
    if (p.standaardResultaat && WACHT_OP_RESULTAAT.includes(p.afsluiten) && t.profiel && (t.profiel.afsluiten || t.profiel.standaardResultaat)) {
      ctx.addIssue({ code: 'custom', path: ['catalogus', i, 'profiel', 'standaardResultaat'], message: `afsluiten ${p.afsluiten} wacht op het resultaat van de consument; een standaardResultaat maakt dat zinloos (zet standaardResultaat: null bij dit zaaktype)` });
    }
    if (ZET_EINDSTATUS.includes(p.afsluiten) && !t.statustypen.some((s) => s.eindstatus)) {
      const pad = t.profiel?.afsluiten ? ['catalogus', i, 'profiel', 'afsluiten'] : ['catalogus', i, 'statustypen'];
      ctx.addIssue({ code: 'custom', path: pad, message: `afsluiten ${p.afsluiten}${t.profiel?.afsluiten ? '' : ' (uit zaaktypen.profiel)'} zet de eindstatus van het zaaktype, maar het zaaktype heeft geen statustype met eindstatus: true` });
    }
  });
}

export const configSchema = z.strictObject({
  server: z
    .strictObject({
      port: z.number().int().min(0).max(65535).default(8080),
      host: z.string().min(1).default('0.0.0.0'),
      /** Largest request body accepted, in bytes; larger ones get a StUF fault, not a dropped connection. */
      bodyLimit: z.number().int().min(1024).default(100 * 1024 * 1024),
      /** Time for a client to send its request line and headers; a client that is slower gets a StUF fault and the connection is closed. */
      headerTimeoutSeconden: z.number().min(1).max(600).default(20),
      /** Time for the whole request, body included: a body sent a byte at a time is cut off with a StUF fault. */
      verzoekTimeoutSeconden: z.number().min(1).max(3600).default(120),
      /**
       * On SIGTERM or SIGINT: how long requests in flight may take to finish before their connections are cut
       * (their transactions roll back). Below Kubernetes' default grace period of 30 s.
       */
      afsluitSeconden: z.number().min(0).max(600).default(25),
      /** Largest header block (request line and headers) in bytes; a larger one gets a StUF fault. */
      maxHeaderBytes: z.number().int().min(1024).max(1024 * 1024).default(16 * 1024),
      /** Base address written into served WSDLs; derived from the request's Host header when absent. */
      publiekAdres: z.url().optional(),
      /** HTTPS with optional client certificates (mutual TLS, ZDS 1.2 §3). Paths to PEM files. */
      tls: z
        .strictObject({
          sleutel: z.string().min(1),
          certificaat: z.string().min(1),
          /** CA certificates that sign client certificates; needed for `onderwerp` matching. */
          ca: z.string().min(1).optional(),
          /** vragen: ask for a certificate, check it per request (a StUF fault when refused); verplicht: refuse the TLS handshake without a valid one. */
          clientCertificaat: z.enum(['geen', 'vragen', 'verplicht']).default('vragen'),
        })
        .optional(),
      /**
       * TLS ends at a proxy in front of the gateway, which then talks plain HTTP to it: only this lets basic auth in
       * `beveiligd` mode start without server.tls (src/toegang/tls.ts controleerTransport); start-up logs a warning.
       */
      tlsBijProxy: z.boolean().default(false),
    })
    .prefault({}),
  /** SQLite (path) unless url names a PostgreSQL database; src/store/openen.ts chooses. */
  database: z
    .strictObject({
      path: z.string().min(1).default('./data/gateway.db'),
      /** WAL checkpoints every N ms in a background thread, off the request path; 0 = SQLite's automatic checkpoint. */
      checkpointMs: z.number().int().min(0).max(60_000).default(500),
      /** SQLite page cache of the connection in MiB: the hot B-tree pages of a large database stay in memory. */
      cacheMb: z.number().int().min(2).max(65_536).default(64),
      /** PostgreSQL: postgres://user:password@host:port/database (sslmode in the query string, or tls below). */
      url: z
        .string()
        .refine((u) => POSTGRES_URL.test(u), { message: 'moet beginnen met postgres:// of postgresql:// (een SQLite-bestand gaat in database.path)' })
        .refine((u) => URL.canParse(u), { message: 'is geen geldige URL' })
        .optional(),
      /** PostgreSQL: connections per instance (every instance has its own pool; the server's max_connections bounds them all). */
      pool: z.number().int().min(1).max(1000).default(10),
      /** PostgreSQL: TLS to the database, the server's certificate and host name verified. Paths to PEM files. */
      tls: z
        .strictObject({
          /** CA certificates the server's certificate must chain to; default the system's. */
          ca: z.string().min(1).optional(),
          /** Client certificate and key, where the database asks for one. */
          certificaat: z.string().min(1).optional(),
          sleutel: z.string().min(1).optional(),
        })
        .refine((t) => (t.certificaat === undefined) === (t.sleutel === undefined), { message: 'geef certificaat en sleutel samen' })
        .optional(),
    })
    .superRefine((d, ctx) => {
      if (d.tls && d.url === undefined) ctx.addIssue({ code: 'custom', path: ['tls'], message: 'geldt alleen voor PostgreSQL: geef ook database.url' });
      if (d.tls && d.url !== undefined && URL.canParse(d.url) && [...new URL(d.url).searchParams.keys()].some((k) => k.startsWith('ssl'))) {
        ctx.addIssue({ code: 'custom', path: ['tls'], message: 'kies één: database.tls of ssl-parameters in database.url' });
      }
    })
    .prefault({}),
  /** Limits of the XML reader (and the MTOM splitter) for every request: a message over one is refused with StUF055 at once. */
  invoer: z
    .strictObject({
      /** Nesting depth of elements. */
      maxDiepte: z.number().int().min(8).max(10_000).default(STANDAARD_LIMIETEN.maxDiepte),
      /** Elements in one message. */
      maxElementen: z.number().int().min(100).max(10_000_000).default(STANDAARD_LIMIETEN.maxElementen),
      /** Attributes (namespace declarations included) on one element. */
      maxAttributen: z.number().int().min(8).max(10_000).default(STANDAARD_LIMIETEN.maxAttributen),
      /** Characters in an element or attribute name (prefix included). */
      maxNaamLengte: z.number().int().min(16).max(10_000).default(STANDAARD_LIMIETEN.maxNaamLengte),
      /** Characters in one text node or attribute value, document content (inhoud) excepted. */
      maxTekstLengte: z.number().int().min(1024).max(1024 * 1024 * 1024).default(STANDAARD_LIMIETEN.maxTekstLengte),
      /** Characters of all text and attribute values of one message together, document content (inhoud) excepted. */
      maxTekstTotaal: z.number().int().min(1024).max(1024 * 1024 * 1024).default(STANDAARD_LIMIETEN.maxTekstTotaal),
      /** Parts of a MTOM (multipart/related) request, the root part included. */
      mtomMaxDelen: z.number().int().min(2).max(10_000).default(STANDAARD_MTOM_LIMIETEN.mtomMaxDelen),
      /** Bytes of the MIME headers of one MTOM part. */
      mtomMaxKopBytes: z.number().int().min(256).max(1024 * 1024).default(STANDAARD_MTOM_LIMIETEN.mtomMaxKopBytes),
    })
    .prefault({}),
  log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).prefault({}),
  stuf: z
    .strictObject({
      /** Our own identity as StUF zender when a request does not name us as ontvanger. */
      zender: systeem.default({ organisatie: '0599', applicatie: 'ZDSGW' }),
      gemeentecode: z.string().regex(/^\d{4}$/, 'gemeentecode is vier cijfers').default('0599'),
      /** When set, a request addressed to another ontvanger is refused with StUF010. */
      ontvangers: z.array(systeem).optional(),
      /** strict: deviations from the schema are refused with StUF055; lenient: logged and accepted. */
      validatie: z.enum(['lenient', 'strict']).default('lenient'),
      /** zds.md A10: an unknown zaak in a vraag is an empty La01 (StUF) or a Fo02 StUF064 (some consumers want that). */
      onbekendObject: z.enum(['leegAntwoord', 'fout']).default('leegAntwoord'),
      /** zds.md A19: warn (default) or refuse when a consumer's own zaak identificatie lacks our gemeentecode. */
      gemeentecodeControle: z.enum(['waarschuw', 'weiger']).default('waarschuw'),
      /** zds.md A8: the search for zaken of a person (plain zakLv01 on initiator or client BSN) is off unless switched on. */
      persoonsvraag: z.enum(['uit', 'aan']).default('uit'),
      /** A person query on heeftAlsInitiator also finds the gezinsplannen and levensdomeinplannen with that person as client. */
      persoonsvraagPlanclienten: z.enum(['aan', 'uit']).default('aan'),
    })
    .prefault({}),
  identificatie: z
    .strictObject({
      /** Tokens: {gemeentecode}, {jaar}, {volgnummer:N} (zero-padded to N digits). A year in it restarts the count yearly. */
      zaak: identificatieFormaat.default('{gemeentecode}{jaar}{volgnummer:8}'),
      document: identificatieFormaat.default('{gemeentecode}D{jaar}{volgnummer:8}'),
      besluit: identificatieFormaat.default('{gemeentecode}B{jaar}{volgnummer:8}'),
    })
    .prefault({}),
  documenten: z
    .strictObject({
      /** A check-out (geefZaakdocumentBewerken) that is neither checked in nor cancelled lapses after this many minutes. */
      vergrendelingMinuten: z.number().int().min(1).max(60 * 24 * 30).default(8 * 60),
      /** Answer a MTOM request with MTOM (always), or answer MTOM to everyone that receives document content. */
      mtom: z.enum(['alsGevraagd', 'altijd']).default('alsGevraagd'),
    })
    .prefault({}),
  /** Who may call: registered applications with credentials and a role. `open` (development) accepts everyone. */
  toegang: z
    .strictObject({
      modus: z.enum(['open', 'beveiligd']).default('open'),
      applicaties: z.array(applicatie).default([]),
      /** How long a verified HTTP basic password is remembered (by a keyed hash), so a keep-alive client pays the KDF once; 0: never. */
      wachtwoordCacheSeconden: z.number().int().min(0).max(24 * 3600).default(300),
      /** Failed HTTP basic logins: past perAdres (per source address) or perGebruiker (per user name) within the window, refused without a check for blokkeerSeconden. */
      mislukteInlogs: z
        .strictObject({
          perAdres: z.number().int().min(1).default(20),
          perGebruiker: z.number().int().min(1).default(10),
          vensterSeconden: z.number().int().min(1).max(24 * 3600).default(300),
          blokkeerSeconden: z.number().int().min(1).max(24 * 3600).default(300),
          /** A blocked attempt's refusal waits this long (a timer, no work): a client that retries at once then costs almost nothing. */
          vertragingMs: z.number().int().min(0).max(10_000).default(1000),
        })
        .prefault({}),
    })
    .prefault({})
    .superRefine((t, ctx) => {
      const uniek = (waarden: (string | undefined)[], wat: string) => {
        const gezien = new Set<string>();
        for (const w of waarden) {
          if (w === undefined) continue;
          if (gezien.has(w)) ctx.addIssue({ code: 'custom', path: ['applicaties'], message: `${wat} '${w}' komt bij meer dan één applicatie voor` });
          gezien.add(w);
        }
      };
      uniek(t.applicaties.map((a) => `${a.zender.organisatie ?? ''}/${a.zender.applicatie}`), 'zender');
      uniek(t.applicaties.map((a) => a.basic?.gebruikersnaam), 'gebruikersnaam');
      uniek(t.applicaties.map((a) => a.certificaat?.vingerafdruk?.replace(/:/g, '').toUpperCase()), 'vingerafdruk');
      t.applicaties.forEach((a, i) => {
        if (a.gebruikersniveau === 'aan' && a.rol !== 'regie') ctx.addIssue({ code: 'custom', path: ['applicaties', i, 'gebruikersniveau'], message: `applicatie ${a.zender.applicatie}: gebruikersniveau geldt alleen voor rol regie (andere rollen zien de inhoud van een plan alleen als uitvoerende)` });
      });
      if (t.modus === 'beveiligd') {
        t.applicaties.forEach((a, i) => {
          if (!a.basic && !a.certificaat) ctx.addIssue({ code: 'custom', path: ['applicaties', i], message: `applicatie ${a.zender.applicatie} heeft geen basic en geen certificaat; zonder kan ze zich niet aanmelden` });
        });
      }
    }),
  /**
   * Regie- en Zaakservices: client overlap between a deelplan, its levensdomeinplan and its gezinsplan (rzs.md A14);
   * a client in a second open gezinsplan (seed 000: one plan per family at a time; rzs.md allows it, hence waarschuw).
   */
  rzs: z
    .strictObject({
      clientControle: z.enum(['waarschuw', 'weiger']).default('waarschuw'),
      eenPlanPerGezin: z.enum(['waarschuw', 'weiger']).default('waarschuw'),
    })
    .prefault({}),
  zaaktypen: z
    .strictObject({
      /** What creeerZaak does with a zaaktype that is not in the catalogue. */
      onbekend: z.enum(['accepteren', 'weigeren']).default('accepteren'),
      catalogus: z.array(zaaktype).default(REFERENTIE_ZAAKTYPEN),
      /** The default profile: applies to every zaaktype, also those outside the catalogue. */
      profiel: profiel.prefault({}),
    })
    .prefault({})
    .refine((z) => new Set(z.catalogus.map((t) => t.code)).size === z.catalogus.length, {
      message: 'zaaktypecodes in de catalogus moeten uniek zijn',
      path: ['catalogus'],
    })
    .superRefine(controleerProfielen),
  /** Other applications' SOAP endpoints the gateway sends to: subscribers, backoffices, regiesystemen. */
  bestemmingen: z.array(bestemmingSchema).default([]),
  /** Subscriptions from the configuration; more can be added with `node dist/main.js abonnementen toevoegen`. */
  abonnementen: z.array(abonnementSchema).default([]),
  notificaties: notificatiesSchema,
  /**
   * Signals to the regisseur (README "Signals to the regisseur"): a new zaak of one of `zaaktypen` in which a client
   * of an open gezinsplan takes part is announced to the plan's regie destination. Absent: off.
   */
  signalen: z.strictObject({
    zaaktypen: z.array(z.string().min(1)).default(['*']),
    bestemming: z.string().min(1),
    /** Per gezinsplan zaaktype code: a regie destination other than `bestemming`. */
    perGezinsplanZaaktype: z.record(z.string(), z.string().min(1)).default({}),
  }).optional(),
  /** The outbox worker: retries, back-off, dead letters. */
  bezorging: bezorgingSchema,
  overdracht: overdrachtSchema,
  /** Ketenpartners whose zaken are mirrored as gerelateerde zaken of our deelplannen. */
  partners: z.array(partnerSchema).default([]),
  /** The check of the partners' agreed terms inside the service (README "Ketenpartners"). */
  partnertermijnen: partnertermijnenSchema,
  /** The privacy protocol: how long its rows are kept; `protocol opschonen` removes older ones (README "The protocol"). */
  protocol: z
    .strictObject({
      /**
       * Five years by default: the NEN 7513 minimum for access logs in care, which the social domain follows. At least
       * 30 days: a shorter protocol could not answer a request for access (AVG art. 12: within a month).
       */
      bewaartermijnDagen: z.number().int().min(30).max(36_525).default(1826),
    })
    .prefault({}),
  /** The message journal (src/journaal): every message in and out, with its metadata and, for a while, its text. */
  journaal: z
    .strictObject({
      aan: z.boolean().default(true),
      /** A request or answer longer than this (in characters, document content already left out) is kept as metadata only. */
      maxInhoudTekens: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    })
    .prefault({}),
  /**
   * How long what only grows is kept (README "Retention"); the purge runs every opschonenMinuten inside the service
   * and as `node dist/main.js opschonen`. The protocol keeps protocol.bewaartermijnDagen.
   */
  bewaren: z
    .strictObject({
      /** Request and answer texts in the journal; 0: never kept (metadata only). */
      journaalInhoudDagen: z.number().int().min(0).max(36_525).default(7),
      /** The journal's metadata rows. */
      journaalDagen: z.number().int().min(1).max(36_525).default(90),
      /** Idempotency records: a resend older than this is no longer recognised (and processed again). */
      idempotentieDagen: z.number().int().min(1).max(36_525).default(30),
      /** Delivered outbox messages. */
      uitgaandAfgeleverdDagen: z.number().int().min(1).max(36_525).default(30),
      /** Outbox messages an operator discarded (verworpen); dead ones wait for a decision and are never purged. */
      uitgaandVerworpenDagen: z.number().int().min(1).max(36_525).default(90),
      /** Minutes between purges inside the service; 0: only by the command. */
      opschonenMinuten: z.number().int().min(0).max(7 * 24 * 60).default(60),
    })
    .prefault({})
    .refine((b) => b.journaalInhoudDagen <= b.journaalDagen, { message: 'journaalInhoudDagen is groter dan journaalDagen', path: ['journaalInhoudDagen'] }),
  /**
   * Prometheus metrics at GET /metrics (README "Metrics"), without credentials like /health: counts and sizes only,
   * no data of a zaak. Off: no route, nothing counted.
   */
  metrics: z.strictObject({ aan: z.boolean().default(true) }).prefault({}),
  /** The selectielijst (src/archief): archiefnominatie and archiefactiedatum of closed zaken per zaaktype and resultaat. */
  archief: archiefSchema,
  /** The management report (src/rapport): its minimum cell size. */
  rapport: rapportSchema,
}).superRefine((c, ctx) => {
  const namen = new Set<string>();
  c.bestemmingen.forEach((b, i) => {
    if (namen.has(b.naam)) ctx.addIssue({ code: 'custom', path: ['bestemmingen', i, 'naam'], message: `bestemming '${b.naam}' komt meer dan eens voor` });
    namen.add(b.naam);
  });
  const bekend = (naam: string, pad: (string | number)[]) => {
    if (!namen.has(naam)) ctx.addIssue({ code: 'custom', path: pad, message: `bestemming '${naam}' staat niet onder bestemmingen (bekend: ${[...namen].join(', ') || 'geen'})` });
  };
  c.abonnementen.forEach((a, i) => bekend(a.bestemming, ['abonnementen', i, 'bestemming']));
  for (const [code, naam] of Object.entries(c.overdracht.backoffices)) bekend(naam, ['overdracht', 'backoffices', code]);
  if (c.signalen) {
    bekend(c.signalen.bestemming, ['signalen', 'bestemming']);
    for (const [code, naam] of Object.entries(c.signalen.perGezinsplanZaaktype)) bekend(naam, ['signalen', 'perGezinsplanZaaktype', code]);
  }
  if (c.notificaties.modus === 'extern') {
    if (!c.notificaties.abonnementenbeheer) ctx.addIssue({ code: 'custom', path: ['notificaties', 'abonnementenbeheer'], message: 'modus extern: noem de bestemming van het abonnementenbeheer' });
    else bekend(c.notificaties.abonnementenbeheer, ['notificaties', 'abonnementenbeheer']);
  }
  const partnernamen = new Set<string>();
  const partnerzenders = new Set<string>();
  c.partners.forEach((p, i) => {
    const zender = `${p.zender.organisatie ?? ''}/${p.zender.applicatie}`;
    if (partnernamen.has(p.naam)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'naam'], message: `partner '${p.naam}' komt meer dan eens voor` });
    if (partnerzenders.has(zender)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'zender'], message: `zender ${zender} staat bij meer dan één partner` });
    partnernamen.add(p.naam);
    partnerzenders.add(zender);
    p.zaakidentificatie.forEach((begin, j) => {
      if (c.stuf.gemeentecode.startsWith(begin) || begin.startsWith(c.stuf.gemeentecode)) {
        ctx.addIssue({ code: 'custom', path: ['partners', i, 'zaakidentificatie', j], message: `'${begin}' valt samen met onze gemeentecode ${c.stuf.gemeentecode}: onze eigen zaken zouden als zaken van de partner gelden` });
      }
    });
    if (c.toegang.modus === 'beveiligd') {
      const app = c.toegang.applicaties.find((a) => a.zender.applicatie === p.zender.applicatie && (a.zender.organisatie ?? '') === (p.zender.organisatie ?? ''));
      if (!app) ctx.addIssue({ code: 'custom', path: ['partners', i, 'zender'], message: `partner '${p.naam}': zender ${zender} staat niet onder toegang.applicaties; zonder registratie kan de partner zich niet aanmelden` });
      else if (app.rol !== 'ketenpartner') ctx.addIssue({ code: 'custom', path: ['partners', i, 'zender'], message: `partner '${p.naam}': applicatie ${zender} heeft rol ${app.rol}, verwacht ketenpartner` });
    }
  });
  controleerAfspraken(c.partners, c.zaaktypen.catalogus, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  controleerSelectielijst(c.archief, c.zaaktypen, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  if (c.bezorging.eersteWachttijdSeconden > c.bezorging.maxWachttijdSeconden) {
    ctx.addIssue({ code: 'custom', path: ['bezorging', 'eersteWachttijdSeconden'], message: 'eersteWachttijdSeconden is groter dan maxWachttijdSeconden' });
  }
});

export type Config = z.infer<typeof configSchema>;
export type ZaaktypeConfig = Config['zaaktypen']['catalogus'][number];
export type StatustypeConfig = ZaaktypeConfig['statustypen'][number];

export class ConfigFout extends Error {}

function formatIssues(err: z.ZodError, bron: string): string {
  return err.issues
    .map((i) => `configuratie (${bron}): ${i.path.length ? i.path.join('.') : '(geheel)'}: ${i.message}`)
    .join('\n');
}

/** Validates a raw configuration object; the error names every offending field. */
export function parseConfig(raw: unknown, bron = 'object'): Config {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigFout(formatIssues(result.error, bron));
  return result.data;
}

function leesBestand(pad: string): unknown {
  let text: string;
  try {
    text = readFileSync(pad, 'utf8');
  } catch (e) {
    throw new ConfigFout(`configuratie: GATEWAY_CONFIG '${pad}' kan niet gelezen worden: ${(e as Error).message}`);
  }
  try {
    return /\.json$/i.test(pad) ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    throw new ConfigFout(`configuratie: '${pad}' is geen geldige ${/\.json$/i.test(pad) ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
}

function setPad(obj: Record<string, unknown>, pad: string[], value: unknown): void {
  let cur = obj;
  for (const k of pad.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[pad[pad.length - 1]] = value;
}

/** File (GATEWAY_CONFIG, JSON or YAML) overridden by PORT, HOST, DATABASE_PATH, DATABASE_URL and LOG_LEVEL. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = (env.GATEWAY_CONFIG ? leesBestand(env.GATEWAY_CONFIG) : {}) ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigFout('configuratie: het bestand moet een object bevatten');
  const merged = structuredClone(raw) as Record<string, unknown>;
  if (env.PORT !== undefined) {
    const port = Number(env.PORT);
    setPad(merged, ['server', 'port'], env.PORT.trim() !== '' && Number.isFinite(port) ? port : env.PORT);
  }
  if (env.HOST !== undefined) setPad(merged, ['server', 'host'], env.HOST);
  if (env.DATABASE_PATH !== undefined) setPad(merged, ['database', 'path'], env.DATABASE_PATH);
  // DATABASE_URL: postgres://… chooses PostgreSQL; anything else is the SQLite file (a sqlite: or file: prefix
  // dropped), unless it names another kind of server, which database.url then refuses by name.
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL.trim();
    const server = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^(sqlite|file):/i.test(url);
    if (server) setPad(merged, ['database', 'url'], url);
    else setPad(merged, ['database', 'path'], url.replace(/^(sqlite|file):(\/\/)?/i, ''));
  }
  if (env.LOG_LEVEL !== undefined) setPad(merged, ['log', 'level'], env.LOG_LEVEL);
  return parseConfig(merged, env.GATEWAY_CONFIG ?? 'standaard');
}
