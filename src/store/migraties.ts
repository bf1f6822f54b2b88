// Schema migrations, applied in order at start-up. Append only: a released migration is never edited.
//
// Layout: zaak attributes the gateway never queries on live in a JSON column; everything that is searched,
// joined or changed on its own (roles, persons, zaakobjecten, statuses, relations between zaken) has a table.

export const MIGRATIES: { versie: number; sql: string }[] = [
  {
    versie: 1,
    sql: `
CREATE TABLE zaak (
  id              INTEGER PRIMARY KEY,
  identificatie   TEXT NOT NULL UNIQUE,
  zaaktype_code   TEXT NOT NULL,
  einddatum       TEXT,
  data            TEXT NOT NULL,
  aangemaakt      TEXT NOT NULL,
  gewijzigd       TEXT NOT NULL
);
CREATE INDEX zaak_zaaktype ON zaak(zaaktype_code);

-- A person, company, employee or department, shared by every zaak that mentions it (natural key: soort + sleutel).
CREATE TABLE betrokkene (
  id        INTEGER PRIMARY KEY,
  soort     TEXT NOT NULL,          -- NPS, NNP, VES, MDW, OEH
  sleutel   TEXT,                   -- BSN / anp-id, nnpId / ann-id, vestigingsnummer, identificatie; NULL if none given
  bsn       TEXT,
  velden    TEXT NOT NULL           -- the entity's children as received (JSON element tree)
);
CREATE UNIQUE INDEX betrokkene_sleutel ON betrokkene(soort, sleutel) WHERE sleutel IS NOT NULL;
CREATE INDEX betrokkene_bsn ON betrokkene(bsn) WHERE bsn IS NOT NULL;

-- Roles: heeftAlsInitiator, -Belanghebbende, -Gemachtigde, -Uitvoerende, -Verantwoordelijke, -OverigBetrokkene.
CREATE TABLE rol (
  id             INTEGER PRIMARY KEY,
  zaak_id        INTEGER NOT NULL REFERENCES zaak(id) ON DELETE CASCADE,
  rolsoort       TEXT NOT NULL,
  betrokkene_id  INTEGER NOT NULL REFERENCES betrokkene(id),
  velden         TEXT NOT NULL,     -- relation children other than gerelateerde (code, omschrijving, ...)
  volgorde       INTEGER NOT NULL,
  einddatum      TEXT               -- set when the relation was ended (verwerkingssoort E / R)
);
CREATE INDEX rol_zaak ON rol(zaak_id);
CREATE INDEX rol_betrokkene ON rol(betrokkene_id);

-- Zaakobjecten (heeftBetrekkingOp): a person or company refers to betrokkene, any other object is kept as received.
CREATE TABLE zaakobject (
  id             INTEGER PRIMARY KEY,
  zaak_id        INTEGER NOT NULL REFERENCES zaak(id) ON DELETE CASCADE,
  objecttype     TEXT NOT NULL,     -- local name of the gerelateerde's child: natuurlijkPersoon, adres, pand, ...
  betrokkene_id  INTEGER REFERENCES betrokkene(id),
  object         TEXT,              -- JSON element tree for objects that are not betrokkenen
  velden         TEXT NOT NULL,
  volgorde       INTEGER NOT NULL,
  einddatum      TEXT
);
CREATE INDEX zaakobject_zaak ON zaakobject(zaak_id);
CREATE INDEX zaakobject_betrokkene ON zaakobject(betrokkene_id);

CREATE TABLE status (
  id                  INTEGER PRIMARY KEY,
  zaak_id             INTEGER NOT NULL REFERENCES zaak(id) ON DELETE CASCADE,
  volgnummer          INTEGER NOT NULL,
  omschrijving        TEXT,
  code                TEXT,
  datum_status_gezet  TEXT NOT NULL,   -- UTC instant, ISO 8601
  datum_cijfers       INTEGER NOT NULL, -- precision it was received with (8..17 digits)
  toelichting         TEXT,
  data                TEXT NOT NULL,   -- statustype kerngegevens and isGezetDoor as received
  volgorde            INTEGER NOT NULL
);
CREATE INDEX status_zaak ON status(zaak_id, datum_status_gezet);

-- Relations between zaken: heeftBetrekkingOpAndere and heeftAlsDeelzaak (hoofdzaak is the reverse of deelzaak).
-- The other zaak is kept by identificatie: it may live elsewhere (a chain partner) or arrive later.
CREATE TABLE zaakrelatie (
  id                    INTEGER PRIMARY KEY,
  zaak_id               INTEGER NOT NULL REFERENCES zaak(id) ON DELETE CASCADE,
  soort                 TEXT NOT NULL,     -- heeftBetrekkingOpAndere | heeftAlsDeelzaak
  andere_identificatie  TEXT NOT NULL,
  velden                TEXT NOT NULL,
  gerelateerde          TEXT NOT NULL,     -- what the message said of the other zaak (omschrijving, isVan)
  volgorde              INTEGER NOT NULL,
  einddatum             TEXT
);
CREATE INDEX zaakrelatie_zaak ON zaakrelatie(zaak_id);
CREATE INDEX zaakrelatie_andere ON zaakrelatie(andere_identificatie, soort);

-- Identifications handed out by genereerZaakIdentificatie: one counter per key (e.g. per year).
CREATE TABLE volgnummer (
  sleutel  TEXT PRIMARY KEY,
  waarde   INTEGER NOT NULL
);
CREATE TABLE uitgegeven_identificatie (
  identificatie  TEXT PRIMARY KEY,
  soort          TEXT NOT NULL,
  zender         TEXT,
  tijdstip       TEXT NOT NULL
);

-- Idempotency of state-changing messages: (zender, referentienummer) -> body hash + the answer we gave.
CREATE TABLE verwerkt_bericht (
  zender_organisatie  TEXT NOT NULL,
  zender_applicatie   TEXT NOT NULL,
  referentienummer    TEXT NOT NULL,
  operatie            TEXT NOT NULL,
  hash                TEXT NOT NULL,
  antwoord            TEXT NOT NULL,
  http_status         INTEGER NOT NULL,
  tijdstip            TEXT NOT NULL,
  PRIMARY KEY (zender_organisatie, zender_applicatie, referentienummer)
);
`,
  },
  {
    versie: 2,
    sql: `
-- Document content, immutable once written: a check-in with new content makes a new row, so a version, an answer
-- being streamed and a resend all read the same bytes. Stored in blocks so that no request holds a whole document.
CREATE TABLE inhoud (
  id            INTEGER PRIMARY KEY,
  bestandsnaam  TEXT NOT NULL,
  content_type  TEXT,
  grootte       INTEGER NOT NULL,
  sha256        TEXT NOT NULL
);
CREATE TABLE inhoud_blok (
  inhoud_id   INTEGER NOT NULL REFERENCES inhoud(id) ON DELETE CASCADE,
  volgnummer  INTEGER NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (inhoud_id, volgnummer)
);

-- A document (EDC): its current metadata and content, and the check-out lock (CMIS private working copy).
CREATE TABLE document (
  id              INTEGER PRIMARY KEY,
  identificatie   TEXT NOT NULL UNIQUE,
  data            TEXT NOT NULL,           -- metadata as received (titel, auteur, taal, formaat, ...), JSON
  versienummer    INTEGER NOT NULL,        -- internal version counter; the EDC element versie is in data
  inhoud_id       INTEGER REFERENCES inhoud(id),  -- NULL for a placeholder made by maakZaakdocument
  checked_out_id  TEXT,
  checked_out_by  TEXT,
  uitgecheckt_op  TEXT,                    -- UTC instant of the check-out
  vergrendeld_tot TEXT,                    -- UTC instant after which the lock lapses
  aangemaakt      TEXT NOT NULL,
  gewijzigd       TEXT NOT NULL
);

-- Every version a check-in or update left behind, the current one included.
CREATE TABLE document_versie (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  versienummer  INTEGER NOT NULL,
  data          TEXT NOT NULL,
  inhoud_id     INTEGER REFERENCES inhoud(id),
  soort         TEXT,                      -- versioningState of a check-in (major, minor); NULL for the first
  zender        TEXT,
  tijdstip      TEXT NOT NULL,
  UNIQUE (document_id, versienummer)
);

-- ZAAKDOCUMENT: a document may be filed in several zaken; unfiling (ontkoppelZaakdocument) deletes the row only.
CREATE TABLE zaakdocument (
  id            INTEGER PRIMARY KEY,
  zaak_id       INTEGER NOT NULL REFERENCES zaak(id) ON DELETE CASCADE,
  document_id   INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  velden        TEXT NOT NULL,             -- relation titel, beschrijving, registratiedatum, ... as received
  volgorde      INTEGER NOT NULL,
  UNIQUE (zaak_id, document_id)
);
CREATE INDEX zaakdocument_document ON zaakdocument(document_id);

-- Besluiten belong to one zaak (isUitkomstVan) and name the documents they are laid down in (isVastgelegdIn).
CREATE TABLE besluit (
  id             INTEGER PRIMARY KEY,
  identificatie  TEXT NOT NULL UNIQUE,
  zaak_id        INTEGER NOT NULL REFERENCES zaak(id) ON DELETE CASCADE,
  data           TEXT NOT NULL,
  aangemaakt     TEXT NOT NULL,
  gewijzigd      TEXT NOT NULL
);
CREATE INDEX besluit_zaak ON besluit(zaak_id);
CREATE TABLE besluitdocument (
  id                      INTEGER PRIMARY KEY,
  besluit_id              INTEGER NOT NULL REFERENCES besluit(id) ON DELETE CASCADE,
  document_identificatie  TEXT NOT NULL,   -- kept by identificatie: the document may live in a DMS elsewhere
  gerelateerde            TEXT NOT NULL,   -- what the message said of the document (dct.omschrijving, titel)
  velden                  TEXT NOT NULL,   -- relation children besides gerelateerde (extraElementen)
  einddatum               TEXT             -- set when the relation was ended (verwerkingssoort E / R)
);
-- One current relation per document; ended ones stay as history.
CREATE UNIQUE INDEX besluitdocument_huidig ON besluitdocument(besluit_id, document_identificatie) WHERE einddatum IS NULL;
`,
  },
  {
    versie: 3,
    sql: `
-- The protocol (privacy log): one row per answer that contained personal data, and per emergency read.
-- BSNs live here and nowhere in the service log.
CREATE TABLE protocol (
  id                INTEGER PRIMARY KEY,
  tijdstip          TEXT NOT NULL,   -- ISO 8601 UTC
  applicatie        TEXT NOT NULL,
  organisatie       TEXT,
  gebruiker         TEXT,
  rol               TEXT NOT NULL,
  via               TEXT NOT NULL,   -- basic, certificaat or open
  operatie          TEXT NOT NULL,
  referentienummer  TEXT,
  noodtoegang_reden TEXT,            -- set when the glass was broken
  doelbinding       TEXT
);
CREATE INDEX protocol_tijdstip ON protocol(tijdstip);
CREATE TABLE protocol_zaak (
  protocol_id  INTEGER NOT NULL REFERENCES protocol(id),
  zaak         TEXT NOT NULL,
  PRIMARY KEY (zaak, protocol_id)
) WITHOUT ROWID;
CREATE TABLE protocol_bsn (
  protocol_id  INTEGER NOT NULL REFERENCES protocol(id),
  bsn          TEXT NOT NULL,
  PRIMARY KEY (bsn, protocol_id)
) WITHOUT ROWID;
`,
  },
  {
    versie: 4,
    sql: `
-- The zaken of a zaaktype in identificatie order (zakLv01 on isVan, paged): each page is one range of this index.
-- It serves every lookup on zaaktype_code alone too, so the old index goes.
DROP INDEX zaak_zaaktype;
CREATE INDEX zaak_zaaktype_identificatie ON zaak(zaaktype_code, identificatie);
`,
  },
  {
    versie: 5,
    sql: `
-- The outbox: every message the gateway sends (notifications, handovers and their answers) is written here in the
-- transaction of the change that caused it, and delivered by the worker. Rows are kept as the delivery record.
CREATE TABLE uitgaand (
  id                INTEGER PRIMARY KEY,
  soort             TEXT NOT NULL,     -- notificeerOverZaak, initieerNotificeerOverZaak, overdragenZaak_Di01, overdragenZaak_Du01
  bestemming        TEXT NOT NULL,     -- naam from the configuration
  volgorde          TEXT NOT NULL,     -- the zaak: per destination and zaak, messages go out one at a time, in id order
  referentienummer  TEXT NOT NULL,     -- stable over resends
  soap_actie        TEXT NOT NULL,
  bericht           TEXT NOT NULL,     -- the body's root element, as sent
  gebeurtenis       TEXT,
  status            TEXT NOT NULL,     -- wachtend, afgeleverd, dood, verworpen
  pogingen          INTEGER NOT NULL DEFAULT 0,
  volgende_poging   INTEGER NOT NULL,  -- epoch ms; while a worker sends it, the end of its claim
  laatste_fout      TEXT,
  aangemaakt        TEXT NOT NULL,
  afgeleverd        TEXT,
  overdracht_id     INTEGER REFERENCES overdracht(id)
);
CREATE INDEX uitgaand_klaar ON uitgaand(status, volgende_poging);
CREATE INDEX uitgaand_volgorde ON uitgaand(bestemming, volgorde, id);
CREATE INDEX uitgaand_referentienummer ON uitgaand(referentienummer);
-- Subscriptions: those of the configuration (bron config, rewritten at every start) and those added from the command line.
CREATE TABLE abonnement (
  id              INTEGER PRIMARY KEY,
  bestemming      TEXT NOT NULL,
  zaaktypen       TEXT NOT NULL,       -- JSON array of codes, or ["*"]
  gebeurtenissen  TEXT NOT NULL,       -- JSON array of gebeurtenis values, or ["*"]
  bron            TEXT NOT NULL,       -- config or opdracht
  aangemaakt      TEXT NOT NULL
);
-- overdragenZaak: one row per handover a regiesysteem asked for, until the backoffice's Du01 settles it.
CREATE TABLE overdracht (
  id                         INTEGER PRIMARY KEY,
  zaak                       TEXT NOT NULL,
  zaaktype_code              TEXT,
  aanvrager_bestemming       TEXT NOT NULL,   -- where the answer goes
  aanvrager                  TEXT NOT NULL,   -- JSON Systeem: the Di01's zender
  backoffice                 TEXT NOT NULL,   -- bestemming naam
  referentienummer           TEXT NOT NULL,   -- of the Di01; the Du01's crossRefnummer
  dialect                    TEXT NOT NULL,   -- rzs or zds12: the flavour the Di01 arrived in
  status                     TEXT NOT NULL,   -- aangeboden, afgeleverd, onbestelbaar, geaccepteerd, geweigerd
  melding                    TEXT,            -- RZS melding of the Du01 (e.g. the reason of a refusal)
  aangeboden                 TEXT NOT NULL,
  beantwoord                 TEXT,
  antwoord_referentienummer  TEXT
);
CREATE INDEX overdracht_zaak ON overdracht(zaak);
CREATE INDEX overdracht_referentienummer ON overdracht(referentienummer);
`,
  },
  {
    versie: 6,
    sql: `
-- The ketenpartner mirror: a partner's zaak kept as a thin gerelateerde zaak of our deelplan. Only its last status is
-- kept; more is asked from the partner. The deelplan holds the heeftBetrekkingOpAndere towards it in zaakrelatie.
CREATE TABLE spiegelzaak (
  id                     INTEGER PRIMARY KEY,
  identificatie          TEXT NOT NULL UNIQUE,   -- in the partner's numbering
  partner                TEXT NOT NULL,          -- naam from the configuration
  zaaktype_code          TEXT,                   -- the partner's zaaktype; unknown until someone tells us
  zaaktype_omschrijving  TEXT,
  deelplan_id            INTEGER NOT NULL REFERENCES zaak(id),
  status                 TEXT,                   -- JSON: the last status, or NULL
  status_bron            TEXT,                   -- push (the partner sent it) or pull (we asked)
  ververst               TEXT,                   -- ISO: when the partner last told us its status (pushed or asked)
  ververs_fout           TEXT,                   -- why the last question to the partner failed
  ververs_fout_op        TEXT,
  gekoppeld_door         TEXT NOT NULL,          -- regie or partner: who made the link first
  aangemaakt             TEXT NOT NULL
);
CREATE INDEX spiegelzaak_deelplan ON spiegelzaak(deelplan_id);
CREATE INDEX spiegelzaak_partner ON spiegelzaak(partner, identificatie);
`,
  },
  {
    versie: 7,
    sql: `
-- Zaakprofielen: an end status held until the zaak has its resultaat (afsluiten eindstatusWachtOpResultaat) or its
-- einddatum and resultaat (sluitMetEinddatumEnResultaat). At most one per zaak: a later end status replaces it.
CREATE TABLE wachtende_eindstatus (
  zaak_id    INTEGER PRIMARY KEY REFERENCES zaak(id),
  status     TEXT NOT NULL,     -- JSON: the status as it will be stored once applied
  ontvangen  TEXT NOT NULL
);
`,
  },
  {
    versie: 8,
    sql: `
-- The protocol also records writes (issue 15): a kennisgeving that stores or changes a natural person or stores
-- document content. Rows written before this version were all reads.
ALTER TABLE protocol ADD COLUMN soort TEXT NOT NULL DEFAULT 'lezen';   -- lezen or schrijven
`,
  },
  {
    versie: 9,
    sql: `
-- One question per stale mirror across gateway instances (issue 16): the instance that asks the partner claims the
-- mirror until this moment (epoch ms); the others wait for its answer. NULL: nobody is asking. A claim that runs out
-- (its instance died) is free again.
ALTER TABLE spiegelzaak ADD COLUMN ververs_claim_tot INTEGER;
`,
  },
  {
    versie: 10,
    sql: `
-- The message journal (issue 17): every message in and out with its metadata; its texts, without document content,
-- in a table of their own, kept for bewaren.journaalInhoudDagen (the metadata for bewaren.journaalDagen).
CREATE TABLE journaal (
  id                 INTEGER PRIMARY KEY,
  tijdstip           TEXT NOT NULL,      -- ISO, when the request arrived (in) or was sent (uit)
  richting           TEXT NOT NULL,      -- in, uit
  soort              TEXT NOT NULL,      -- verzoek, notificatie, overdracht, partnervraag
  endpoint           TEXT NOT NULL,      -- our path (in), the destination or partner (uit)
  actie              TEXT,
  operatie           TEXT,
  dialect            TEXT,
  zender             TEXT,
  ontvanger          TEXT,
  referentienummer   TEXT,
  cross_refnummer    TEXT,
  zaken              TEXT NOT NULL,      -- space-separated, for display; journaal_zaak is searched
  uitkomst           TEXT NOT NULL,      -- berichtcode of the answer, StUF foutcode, or transport
  foutcode           TEXT,
  http_status        INTEGER NOT NULL,
  duur_us            INTEGER NOT NULL,   -- microseconds
  grootte_verzoek    INTEGER NOT NULL,
  grootte_antwoord   INTEGER NOT NULL,
  herhaald           INTEGER NOT NULL,
  poging             INTEGER
);
CREATE INDEX journaal_tijdstip ON journaal(tijdstip);
CREATE INDEX journaal_referentienummer ON journaal(referentienummer) WHERE referentienummer IS NOT NULL;
CREATE INDEX journaal_cross_refnummer ON journaal(cross_refnummer) WHERE cross_refnummer IS NOT NULL;
CREATE TABLE journaal_zaak (
  journaal_id  INTEGER NOT NULL REFERENCES journaal(id),
  zaak         TEXT NOT NULL,
  PRIMARY KEY (journaal_id, zaak)
) WITHOUT ROWID;                       -- two B-trees per row (this and the index below), not three
CREATE INDEX journaal_zaak_zaak ON journaal_zaak(zaak);
CREATE TABLE journaal_inhoud (
  journaal_id  INTEGER PRIMARY KEY REFERENCES journaal(id),
  verzoek      TEXT,
  antwoord     TEXT
);
`,
  },
  {
    versie: 11,
    sql: `
-- Retention (src/bewaren): the purge finds what is due through these, a bounded batch at a time. Discarded outbox
-- rows are found by uitgaand_klaar (status, volgende_poging).
CREATE INDEX verwerkt_bericht_tijdstip ON verwerkt_bericht(tijdstip);
CREATE INDEX uitgaand_afgeleverd ON uitgaand(status, afgeleverd);
-- The protocol's zaken and BSNs by their row: the purge removes a batch of rows with their zaken and BSNs.
CREATE INDEX protocol_zaak_rij ON protocol_zaak(protocol_id);
CREATE INDEX protocol_bsn_rij ON protocol_bsn(protocol_id);
`,
  },
  {
    versie: 12,
    sql: `
-- Partner agreements (issue 18): per link of a partner zaak to a deelplan, the judgement once its delivery term has
-- passed: kept (nagekomen) or breached (overschreden), and when a breach was lifted. One row per link (the partner
-- zaak and the moment it was linked): of several instances judging at once, one records and notifies it. No
-- reference to spiegelzaak: a breach stays as history after the link ends.
CREATE TABLE partnertermijn (
  id               INTEGER PRIMARY KEY,
  partnerzaak      TEXT NOT NULL,      -- identificatie in the partner's numbering
  gekoppeld        TEXT NOT NULL,      -- ISO: spiegelzaak.aangemaakt, when the link was made
  partner          TEXT NOT NULL,
  zaaktype_code    TEXT NOT NULL,      -- the partner zaak's zaaktype, whose agreement applied
  deelplan         TEXT NOT NULL,      -- the deelplan's identificatie
  termijn_dagen    INTEGER NOT NULL,
  verstreken       TEXT NOT NULL,      -- ISO: when the term ended
  uitkomst         TEXT NOT NULL,      -- nagekomen or overschreden
  ontbrak          TEXT,               -- JSON {statussen, documenten}: missing when judged (a breach)
  ontbreekt        TEXT,               -- JSON: still missing (an open breach, updated by each check)
  vastgesteld      TEXT NOT NULL,      -- ISO: when the gateway judged it
  opgeheven        TEXT,               -- ISO: when the breach was lifted
  opheffing        TEXT,               -- why: geleverd, ontkoppeld, afspraak vervallen
  UNIQUE (partnerzaak, gekoppeld)
);
CREATE INDEX partnertermijn_open ON partnertermijn(id) WHERE uitkomst = 'overschreden' AND opgeheven IS NULL;
CREATE INDEX partnertermijn_overschreden ON partnertermijn(verstreken, id) WHERE uitkomst = 'overschreden';
-- When the check judged this link (a row in partnertermijn). The check walks only links not yet judged, per
-- agreement (partner, zaaktype) by the moment of the link: a round costs the links that wait, not all there are.
ALTER TABLE spiegelzaak ADD COLUMN termijn_beoordeeld TEXT;
CREATE INDEX spiegelzaak_termijn ON spiegelzaak(partner, zaaktype_code, aangemaakt, id) WHERE termijn_beoordeeld IS NULL;
`,
  },
  {
    versie: 13,
    sql: `
-- Archiving (issue 19): the zaak's archiefnominatie (J blijvend bewaren, N vernietigen) and archiefactiedatum
-- (StUF-ZKN datumVernietigingDossier, JJJJMMDD) as columns beside its data, and where they came from (selectielijst,
-- bericht, onbepaald: closed without a selectielijst rule), so that the destruction list and the archivist's list
-- are index ranges on a million zaken. Zaken stored before: what a message set counts as sent; a closed zaak without
-- values is onbepaald until 'archief afleiden' applies the selectielijst.
ALTER TABLE zaak ADD COLUMN archiefnominatie TEXT;
ALTER TABLE zaak ADD COLUMN archiefactiedatum TEXT;
ALTER TABLE zaak ADD COLUMN archiefbron TEXT;
UPDATE zaak SET
  archiefnominatie = CASE WHEN json_extract(data, '$.attributen.archiefnominatie.w') IN ('J', 'N') THEN json_extract(data, '$.attributen.archiefnominatie.w') END,
  archiefactiedatum = CASE WHEN COALESCE(json_extract(data, '$.attributen.datumVernietigingDossier.ind'), 'V') = 'V'
    AND json_extract(data, '$.attributen.datumVernietigingDossier.w') GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
    THEN json_extract(data, '$.attributen.datumVernietigingDossier.w') END,
  archiefbron = CASE WHEN json_extract(data, '$.attributen.archiefnominatie') IS NOT NULL OR json_extract(data, '$.attributen.datumVernietigingDossier') IS NOT NULL THEN 'bericht'
    WHEN einddatum IS NOT NULL THEN 'onbepaald' END
WHERE einddatum IS NOT NULL OR json_extract(data, '$.attributen.archiefnominatie') IS NOT NULL OR json_extract(data, '$.attributen.datumVernietigingDossier') IS NOT NULL;
CREATE INDEX zaak_vernietigbaar ON zaak(archiefactiedatum, id) WHERE archiefnominatie = 'N';
CREATE INDEX zaak_archief_onbepaald ON zaak(id) WHERE archiefbron = 'onbepaald';
-- Legal hold: a held zaak is never destroyed. One current hold per zaak; lifted holds stay as its history.
CREATE TABLE archief_blokkade (
  id              INTEGER PRIMARY KEY,
  zaak_id         INTEGER NOT NULL REFERENCES zaak(id),
  reden           TEXT NOT NULL,
  geplaatst       TEXT NOT NULL,      -- ISO
  geplaatst_door  TEXT NOT NULL,
  opgeheven       TEXT,               -- ISO, when lifted
  opgeheven_door  TEXT
);
CREATE UNIQUE INDEX archief_blokkade_actief ON archief_blokkade(zaak_id) WHERE opgeheven IS NULL;
CREATE INDEX archief_blokkade_zaak ON archief_blokkade(zaak_id, id);
-- A destruction list: the zaken that were due when it was drawn up, frozen; carried out per zaak once confirmed.
CREATE TABLE vernietigingslijst (
  id               INTEGER PRIMARY KEY,
  opgesteld        TEXT NOT NULL,     -- ISO
  opgesteld_door   TEXT NOT NULL,
  peildatum        TEXT NOT NULL,     -- JJJJMMDD: archiefactiedatum on or before this day
  uitgevoerd       TEXT,              -- ISO, the last run of --uitvoeren
  uitgevoerd_door  TEXT
);
CREATE TABLE vernietigingslijst_zaak (
  lijst_id            INTEGER NOT NULL REFERENCES vernietigingslijst(id),
  zaak_identificatie  TEXT NOT NULL,
  zaaktype_code       TEXT NOT NULL,
  resultaat           TEXT,
  einddatum           TEXT,
  archiefactiedatum   TEXT NOT NULL,
  gewijzigd           TEXT NOT NULL,  -- zaak.gewijzigd when listed: a zaak changed since is skipped
  uitkomst            TEXT,           -- vernietigd, geblokkeerd, gewijzigd, niet meer vernietigbaar, verdwenen
  verwerkt            TEXT,           -- ISO
  PRIMARY KEY (lijst_id, zaak_identificatie)
);
-- The record of each destruction: identificaties, codes and dates only, no personal data. Kept for good.
CREATE TABLE vernietiging (
  id                     INTEGER PRIMARY KEY,
  lijst_id               INTEGER NOT NULL REFERENCES vernietigingslijst(id),
  zaak_identificatie     TEXT NOT NULL,
  zaaktype_code          TEXT NOT NULL,
  zaaktype_omschrijving  TEXT,
  resultaat              TEXT,
  startdatum             TEXT,
  einddatum              TEXT,
  archiefactiedatum      TEXT NOT NULL,
  vernietigd             TEXT NOT NULL,  -- ISO
  opgesteld_door         TEXT NOT NULL,
  bevestigd_door         TEXT NOT NULL,
  UNIQUE (lijst_id, zaak_identificatie)
);
-- Destruction removes a zaak's outbox messages and its deelplan's partner terms by identificatie.
CREATE INDEX uitgaand_zaak ON uitgaand(volgorde);
CREATE INDEX partnertermijn_deelplan ON partnertermijn(deelplan);
-- Parents that destruction deletes: their children found through an index, not a scan of the whole table (the
-- foreign key checks of both backends look them up too).
CREATE INDEX document_inhoud ON document(inhoud_id) WHERE inhoud_id IS NOT NULL;
CREATE INDEX document_versie_inhoud ON document_versie(inhoud_id) WHERE inhoud_id IS NOT NULL;
CREATE INDEX besluitdocument_besluit ON besluitdocument(besluit_id);
CREATE INDEX uitgaand_overdracht ON uitgaand(overdracht_id) WHERE overdracht_id IS NOT NULL;
`,
  },
];

/** The schema version this code expects: the last migration's (PostgreSQL's schema follows the same numbers). */
export const SCHEMA_VERSIE = MIGRATIES[MIGRATIES.length - 1].versie;
