// Typed clients generated from the WSDLs the gateway serves, as integrators make them: zeep (Python) builds every
// message from the served types, a scope field by field, and reads the answers; JAX-WS wsimport generates Java from
// each WSDL without a bindings file. Needs the Debian packages python3-zeep and jaxws (.ci/run installs them where
// missing); without them these tests skip with a message saying so.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, TestGateway } from '../support/gateway';
import { heeftShared } from '../support/paden';
import { heeftJava, valideerEigen, valideerOfficieel } from '../support/schemaValidatie';

const ZEEP_CLIENT = join(__dirname, '..', 'support', 'zeepClient.py');

/** Debian's python3 has python3-zeep; `python3` on PATH may be another interpreter (pyenv) without it. */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import zeep'], { encoding: 'utf8' }).status === 0);
const WSIMPORT = spawnSync('wsimport', ['-version'], { encoding: 'utf8' }).status === 0;

/** A child process, asynchronously: the gateway it talks to runs in this process and must keep answering. */
function draai(opdracht: string, args: string[], tijdslimietMs: number): Promise<{ status: number | null; uit: string; fout: string }> {
  return new Promise((resolve, reject) => {
    const kind = spawn(opdracht, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: tijdslimietMs });
    let uit = '';
    let fout = '';
    kind.stdout.on('data', (d: Buffer) => (uit += d.toString('utf8')));
    kind.stderr.on('data', (d: Buffer) => (fout += d.toString('utf8')));
    kind.on('error', reject);
    kind.on('close', (status) => resolve({ status, uit, fout }));
  });
}

async function luisterendeGateway(): Promise<{ gw: TestGateway; basis: string }> {
  const gw = await startGateway();
  await gw.app.listen({ port: 0, host: '127.0.0.1' });
  return { gw, basis: `http://127.0.0.1:${(gw.app.server.address() as AddressInfo).port}` };
}

// ---- zeep ------------------------------------------------------------------------------------------------------

const metZeep = PYTHON && heeftShared() && heeftJava() ? describe : describe.skip;
if (!PYTHON) console.warn('getypeerdeClients.test.ts: zeep-tests overgeslagen; python3-zeep ontbreekt (apt-get install python3-zeep; .ci/run doet dat)');
else if (!heeftShared() || !heeftJava()) console.warn('getypeerdeClients.test.ts: zeep-tests overgeslagen; ../shared (ZDS_SHARED) of java ontbreekt voor de validatie van de verzoeken');

interface ZeepUitslag {
  operaties: Record<string, string[]>;
  identificatie?: string;
  details?: { identificatie: string; omschrijving: string; zaaktype: string; bsn: string; berichtcode: string };
}

metZeep('zeep: a client generated from each served WSDL', () => {
  let gw: TestGateway;
  let basis: string;
  beforeAll(async () => {
    ({ gw, basis } = await luisterendeGateway());
  });
  afterAll(() => gw.sluit());

  const zeep = async (dialect: string, uitmap: string): Promise<ZeepUitslag> => {
    const r = await draai(PYTHON!, [ZEEP_CLIENT, basis, dialect, uitmap, 'B1026', 'Parkeervergunning bewoners', '111222333'], 180_000);
    if (r.status !== 0) throw new Error(`zeepClient.py ${dialect} faalde (status ${r.status}):\n${r.fout.slice(-3000)}`);
    return JSON.parse(r.uit) as ZeepUitslag;
  };

  const OPERATIES = {
    zds12: {
      VerwerkSynchroonVrijBericht: ['cancelCheckout_Di02', 'geefZaakdocumentbewerken_Di02', 'genereerBesluitIdentificatie_Di02', 'genereerDocumentIdentificatie_Di02', 'genereerZaakIdentificatie_Di02', 'ontkoppelZaakdocument_Di02', 'updateZaakdocument_Di02'],
      OntvangAsynchroon: ['actualiseerZaakstatus_ZakLk01', 'creeerZaak_ZakLk01', 'maakZaakdocument_EdcLk01', 'overdragenZaak_Di01', 'overdragenZaak_Du01', 'updateBesluit_BslLk01', 'updateZaak_ZakLk01', 'voegBesluitToe_Di01', 'voegZaakdocumentToe_EdcLk01'],
      BeantwoordVraag: ['geefBesluitdetails_BslLv01', 'geefLijstBesluiten_ZakLv01', 'geefLijstZaakdocumenten_ZakLv01', 'geefZaakdetails_ZakLv01', 'geefZaakdocumentLezen_EdcLv01', 'geefZaakstatus_ZakLv01'],
    },
    zds11: {
      VrijeBerichten: ['cancelCheckout_Di02', 'geefZaakdocumentbewerken_Di02', 'genereerDocumentIdentificatie_Di02', 'genereerZaakIdentificatie_Di02', 'updateZaakdocument_Di02'],
      OntvangAsynchroon: ['actualiseerZaakstatus_Lk01', 'creeerZaak_Lk01', 'maakZaakdocument_Lk01', 'updateZaak_Lk01', 'voegZaakdocumentToe_Lk01'],
      BeantwoordVraag: ['geefLijstZaakdocumenten_Lv01', 'geefZaakdetails_Lv01', 'geefZaakdocumentLezen_Lv01', 'geefZaakstatus_Lv01'],
    },
  };
  const VERZOEKEN = {
    zds12: ['01-genereerZaakIdentificatie_Di02.xml', '02-creeerZaak_ZakLk01.xml', '03-geefZaakdetails_ZakLv01.xml'],
    zds11: ['01-genereerZaakIdentificatie_Di02.xml', '02-creeerZaak_Lk01.xml', '03-geefZaakdetails_Lv01.xml'],
  };

  it.each(['zds12', 'zds11'] as const)(
    '%s: genereerZaakIdentificatie, creeerZaak and geefZaakdetails with a field-by-field scope; the requests validate, zeep reads the answers',
    async (dialect) => {
      const uitmap = mkdtempSync(join(tmpdir(), `zdsgw-zeep-${dialect}-`));
      try {
        const uitslag = await zeep(dialect, uitmap);
        expect(uitslag.operaties).toEqual(OPERATIES[dialect]);
        // What zeep read from the La01: the zaak as created, with the parts of the scope's relations.
        expect(uitslag.details).toEqual({
          identificatie: uitslag.identificatie,
          omschrijving: 'Aanvraag via een getypeerde client',
          zaaktype: 'B1026',
          bsn: '111222333',
          berichtcode: 'La01',
        });
        // The requests zeep sent, whole envelopes, against the official schemas and against our own served ones.
        const verzoeken = readdirSync(uitmap).sort();
        expect(verzoeken).toEqual(VERZOEKEN[dialect]);
        const bestanden = verzoeken.map((v) => join(uitmap, v));
        const scope = readFileSync(bestanden[2], 'utf8');
        expect(scope).toMatch(/<(\w+):natuurlijkPersoon [^>]*entiteittype="NPS"><(\w+):inp\.bsn [^>]*xsi:nil="true"\/>/);
        expect(await valideerOfficieel(bestanden)).toEqual({ geldig: 3, ongeldig: [] });
        expect(await valideerEigen(basis, bestanden)).toEqual({ geldig: 3, ongeldig: [] });
      } finally {
        rmSync(uitmap, { recursive: true, force: true });
      }
    },
    240_000,
  );

  it('rzs: zeep loads the RZS WSDL and finds its four operations', async () => {
    const uitslag = await zeep('rzs', mkdtempSync(join(tmpdir(), 'zdsgw-zeep-rzs-')));
    expect(uitslag.operaties).toEqual({ OntvangAsynchroon: ['bevestigOverdragenZaak', 'initieerNotificeerOverZaak', 'notificeerOverZaak', 'overdragenZaak'] });
  }, 120_000);
});

// ---- JAX-WS wsimport -------------------------------------------------------------------------------------------

const metWsimport = WSIMPORT ? describe : describe.skip;
if (!WSIMPORT) console.warn('getypeerdeClients.test.ts: wsimport-tests overgeslagen; wsimport ontbreekt (apt-get install jaxws; .ci/run doet dat)');

metWsimport('JAX-WS wsimport: Java generated from each served WSDL without a bindings file (ZDS 1.1 BeantwoordVraag and OntvangAsynchroon with -extension)', () => {
  let gw: TestGateway;
  let basis: string;
  beforeAll(async () => {
    ({ gw, basis } = await luisterendeGateway());
  });
  afterAll(() => gw.sluit());

  /** The Java methods wsimport makes of the operations, as `Result operation(first parameter's element name)`. */
  const methoden = (map: string): string[] => {
    const zoek = (m: string): string[] => readdirSync(m, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? zoek(join(m, e.name)) : e.name.endsWith('.java') ? [join(m, e.name)] : []));
    return zoek(map).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/public (\w+) (\w+)\(\s*@WebParam\(name = "(\w+)"/g)].map((m) => `${m[1]} ${m[2]}(${m[3]})`));
  };

  // BeantwoordVraag and the vrije berichten turn JAX-WS wrapper style off in the WSDL (a method takes and returns whole
  // messages); OntvangAsynchroon always imported and keeps its wrapper-style methods (stuurgegevens, parameters,
  // object in; the Bv03's stuurgegevens out), so code generated from it earlier stays as it was. ZDS 1.1
  // BeantwoordVraag and OntvangAsynchroon share one request element over several operations (zakLv01, zakLk01), which
  // WS-I BP R2710 forbids: wsimport takes them only with -extension (dispatch by SOAPAction), a property of ZDS 1.1.
  it.each([
    ['zds12', 'BeantwoordVraag', 'GeefZaakdetailsZakLa01 geefZaakdetailsZakLv01(geefZaakdetails_ZakLv01)', []],
    ['zds12', 'VerwerkSynchroonVrijBericht', 'GenereerZaakIdentificatieDu02 genereerZaakIdentificatieDi02(genereerZaakIdentificatie_Di02)', []],
    ['zds12', 'OntvangAsynchroon', 'StuurgegevensBv03 creeerZaakZakLk01(stuurgegevens)', []],
    ['zds11', 'VrijeBerichten', 'GenereerZaakIdentificatieDu02 genereerZaakIdentificatieDi02(genereerZaakIdentificatie_Di02)', []],
    ['zds11', 'BeantwoordVraag', 'ZAKLa01 geefZaakdetailsLv01(zakLv01)', ['-extension']],
    ['zds11', 'OntvangAsynchroon', 'Bv03Bericht creeerZaakLk01(zakLk01)', ['-extension']],
  ])('%s %s', async (dialect, endpoint, methode, opties) => {
    const map = mkdtempSync(join(tmpdir(), `zdsgw-wsimport-${endpoint}-`));
    try {
      // -Xnocompile: the Java is generated (where "duplicate parameter name" and every other WSDL or schema problem
      // shows) but not compiled, which would double the time for a javac run that tests javac.
      const r = await draai('wsimport', [...opties, '-keep', '-Xnocompile', '-d', map, `${basis}/${endpoint}?wsdl${dialect === 'zds11' ? '&dialect=zds11' : ''}`], 300_000);
      expect({ status: r.status, fouten: `${r.uit}\n${r.fout}`.split('\n').filter((l) => /ERROR|error:/.test(l)) }).toEqual({ status: 0, fouten: [] });
      expect(methoden(map)).toContain(methode);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  }, 360_000);
});
