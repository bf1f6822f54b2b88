// The dossier export (issue 19, item 4): `node dist/main.js archief exporteer` as a real process against the database
// of a test gateway with a selectielijst, holding a zaak with a resultaat, statuses, two persons, two documents (one
// with two versions, one of several content blocks under a file name that is no safe path) and a besluit. The export
// is read back, as a folder and as a ZIP: every file is in the manifest and every manifest entry is a file, each with
// the size and SHA-256 the manifest gives; the content files hold exactly the stored bytes; the answers are the
// gateway's own (the same objects geefZaakdetails, geefZaakdocumentLezen and geefBesluitdetails answer) and valid by
// the official schemas; the manifest names the zaak's selectielijst rule; the read is protocolled with the operator.
// Refusals: an unknown zaak (exit 1, nothing but its identificatie named), no --door (exit 2), a target that is not
// empty (exit 1, untouched), a target it cannot write, stored content that no longer matches its SHA-256 (exit 1);
// none leaves a file or a protocol row.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import yauzl from 'yauzl';
import type { Manifest } from '../../src/archief/manifest';
import { XElement, parseXml, path } from '../../src/stuf/xml';
import { TestGateway, startGateway } from '../support/gateway';
import { databaseOmgeving, draaiOpdracht } from '../support/proces';
import { heeftShared } from '../support/paden';
import { heeftJava, valideerOfficieel } from '../support/schemaValidatie';
import { vergelijkbaar } from '../support/antwoorden';
import { zdsClient } from '../support/zdsClient';
import { besluitClient, besluitdocument } from '../support/besluitBerichten';
import { STANDAARD_ATTRIBUTEN, creeerZaak, legeRelatie, persoon, rol, status, wijzig } from '../support/dialecten';
import * as doc from '../support/documentBerichten';

jest.setTimeout(120_000);

const BSN1 = '111222308';
const BSN2 = '111222321';
const ZAAK = `0599ARCH${process.pid}`;
const DOC1 = `0599DARCHA${process.pid}`;
const DOC2 = `0599DARCHB${process.pid}`;
const BESLUIT = `0599BARCH${process.pid}`;
const V1 = 'Eerste versie van de brief aan de familie';
const V2 = 'Tweede versie van de brief aan de familie, herzien';
// Three content blocks of 768 KiB and a bit: several rows of inhoud_blok.
const GROOT = randomBytes(3 * 768 * 1024 + 1234);
const GROTE_NAAM = 'C:\\stukken\\rapport: groot*.bin';
const DOOR = 'archivaris-3';
// The zaak's rule is the second: its resultaat (case aside) before the zaaktype's '*' rule.
const SELECTIELIJST = [
  { zaaktype: 'B1026', resultaat: '*', nominatie: 'vernietigen', bewaartermijn: { jaren: 1 } },
  { zaaktype: 'B1026', resultaat: ['toegekend', 'Verleend'], nominatie: 'vernietigen', bewaartermijn: { jaren: 10 } },
];
const REDEN = 'overdracht aan het regionaal archief';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, as forward-slash paths relative to it. */
function bestandenIn(map: string): string[] {
  return readdirSync(map, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(map, p)).isFile())
    .map((p) => p.split(sep).join('/'))
    .sort();
}

/** Every entry of a ZIP with its bytes, read back with yauzl. */
function leesZip(bestand: string): Promise<Map<string, Buffer>> {
  return new Promise((klaar, mislukt) => {
    yauzl.open(bestand, { lazyEntries: true }, (fout, zip) => {
      if (fout) return mislukt(fout);
      const inhoud = new Map<string, Buffer>();
      zip.on('error', mislukt);
      zip.on('end', () => klaar(inhoud));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (f, stroom) => {
          if (f) return mislukt(f);
          const delen: Buffer[] = [];
          stroom.on('data', (d: Buffer) => delen.push(d));
          stroom.on('end', () => {
            inhoud.set(entry.fileName, Buffer.concat(delen));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The answer object of an exported La01. */
const objectVan = (xml: Buffer | string): XElement => path(parseXml(xml.toString()), 'antwoord', 'object')!;

describe('archief exporteer', () => {
  let gw: TestGateway;
  let map: string;
  let env: Record<string, string>;

  /** The command line as its own process, on the gateway's configuration and database. */
  const draai = (...argv: string[]) => draaiOpdracht(env, ...argv);
  const exporteer = (naar: string, ...extra: string[]) => draai('archief', 'exporteer', ZAAK, '--naar', naar, '--door', DOOR, '--reden', REDEN, ...extra);
  const exportRegels = async () => (await gw.app.gateway.store.protocol.zoek({ zaak: ZAAK })).filter((r) => r.applicatie === 'archief');
  /** What stdout and stderr must never hold: a BSN, a name, document content. */
  const zonderPersoonsgegevens = (r: { stdout: string; stderr: string }) => {
    for (const verboden of [BSN1, BSN2, 'Vries', 'Jansen', V1, V2]) expect(r.stdout + r.stderr).not.toContain(verboden);
  };

  beforeAll(async () => {
    gw = await startGateway({ archief: { selectielijst: SELECTIELIJST } });
    map = mkdtempSync(join(tmpdir(), 'zdsgw-archief-'));
    const configPad = join(map, 'gateway.json');
    writeFileSync(configPad, JSON.stringify({ server: { tlsBijProxy: true }, archief: { selectielijst: SELECTIELIJST } }));
    env = { GATEWAY_CONFIG: configPad, ...databaseOmgeving(gw.config.database) };

    const zds = zdsClient(gw);
    const goed = async (r: Promise<{ status: number; details?: string }>) => expect(await r).toMatchObject({ status: 200 });
    const archief = STANDAARD_ATTRIBUTEN
      .replace('<ZKN:startdatum>', '<ZKN:resultaat><ZKN:omschrijving>verleend</ZKN:omschrijving><ZKN:toelichting>Vergunning verleend</ZKN:toelichting></ZKN:resultaat><ZKN:startdatum>')
      .replace('<ZKN:zaakniveau>', '<ZKN:archiefnominatie>N</ZKN:archiefnominatie><ZKN:datumVernietigingDossier>20340101</ZKN:datumVernietigingDossier><ZKN:zaakniveau>');
    const personen = rol('heeftAlsBelanghebbende', persoon(BSN2, '<BG:geslachtsnaam>Jansen</BG:geslachtsnaam>')) + rol('heeftAlsInitiator', persoon(BSN1));
    await goed(zds.stuur(creeerZaak('zds12', { id: ZAAK, attributen: archief, relaties: personen }), 'creeerZaak_ZakLk01', '/OntvangAsynchroon'));
    await goed(zds.stuur(wijzig('zds12', 'actualiseerZaakstatus', ZAAK, legeRelatie('heeft', 'ZAKSTT', 'T'), status(1, 'Ontvangen', '20240116090000')), 'actualiseerZaakstatus_ZakLk01', '/OntvangAsynchroon'));
    await goed(zds.stuur(wijzig('zds12', 'actualiseerZaakstatus', ZAAK, legeRelatie('heeft', 'ZAKSTT', 'T'), status(2, 'In behandeling', '20240120090000')), 'actualiseerZaakstatus_ZakLk01', '/OntvangAsynchroon'));

    const voegToe = (xml: string) => zds.stuur(xml, 'voegZaakdocumentToe_EdcLk01', doc.docPad('voegZaakdocumentToe'));
    await goed(voegToe(doc.nieuwDocument('zds12', 'voegZaakdocumentToe', { id: DOC1, zaken: [ZAAK], tekst: V1, bestandsnaam: 'brief.txt' })));
    await goed(zds.stuur(doc.update('zds12', DOC1, { oud: '', nieuw: doc.inhoud(V2, 'brief-herzien.txt') }), 'updateZaakdocument_Di02', doc.docPad('updateZaakdocument')));
    const groot = doc.nieuwDocument('zds12', 'voegZaakdocumentToe', { id: DOC2, zaken: [ZAAK], tekst: 'x', bestandsnaam: GROTE_NAAM });
    await goed(voegToe(groot.replace(`>${Buffer.from('x').toString('base64')}<`, `>${GROOT.toString('base64')}<`).replace('text/plain"', 'application/octet-stream"')));

    await goed(besluitClient(gw).voeg({ id: BESLUIT, zaak: ZAAK, documenten: besluitdocument(DOC1) }));
  });

  afterAll(async () => {
    await gw?.sluit();
    if (map) rmSync(map, { recursive: true, force: true });
  });

  /** The checks a folder and a ZIP share: manifest against files, content against what was stored, answers against the gateway's. */
  async function controleer(bestanden: Map<string, Buffer>): Promise<Manifest> {
    const manifest = JSON.parse(bestanden.get('manifest.json')!.toString('utf8')) as Manifest;
    // Every file is in the manifest and vice versa, with its size and SHA-256.
    expect(manifest.bestanden.map((b) => b.pad).sort()).toEqual([...bestanden.keys()].filter((p) => p !== 'manifest.json').sort());
    for (const b of manifest.bestanden) {
      const inhoud = bestanden.get(b.pad)!;
      expect({ pad: b.pad, grootte: inhoud.length, sha256: sha256(inhoud) }).toEqual(b);
    }

    expect(manifest).toMatchObject({
      formaat: 'zds-gateway-dossierexport/1',
      zaak: { identificatie: ZAAK, zaaktype: { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' }, bestand: 'zaak.xml' },
      archief: {
        archiefnominatie: 'N', archiefactiedatum: '2034-01-01', datumVernietigingDossier: '20340101', bron: 'bericht',
        selectielijst: { regel: 1, zaaktype: 'B1026', resultaat: ['toegekend', 'Verleend'], nominatie: 'vernietigen', bewaartermijn: { jaren: 10, maanden: 0 }, brondatum: 'einddatum' },
      },
      besluiten: [{ identificatie: BESLUIT, bestand: `besluiten/${BESLUIT}.xml` }],
    });
    expect(manifest.referentie).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(manifest.geexporteerd)).toBeGreaterThan(Date.now() - 600_000);
    expect(manifest.gateway.versie).toMatch(/^\d+\.\d+\.\d+/);

    // Every version with its content, byte for byte; the stored file name kept in the manifest, a safe one on disk.
    const [d1, d2] = manifest.documenten;
    expect(manifest.documenten.map((d) => d.identificatie)).toEqual([DOC1, DOC2]);
    expect(d1.versies.map((v) => [v.versie, v.metadata, v.inhoud?.bestand, v.inhoud?.bestandsnaam])).toEqual([
      [1, `documenten/${DOC1}/v1/metadata.xml`, `documenten/${DOC1}/v1/brief.txt`, 'brief.txt'],
      [2, `documenten/${DOC1}/v2/metadata.xml`, `documenten/${DOC1}/v2/brief-herzien.txt`, 'brief-herzien.txt'],
    ]);
    expect(d2.versies).toHaveLength(1);
    expect(d2.versies[0].inhoud).toMatchObject({ bestand: `documenten/${DOC2}/v1/rapport__groot_.bin`, bestandsnaam: GROTE_NAAM, contentType: 'application/octet-stream', grootte: GROOT.length, sha256: sha256(GROOT) });
    const opgeslagen: [string, Buffer][] = [[d1.versies[0].inhoud!.bestand, Buffer.from(V1)], [d1.versies[1].inhoud!.bestand, Buffer.from(V2)], [d2.versies[0].inhoud!.bestand, GROOT]];
    for (const [pad, bytes] of opgeslagen) expect(bestanden.get(pad)!.equals(bytes)).toBe(true);
    // Each metadata.xml is the whole answer: its inline content is the file beside it.
    for (const d of manifest.documenten) {
      for (const v of d.versies) {
        const inline = path(objectVan(bestanden.get(v.metadata)!), 'inhoud')!.text.replace(/\s+/g, '');
        expect(inline === bestanden.get(v.inhoud!.bestand)!.toString('base64')).toBe(true);
      }
    }

    // The answers are the gateway's own: the same objects as its answers with scope alles, bar the stuurgegevens.
    const zds = zdsClient(gw);
    expect(vergelijkbaar(objectVan(bestanden.get('zaak.xml')!))).toEqual(vergelijkbaar((await zds.details(ZAAK))!));
    expect(vergelijkbaar(objectVan(bestanden.get(d1.versies[1].metadata)!))).toEqual(vergelijkbaar((await zds.document(DOC1))!));
    expect(vergelijkbaar(objectVan(bestanden.get(`besluiten/${BESLUIT}.xml`)!))).toEqual(vergelijkbaar((await besluitClient(gw).details(BESLUIT))!));
    const zaak = bestanden.get('zaak.xml')!.toString('utf8');
    for (const bsn of [BSN1, BSN2]) expect(zaak).toContain(`>${bsn}<`);
    expect(zaak.match(/<ZKN:heeft /g)).toHaveLength(2);
    expect(zaak.match(/<ZKN:heeftRelevant /g)).toHaveLength(2);
    expect(zaak.match(/<ZKN:leidtTot /g)).toHaveLength(1);
    // The first version is answered with its own metadata and content.
    expect(path(objectVan(bestanden.get(d1.versies[0].metadata)!), 'inhoud')!.attrs.find((a) => a.local === 'bestandsnaam')?.value).toBe('brief.txt');
    for (const [, xml] of [...bestanden].filter(([p]) => p.endsWith('.xml'))) expect(xml.toString('utf8')).toContain(`<StUF:crossRefnummer>${manifest.referentie}</StUF:crossRefnummer>`);
    return manifest;
  }

  /** The protocol row of one export: the operator, role beheer, the zaak, both BSNs, the reason, the export's reference. */
  async function protocolVan(manifest: Manifest): Promise<void> {
    const regel = (await exportRegels()).find((r) => r.referentienummer === manifest.referentie);
    expect(regel).toMatchObject({
      soort: 'lezen', applicatie: 'archief', gebruiker: DOOR, rol: 'beheer', via: 'opdrachtregel', operatie: 'archief exporteer',
      doelbinding: REDEN, zaken: [ZAAK], bsns: [BSN1, BSN2],
    });
  }

  it('writes a folder whose manifest, content and answers check out, validates by the schemas, and is protocolled', async () => {
    const naar = join(map, 'export');
    const r = await exporteer(naar);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^zaak ${ZAAK} geëxporteerd naar ${naar}: 2 document\\(en\\) met 3 versie\\(s\\), 1 besluit\\(en\\), 9 bestanden`));
    zonderPersoonsgegevens(r);
    // Nothing left beside it: the temporary folder became the export.
    expect(readdirSync(map).sort()).toEqual(['export', 'gateway.json']);
    expect(statSync(naar).mode & 0o777).toBe(0o700);

    const paden = bestandenIn(naar);
    const manifest = await controleer(new Map(paden.map((p) => [p, readFileSync(join(naar, p))])));
    await protocolVan(manifest);

    const xml = paden.filter((p) => p.endsWith('.xml')).map((p) => join(naar, p));
    expect(xml.map((p) => relative(naar, p).split(sep).join('/'))).toEqual(['besluiten/' + `${BESLUIT}.xml`, `documenten/${DOC1}/v1/metadata.xml`, `documenten/${DOC1}/v2/metadata.xml`, `documenten/${DOC2}/v1/metadata.xml`, 'zaak.xml']);
    if (!heeftShared() || !heeftJava()) {
      console.warn('../shared of java ontbreekt: de geëxporteerde antwoorden worden hier niet gevalideerd');
      return;
    }
    const uitslag = await valideerOfficieel(xml);
    expect(uitslag.ongeldig).toEqual([]);
    expect(uitslag.geldig).toBe(5);
  });

  it('writes the same as a ZIP with --zip, read back with its checksums; a second export is a second protocol row', async () => {
    const naar = join(map, 'zips', 'dossier.zip');
    const voor = (await exportRegels()).length;
    const r = await exporteer(naar, '--zip');
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain(`geëxporteerd naar ${naar} (ZIP)`);
    zonderPersoonsgegevens(r);
    expect(readdirSync(join(map, 'zips'))).toEqual(['dossier.zip']);
    const manifest = await controleer(await leesZip(naar));
    await protocolVan(manifest);
    expect((await exportRegels()).length).toBe(voor + 1);
  });

  it('refuses an unknown zaak (exit 1) naming only its identificatie, and writes nothing', async () => {
    const voor = (await exportRegels()).length;
    const naar = join(map, 'onbekend');
    const r = await draai('archief', 'exporteer', '0599BESTAATNIET', '--naar', naar, '--door', DOOR);
    expect(r).toEqual({ status: 1, stdout: '', stderr: 'archief exporteer: zaak 0599BESTAATNIET is niet gevonden\n' });
    expect(readdirSync(map).filter((n) => n.includes('onbekend'))).toEqual([]);
    expect((await exportRegels()).length).toBe(voor);
  });

  it('refuses without --door (exit 2, before anything is opened) and a target that is not empty (exit 1, untouched)', async () => {
    const voor = (await exportRegels()).length;
    const zonder = await draai('archief', 'exporteer', ZAAK, '--naar', join(map, 'zonder-door'));
    expect({ status: zonder.status, stdout: zonder.stdout }).toEqual({ status: 2, stdout: '' });
    expect(zonder.stderr).toMatch(/^archief exporteer: geef --door WIE .*\ngebruik: archief exporteer ZAAK/);

    const vol = join(map, 'vol');
    mkdirSync(vol);
    writeFileSync(join(vol, 'al-hier.txt'), 'blijft');
    const r = await exporteer(vol);
    expect(r).toEqual({ status: 1, stdout: '', stderr: `archief exporteer: ${vol} is niet leeg; kies een nieuwe of lege map\n` });
    expect(bestandenIn(vol)).toEqual(['al-hier.txt']);
    const zip = join(map, 'vol.zip');
    writeFileSync(zip, 'blijft');
    const z = await exporteer(zip, '--zip');
    expect(z).toEqual({ status: 1, stdout: '', stderr: `archief exporteer: ${zip} bestaat al en is niet leeg; kies een nieuw bestand\n` });
    expect(readFileSync(zip, 'utf8')).toBe('blijft');
    expect(readdirSync(map).filter((n) => n.includes('.deel-') || n === 'zonder-door')).toEqual([]);
    expect((await exportRegels()).length).toBe(voor);
  });

  it('a target it cannot write (a path through a file) fails with exit 1 and the reason, leaving nothing and no protocol row', async () => {
    const voor = (await exportRegels()).length;
    const naar = join(map, 'gateway.json', 'export');
    const r = await exporteer(naar);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 1, stdout: '' });
    expect(r.stderr).toMatch(/^archief exporteer: schrijven mislukt: .*gateway\.json.*; niets geëxporteerd\n$/);
    zonderPersoonsgegevens(r);
    expect(readdirSync(map).filter((n) => n.includes('.deel-'))).toEqual([]);
    expect((await exportRegels()).length).toBe(voor);
  });

  it('refuses stored content that no longer matches its SHA-256 (exit 1): the archive gets no damaged copy', async () => {
    const sql = gw.app.gateway.store.sql;
    const { inhoud_id: inhoudId } = (await sql.een<{ inhoud_id: number }>(
      'SELECT v.inhoud_id FROM document_versie v JOIN document d ON d.id = v.document_id WHERE d.identificatie = ?', [DOC2]))!;
    const blok = (await sql.een<{ data: Buffer }>('SELECT data FROM inhoud_blok WHERE inhoud_id = ? AND volgnummer = 1', [inhoudId]))!.data;
    const beschadigd = Buffer.from(blok);
    beschadigd[100] ^= 0xff;
    await sql.voer('UPDATE inhoud_blok SET data = ? WHERE inhoud_id = ? AND volgnummer = 1', [beschadigd, inhoudId]);
    const voor = (await exportRegels()).length;
    try {
      const naar = join(map, 'beschadigd');
      const r = await exporteer(naar);
      expect(r).toEqual({ status: 1, stdout: '', stderr: `archief exporteer: de inhoud van document ${DOC2} versie 1 klopt niet met de opgeslagen grootte en SHA-256; niets geëxporteerd\n` });
      expect(readdirSync(map).filter((n) => n.includes('beschadigd'))).toEqual([]);
      expect((await exportRegels()).length).toBe(voor);
    } finally {
      await sql.voer('UPDATE inhoud_blok SET data = ? WHERE inhoud_id = ? AND volgnummer = 1', [blok, inhoudId]);
    }
  });

  it('an empty target folder is taken', async () => {
    const leeg = join(map, 'leeg');
    mkdirSync(leeg);
    const r = await exporteer(leeg);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(bestandenIn(leeg)).toContain('manifest.json');
  });
});
