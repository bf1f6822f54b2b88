// `archief exporteer ZAAK --naar PAD [--zip] --door WIE [--reden TEKST]` (issue 19, item 4): the dossier of one zaak
// for transfer to an archive. The zaak as the gateway answers geefZaakdetails with scope alles, every version of
// every document as geefZaakdocumentLezen answers it (for an older version: the same encoder on that version's
// metadata and content) with its content beside it as a file, every besluit as geefBesluitdetails answers it, and a
// manifest with a SHA-256 per file and the archive metadata. The answers are built by the gateway's own encoders with
// the full view, in ZDS 1.2 (the only dialect with all three), from one consistent read; content is streamed from
// the store block by block, never held whole, and checked against the size and SHA-256 stored with it.
//
// The export is a read of personal data: it is protocolled (rol beheer, via opdrachtregel, gebruiker --door, the
// zaak and every BSN in the answers) before it is put in place. Everything is first written beside the target
// (a hidden temporary folder or file in the same parent) and moved there only when complete and protocolled, so a
// failed export leaves nothing half written and nothing leaves without a protocol row. Output and messages name
// identificaties and paths only, never a person or content.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Config } from '../config';
import type { Store } from '../store';
import type { Document, InhoudInfo } from '../domain/document';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { Zaaktypecatalogus } from '../domain/zaaktypen';
import { NS } from '../stuf/namespaces';
import { Scope } from '../stuf/vraag';
import { XElement, el, serializeDelen } from '../stuf/xml';
import { base64Stukken } from '../stuf/binair';
import { Stuurgegevens, Systeem, antwoordStuurgegevens } from '../stuf/stuurgegevens';
import { zaakDetailsObject } from '../stuf/zaakAntwoord';
import { documentObject } from '../stuf/documentAntwoord';
import { besluitDetailsObject } from '../stuf/besluitAntwoord';
import { isUitkomstVanAntwoord, isVastgelegdInAntwoord } from '../stuf/besluitRelatieAntwoord';
import { VOLLEDIG } from '../toegang/zicht';
import { persoonsgegevensIn } from '../toegang/persoonsgegevens';
import { overdrachtKenmerken } from '../overdracht/kenmerken';
import { Bestemmingen } from '../uitgaand/bestemmingen';
import { metStore } from '../uitgaand/opdrachtHulp';
import { versie } from '../versie';
import { GebruikFout, OpdrachtFout, VLAG, WAARDE, type Deel, type Waarden } from '../opdracht/argumenten';
import { MANIFEST_FORMAAT, MANIFEST_PAD, Manifest, ManifestBestand, ManifestDocument, archiefgegevens } from './manifest';

export const EXPORTEER_GEBRUIK = `gebruik: archief exporteer ZAAK --naar PAD [--zip] --door WIE [--reden TEKST]
  Schrijft het dossier van zaak ZAAK voor overdracht aan een archief, in ZDS 1.2 zoals de gateway antwoordt met scope alles:
    zaak.xml                                  geefZaakdetails_ZakLa01
    documenten/ID/vN/metadata.xml             geefZaakdocumentLezen_EdcLa01 van versie N, met de inhoud als bestand ernaast
    besluiten/ID.xml                          geefBesluitdetails_BslLa01
    manifest.json                             elk bestand met grootte en SHA-256, archiefnominatie, archiefactiedatum, selectielijst
  PAD is een nieuwe of lege map; met --zip een nieuw ZIP-bestand. Exporteren is inzage in persoonsgegevens: het wordt
  geprotocolleerd met --door (wie) en --reden (doelbinding). Een mislukte export laat niets achter.
  Exitcode 0: geschreven; 1: zaak onbekend, PAD niet leeg of export mislukt; 2: verkeerd gebruik.`;

export const EXPORTEER_OPTIES = { naar: WAARDE, zip: VLAG, door: WAARDE, reden: WAARDE } as const;

/** The subcommand as the archief command's table declares it. */
export const EXPORTEER = { gebruik: EXPORTEER_GEBRUIK, opties: EXPORTEER_OPTIES, argumenten: true } as const satisfies Deel;

/** The application the protocol row and the answers' ontvanger name: the command, not a registered caller. */
const APPLICATIE = 'archief';

interface Opdracht {
  zaak: string;
  naar: string;
  zip: boolean;
  door: string;
  reden?: string;
}

/** The command line as an Opdracht; what does not fit is wrong use (exit 2), found before anything is opened. */
function opdrachtUit(w: Waarden<typeof EXPORTEER_OPTIES>, argumenten: string[]): Opdracht {
  const fout = (reden: string) => new GebruikFout(`archief exporteer: ${reden}\n${EXPORTEER_GEBRUIK}`);
  if (argumenten.length === 0) throw fout('geef de identificatie van de zaak');
  if (argumenten.length > 1) throw fout(`onverwacht '${argumenten[1]}'; geef één zaak`);
  const zaak = argumenten[0].trim();
  if (!zaak || zaak.length > 40) throw fout('de identificatie van de zaak is leeg of langer dan 40 tekens');
  if (!w.naar?.trim()) throw fout('geef --naar PAD (een nieuwe of lege map, met --zip een nieuw bestand)');
  const door = w.door?.trim();
  if (!door) throw fout('geef --door WIE (exporteren is inzage in persoonsgegevens en wordt geprotocolleerd)');
  if (door.length > 100) throw fout('--door is langer dan 100 tekens');
  const reden = w.reden?.trim();
  if (reden !== undefined && (reden === '' || reden.length > 200)) throw fout('--reden is leeg of langer dan 200 tekens');
  return { zaak, naar: resolve(w.naar), zip: w.zip === true, door, ...(reden ? { reden } : {}) };
}

/** A target that may be written: a folder that does not exist or is empty; for --zip a file that does not exist or is empty. */
function controleerDoel(o: Opdracht): void {
  if (!existsSync(o.naar)) return;
  const s = statSync(o.naar);
  if (o.zip) {
    if (s.isDirectory()) throw new OpdrachtFout(`archief exporteer: ${o.naar} is een map; geef met --zip de naam van een nieuw ZIP-bestand`);
    if (s.size > 0) throw new OpdrachtFout(`archief exporteer: ${o.naar} bestaat al en is niet leeg; kies een nieuw bestand`);
    return;
  }
  if (!s.isDirectory()) throw new OpdrachtFout(`archief exporteer: ${o.naar} is geen map; kies een nieuwe of lege map`);
  if (readdirSync(o.naar).length > 0) throw new OpdrachtFout(`archief exporteer: ${o.naar} is niet leeg; kies een nieuwe of lege map`);
}

// ---- what is read: the answers, built in one consistent read ----------------------------------------------------

interface Versie {
  versienummer: number;
  tijdstip: string;
  soort?: string;
  antwoord: XElement;
  inhoud?: InhoudInfo;
}

interface Gelezen {
  beeld: ZaakBeeld;
  zaak: XElement;
  documenten: { identificatie: string; versies: Versie[] }[];
  besluiten: { identificatie: string; antwoord: XElement }[];
}

/**
 * The La01 frame the operations put around an answer object in ZDS 1.2 (zaakLa01, edcLa01, geefBesluitdetails), with
 * stuurgegevens as for a question from the archief command whose referentienummer is the export's.
 */
function la01(eigen: Systeem, referentie: string, naam: string, entiteittype: string, object: XElement): XElement {
  const vraag: Stuurgegevens = { zender: { ...(eigen.organisatie ? { organisatie: eigen.organisatie } : {}), applicatie: APPLICATIE }, ontvanger: eigen, referentienummer: referentie };
  return el(NS.zds, naam, [
    antwoordStuurgegevens(NS.zkn, vraag, eigen, { berichtcode: 'La01', entiteittype }),
    el(NS.zkn, 'parameters', [el(NS.stuf, 'indicatorVervolgvraag', 'false')]),
    el(NS.zkn, 'antwoord', [object]),
  ]);
}

async function lees(config: Config, store: Store, id: string, referentie: string): Promise<Gelezen> {
  const catalogus = new Zaaktypecatalogus(config.zaaktypen);
  const bestemmingen = new Bestemmingen(config.bestemmingen);
  const eigen = config.stuf.zender;
  return store.lees(async (tx) => {
    const zaak = await tx.zaken.vind(id);
    if (!zaak) {
      // Only our own zaken: a ketenpartner's zaak we mirror is the partner's to archive.
      const spiegel = await tx.spiegelzaken.vind(id);
      throw new OpdrachtFout(spiegel
        ? `archief exporteer: zaak ${id} is een gespiegelde zaak van een ketenpartner; haar dossier is van de partner`
        : `archief exporteer: zaak ${id} is niet gevonden`);
    }
    const beeld = new ZaakBeeld(tx, catalogus, zaak);
    const zaakObject = await zaakDetailsObject(beeld, Scope.ALLES, VOLLEDIG, () => overdrachtKenmerken(tx, bestemmingen, id));
    const documenten: Gelezen['documenten'] = [];
    for (const { document: doc } of await beeld.documenten) {
      const versies: Versie[] = [];
      for (const v of await tx.documenten.versies(doc.id)) {
        // The current version is the document row itself, exactly as geefZaakdocumentLezen answers it.
        const alsVersie: Document = v.versienummer === doc.versienummer ? doc : {
          id: doc.id, identificatie: doc.identificatie, data: v.data, versienummer: v.versienummer, aangemaakt: doc.aangemaakt,
          ...(v.inhoudId !== undefined ? { inhoudId: v.inhoudId } : {}),
        };
        const object = await documentObject(tx, alsVersie, Scope.ALLES, 'lezen12');
        const inhoud = alsVersie.inhoudId !== undefined ? await tx.documenten.inhoudInfo(alsVersie.inhoudId) : undefined;
        versies.push({
          versienummer: v.versienummer, tijdstip: v.tijdstip, ...(v.soort ? { soort: v.soort } : {}),
          antwoord: la01(eigen, referentie, 'geefZaakdocumentLezen_EdcLa01', 'EDC', object), ...(inhoud ? { inhoud } : {}),
        });
      }
      documenten.push({ identificatie: doc.identificatie, versies });
    }
    const besluiten: Gelezen['besluiten'] = [];
    for (const b of await beeld.besluiten) {
      const vastgelegdIn = () => tx.besluiten.documenten(b.id).then((ds) => ds.filter((d) => !d.einddatum));
      const object = besluitDetailsObject(b, Scope.ALLES, [
        await isUitkomstVanAntwoord(beeld, Scope.ALLES),
        ...(await isVastgelegdInAntwoord(vastgelegdIn, (docId) => tx.besluiten.documentKern(docId), Scope.ALLES)),
      ]);
      besluiten.push({ identificatie: b.identificatie, antwoord: la01(eigen, referentie, 'geefBesluitdetails_BslLa01', 'BSL', object) });
    }
    return { beeld, zaak: la01(eigen, referentie, 'geefZaakdetails_ZakLa01', 'ZAK', zaakObject), documenten, besluiten };
  });
}

// ---- where it is written: a folder or a ZIP, first in a temporary place beside the target ----------------------

/** An answer as a file: the XML declaration, the text, and stored content as base64, block by block. */
async function* xmlBytes(root: XElement): AsyncGenerator<Buffer> {
  yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n', 'utf8');
  for (const d of serializeDelen(root)) {
    if (typeof d === 'string') yield Buffer.from(d, 'utf8');
    else for await (const s of base64Stukken(d)) yield Buffer.from(s, 'latin1');
  }
}

/** Counts and hashes what passes, for the manifest. */
function teller(pad: string) {
  const hash = createHash('sha256');
  let grootte = 0;
  return {
    async *tel(bron: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const b of bron) {
        hash.update(b);
        grootte += b.length;
        yield b;
      }
    },
    uitkomst: (): ManifestBestand => ({ pad, grootte, sha256: hash.digest('hex') }),
  };
}

interface Doel {
  /**
   * Writes one file (a path relative to the export's root, with forward slashes); its size and SHA-256. `opgeslagen`:
   * kept as it is in a ZIP, for document content, which is mostly compressed already (PDF, Office, images).
   */
  schrijf(pad: string, bron: AsyncIterable<Buffer> | Iterable<Buffer>, opgeslagen?: boolean): Promise<ManifestBestand>;
  /** Writes the manifest, the last file; the export is complete in its temporary place. */
  sluit(manifest: Buffer): Promise<void>;
  /** Moves the complete export to the target, refusing a target that was filled meanwhile. */
  plaats(): void;
  /** Removes the temporary place (after a failure, or after plaats nothing is left there). */
  ruimOp(): void;
}

// An export holds personal data: only its owner may read it (folders 0700, files 0600); widen it when handing it over.
const MAP_MODUS = 0o700;
const BESTAND_MODUS = 0o600;

class MapDoel implements Doel {
  private readonly tijdelijk: string;

  constructor(private readonly doel: string) {
    mkdirSync(dirname(doel), { recursive: true });
    this.tijdelijk = mkdtempSync(join(dirname(doel), `.${basename(doel)}.deel-`));
  }

  async schrijf(pad: string, bron: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<ManifestBestand> {
    const t = teller(pad);
    const vol = join(this.tijdelijk, ...pad.split('/'));
    mkdirSync(dirname(vol), { recursive: true, mode: MAP_MODUS });
    await pipeline(Readable.from(t.tel(bron), { objectMode: false }), createWriteStream(vol, { flags: 'wx', mode: BESTAND_MODUS }));
    return t.uitkomst();
  }

  async sluit(manifest: Buffer): Promise<void> {
    writeFileSync(join(this.tijdelijk, MANIFEST_PAD), manifest, { flag: 'wx', mode: BESTAND_MODUS });
  }

  plaats(): void {
    // An empty target folder makes way (rmdir refuses one that was filled meanwhile); rename then takes its place.
    try {
      if (existsSync(this.doel)) rmdirSync(this.doel);
    } catch {
      throw new OpdrachtFout(`archief exporteer: ${this.doel} is intussen gevuld; niets overschreven`);
    }
    renameSync(this.tijdelijk, this.doel);
  }

  ruimOp(): void {
    rmSync(this.tijdelijk, { recursive: true, force: true });
  }
}

class ZipDoel implements Doel {
  private readonly zip = new ZipFile();
  private readonly tijdelijk: string;
  private readonly geschreven: Promise<void>;
  /** Rejects when writing the ZIP file fails, so that a file waiting to be taken in does not wait for ever. */
  private readonly mislukt: Promise<never>;

  constructor(private readonly doel: string, private readonly tijdstip: Date) {
    mkdirSync(dirname(doel), { recursive: true });
    this.tijdelijk = join(dirname(doel), `.${basename(doel)}.deel-${randomUUID()}`);
    this.geschreven = pipeline(this.zip.outputStream, createWriteStream(this.tijdelijk, { flags: 'wx', mode: BESTAND_MODUS }));
    this.mislukt = this.geschreven.then(() => new Promise<never>(() => {}));
    this.mislukt.catch(() => {}); // handled where it is raced; unobserved when all goes well
    this.zip.on('error', () => {}); // a failing entry is reported by its own stream (schrijf)
  }

  async schrijf(pad: string, bron: AsyncIterable<Buffer> | Iterable<Buffer>, opgeslagen = false): Promise<ManifestBestand> {
    const t = teller(pad);
    const stroom = Readable.from(t.tel(bron), { objectMode: false });
    // yazl takes entries one after the other; this one is read to its end before the next is added.
    this.zip.addReadStream(stroom, pad, { mtime: this.tijdstip, compress: !opgeslagen });
    await Promise.race([finished(stroom), this.mislukt]);
    return t.uitkomst();
  }

  async sluit(manifest: Buffer): Promise<void> {
    this.zip.addBuffer(manifest, MANIFEST_PAD, { mtime: this.tijdstip });
    this.zip.end();
    await this.geschreven;
  }

  plaats(): void {
    if (existsSync(this.doel) && statSync(this.doel).size > 0) throw new OpdrachtFout(`archief exporteer: ${this.doel} is intussen gevuld; niets overschreven`);
    renameSync(this.tijdelijk, this.doel);
  }

  ruimOp(): void {
    (this.zip.outputStream as Readable).destroy();
    rmSync(this.tijdelijk, { force: true });
  }
}

// ---- names ------------------------------------------------------------------------------------------------------

/**
 * A path segment safe on every file system and in a ZIP: ASCII letters, digits, '.', '_' and '-'; never hidden or
 * '..'; at most 100 characters with the extension kept. `gebruikt` holds the names taken in that folder.
 */
function veiligeNaam(naam: string, reserve: string, gebruikt: Set<string>): string {
  let schoon = naam.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._]+/, '');
  if (schoon.length > 100) {
    const punt = schoon.lastIndexOf('.');
    const ext = punt > 0 && schoon.length - punt <= 16 ? schoon.slice(punt) : '';
    schoon = schoon.slice(0, 100 - ext.length) + ext;
  }
  if (!schoon) schoon = reserve;
  let uniek = schoon;
  for (let n = 2; gebruikt.has(uniek.toLowerCase()); n++) {
    const punt = schoon.lastIndexOf('.');
    uniek = punt > 0 ? `${schoon.slice(0, punt)}-${n}${schoon.slice(punt)}` : `${schoon}-${n}`;
  }
  gebruikt.add(uniek.toLowerCase());
  return uniek;
}

/** The last segment of a stored file name, whatever separator the sender used. */
const laatsteDeel = (bestandsnaam: string) => bestandsnaam.split(/[\\/]/).pop() ?? '';

// ---- the command --------------------------------------------------------------------------------------------------

async function exporteer(config: Config, store: Store, o: Opdracht, schrijf: (t: string) => void): Promise<number> {
  const referentie = randomUUID();
  const tijdstip = new Date();
  const gelezen = await lees(config, store, o.zaak, referentie);
  controleerDoel(o); // again: the target may have been filled while the database was read
  let doel: Doel;
  try {
    doel = o.zip ? new ZipDoel(o.naar, tijdstip) : new MapDoel(o.naar);
  } catch (e) {
    throw alsOpdrachtFout(e);
  }
  try {
    const bestanden: ManifestBestand[] = [];
    const bsns = new Set<string>();
    const antwoord = async (pad: string, root: XElement) => {
      for (const bsn of persoonsgegevensIn(root).bsns) bsns.add(bsn);
      bestanden.push(await doel.schrijf(pad, xmlBytes(root)));
      return pad;
    };
    await antwoord('zaak.xml', gelezen.zaak);

    const documenten: ManifestDocument[] = [];
    const documentMappen = new Set<string>();
    for (const d of gelezen.documenten) {
      const map = `documenten/${veiligeNaam(d.identificatie, 'document', documentMappen)}`;
      const versies: ManifestDocument['versies'] = [];
      for (const v of d.versies) {
        const versieMap = `${map}/v${v.versienummer}`;
        const metadata = await antwoord(`${versieMap}/metadata.xml`, v.antwoord);
        const gebruikt = new Set(['metadata.xml']);
        let inhoud: ManifestDocument['versies'][number]['inhoud'];
        if (v.inhoud) {
          const i = v.inhoud;
          const pad = `${versieMap}/${veiligeNaam(laatsteDeel(i.bestandsnaam), 'inhoud', gebruikt)}`;
          const b = await doel.schrijf(pad, (await store.documenten.data(i)).blokken(), true);
          // The stored content must be what was received: an archive gets no silently damaged copy.
          if (b.grootte !== i.grootte || b.sha256 !== i.sha256) {
            throw new OpdrachtFout(`archief exporteer: de inhoud van document ${d.identificatie} versie ${v.versienummer} klopt niet met de opgeslagen grootte en SHA-256; niets geëxporteerd`);
          }
          bestanden.push(b);
          inhoud = { bestand: pad, bestandsnaam: i.bestandsnaam, ...(i.contentType ? { contentType: i.contentType } : {}), grootte: b.grootte, sha256: b.sha256 };
        }
        versies.push({ versie: v.versienummer, tijdstip: v.tijdstip, ...(v.soort ? { soort: v.soort } : {}), metadata, ...(inhoud ? { inhoud } : {}) });
      }
      documenten.push({ identificatie: d.identificatie, versies });
    }

    const besluiten: Manifest['besluiten'] = [];
    const besluitNamen = new Set<string>();
    for (const b of gelezen.besluiten) {
      besluiten.push({ identificatie: b.identificatie, bestand: await antwoord(`besluiten/${veiligeNaam(`${b.identificatie}.xml`, 'besluit.xml', besluitNamen)}`, b.antwoord) });
    }

    const v = versie();
    const z = gelezen.beeld;
    const manifest: Manifest = {
      formaat: MANIFEST_FORMAAT,
      referentie,
      geexporteerd: tijdstip.toISOString(),
      gateway: { versie: v.versie, commit: v.commit },
      zaak: {
        identificatie: z.identificatie,
        zaaktype: { code: z.zaaktypeCode, ...(z.zaaktypeOmschrijving ? { omschrijving: z.zaaktypeOmschrijving } : {}) },
        bestand: 'zaak.xml',
      },
      archief: archiefgegevens(config, z.zaak.data),
      documenten,
      besluiten,
      bestanden,
    };
    await doel.sluit(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));

    // Protocolled before it is put in place: what reaches the target has its row.
    await store.transactie((tx) =>
      tx.protocol.schrijf({
        tijdstip: new Date().toISOString(),
        soort: 'lezen',
        applicatie: APPLICATIE,
        gebruiker: o.door,
        rol: 'beheer',
        via: 'opdrachtregel',
        operatie: 'archief exporteer',
        referentienummer: referentie,
        ...(o.reden ? { doelbinding: o.reden } : {}),
        zaken: [z.identificatie],
        bsns: [...bsns].sort(),
      }),
    );
    doel.plaats();
    const versies = documenten.reduce((n, d) => n + d.versies.length, 0);
    const bytes = bestanden.reduce((n, b) => n + b.grootte, 0);
    schrijf(`zaak ${z.identificatie} geëxporteerd naar ${o.naar}${o.zip ? ' (ZIP)' : ''}: ${documenten.length} document(en) met ${versies} versie(s), ` +
      `${besluiten.length} besluit(en), ${bestanden.length + 1} bestanden (${bytes} bytes zonder manifest); referentie ${referentie}\n`);
    return 0;
  } catch (e) {
    throw alsOpdrachtFout(e);
  } finally {
    doel.ruimOp();
  }
}

/**
 * A file system error (no space, no permission, a path that is a file) as the command's failure: exit 1 with its
 * reason instead of a stack trace. The message names the path and the cause, nothing of the dossier.
 */
function alsOpdrachtFout(e: unknown): unknown {
  if (!(e instanceof Error) || !('syscall' in e)) return e;
  return new OpdrachtFout(`archief exporteer: schrijven mislukt: ${e.message}; niets geëxporteerd`);
}

/**
 * `archief exporteer`: the words after the subcommand as the parser read them (waarden, argumenten). Exit code 0, or
 * an OpdrachtFout (exit 1) when the zaak is unknown, the target is not empty or the export fails; wrong use is a
 * GebruikFout (exit 2), found before the database is opened.
 */
export async function exporteerArchief(config: Config, waarden: Waarden<typeof EXPORTEER_OPTIES>, argumenten: string[], schrijf: (t: string) => void): Promise<number> {
  const o = opdrachtUit(waarden, argumenten);
  controleerDoel(o);
  return metStore(config, (store) => exporteer(config, store, o, schrijf));
}
