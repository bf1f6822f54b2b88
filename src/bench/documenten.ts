// The document case: voegZaakdocumentToe and geefZaakdocumentLezen of 1, 16 and 64 MB against the gateway process,
// inline base64 and MTOM. Per operation: wall time, and how far the gateway's resident memory peaked above what it
// was before the request (Linux VmHWM, reset through /proc/<pid>/clear_refs), relative to the document size.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { Dienst } from './processen';
import { NAMESPACES, ZDS12_ACTIE, creeerZaak, inEnvelope, stuurgegevens } from './berichten';

const MB = 1024 * 1024;
const EDC = '<StUF:entiteittype>EDC</StUF:entiteittype>';
let ref = 0;
const referentie = () => `DOC-${process.pid}-${++ref}`;

function voegToe(docId: string, zaakId: string, inhoud: string): [string, string] {
  const voor = inEnvelope(
    `<ZDS:voegZaakdocumentToe_EdcLk01 ${NAMESPACES}>${stuurgegevens('Lk01', referentie(), EDC)}<ZKN:parameters><StUF:mutatiesoort>T</StUF:mutatiesoort><StUF:indicatorOvername>V</StUF:indicatorOvername></ZKN:parameters>` +
      `<ZKN:object StUF:entiteittype="EDC" StUF:verwerkingssoort="T"><ZKN:identificatie>${docId}</ZKN:identificatie><ZKN:dct.omschrijving>Bijlage</ZKN:dct.omschrijving>` +
      `<ZKN:creatiedatum>20261123</ZKN:creatiedatum><ZKN:titel>Bench</ZKN:titel><ZKN:formaat>application/octet-stream</ZKN:formaat><ZKN:taal>nld</ZKN:taal>` +
      `<ZKN:vertrouwelijkAanduiding>INTERN</ZKN:vertrouwelijkAanduiding><ZKN:auteur>bench</ZKN:auteur><ZKN:inhoud StUF:bestandsnaam="bench.bin" xmime:contentType="application/octet-stream">` +
      '\u0000' +
      `</ZKN:inhoud><ZKN:isRelevantVoor StUF:entiteittype="EDCZAK" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I">` +
      `<ZKN:identificatie>${zaakId}</ZKN:identificatie></ZKN:gerelateerde></ZKN:isRelevantVoor></ZKN:object></ZDS:voegZaakdocumentToe_EdcLk01>`,
  );
  const [a, b] = voor.split('\u0000');
  return [a + inhoud, b];
}

const lezen = (docId: string) =>
  inEnvelope(
    `<ZDS:geefZaakdocumentLezen_EdcLv01 ${NAMESPACES}>${stuurgegevens('Lv01', referentie(), EDC)}<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag></ZKN:parameters>` +
      `<ZKN:gelijk StUF:entiteittype="EDC"><ZKN:identificatie>${docId}</ZKN:identificatie></ZKN:gelijk><ZKN:scope><ZKN:object StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/>` +
      `<ZKN:titel xsi:nil="true"/><ZKN:inhoud xsi:nil="true"/></ZKN:object></ZKN:scope></ZDS:geefZaakdocumentLezen_EdcLv01>`,
  );

const GRENS = 'bench-grens';
const MTOM_TYPE = `multipart/related; type="application/xop+xml"; boundary="${GRENS}"; start="<root@bench>"; start-info="text/xml"`;
const mtomRoot = (xml: string) => `--${GRENS}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-ID: <root@bench>\r\n\r\n${xml}\r\n`;

/** POSTs the pieces and drains the answer without keeping it; resolves with the status and the answer size. */
function post(url: string, actie: string, stukken: Buffer[], contentType: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const lengte = stukken.reduce((n, s) => n + s.length, 0);
    const req = request(url, { method: 'POST', headers: { 'content-type': contentType, soapaction: actie, 'content-length': lengte } }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    for (const s of stukken) req.write(s);
    req.end();
  });
}

/** Resident memory now and its peak since the last reset, in bytes (Linux). */
export function geheugen(pid: number): { rss: number; piek: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (veld: string) => Number(new RegExp(`^${veld}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), piek: kb('VmHWM') };
}

export function resetPiek(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface DocumentMeting {
  operatie: string;
  transport: 'inline' | 'MTOM';
  megabytes: number;
  seconden: number;
  /** Peak RSS above the RSS before the request, in MB, and that divided by the document size. */
  piekGroeiMb: number;
  piekGroeiRatio: number;
  antwoordBytes: number;
}

async function meetEen(dienst: Dienst, operatie: string, transport: 'inline' | 'MTOM', megabytes: number, stuur: () => Promise<{ status: number; bytes: number }>): Promise<DocumentMeting> {
  const kanReset = resetPiek(dienst.pid);
  const voor = geheugen(dienst.pid);
  const start = process.hrtime.bigint();
  const r = await stuur();
  const seconden = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 200) throw new Error(`${operatie} ${megabytes} MB (${transport}) answered HTTP ${r.status}; gateway output:\n${dienst.uitvoer().slice(-2000)}`);
  const na = geheugen(dienst.pid);
  // Without clear_refs the peak is the process's lifetime peak, which still bounds this request from above.
  const piekGroei = Math.max(0, (kanReset ? na.piek : Math.max(na.piek, na.rss)) - voor.rss) / MB;
  return { operatie, transport, megabytes, seconden, piekGroeiMb: piekGroei, piekGroeiRatio: piekGroei / megabytes, antwoordBytes: r.bytes };
}

/**
 * Every request is measured on a freshly started gateway (same database file): memory a process took for an earlier
 * request stays resident, and would hide the next request's growth.
 */
export async function meetDocumenten(start: () => Promise<Dienst>, groottes: number[], log: (s: string) => void): Promise<DocumentMeting[]> {
  const zaak = `0599DOCBENCH${process.pid}`;
  const zaakBericht = creeerZaak(zaak, referentie(), 1);
  const opFrisseGateway = async <T>(werk: (d: Dienst) => Promise<T>): Promise<T> => {
    const d = await start();
    try {
      return await werk(d);
    } finally {
      await d.stop();
    }
  };
  await opFrisseGateway(async (d) => {
    const c = await post(`${d.url}${zaakBericht.pad}`, zaakBericht.actie, [Buffer.from(zaakBericht.body)], 'text/xml; charset=utf-8');
    if (c.status !== 200) throw new Error(`creeerZaak for the document case answered HTTP ${c.status}`);
  });
  const uit: DocumentMeting[] = [];
  const noteer = (m: DocumentMeting) => {
    uit.push(m);
    log(
      `  ${`${m.operatie} ${m.megabytes} MB`.padEnd(34)} ${m.transport.padEnd(7)} ${m.seconden.toFixed(2).padStart(7)} s  ` +
        `${(m.megabytes / m.seconden).toFixed(0).padStart(5)} MB/s  peak RSS +${m.piekGroeiMb.toFixed(0).padStart(4)} MB  (x${m.piekGroeiRatio.toFixed(2)} of the document)`,
    );
  };
  for (const mb of groottes) {
    const bytes = randomBytes(mb * MB);
    for (const transport of ['inline', 'MTOM'] as const) {
      const id = `DOC-${mb}MB-${transport}-${process.pid}`;
      const actie = ZDS12_ACTIE + 'voegZaakdocumentToe_EdcLk01';
      let stukken: Buffer[];
      if (transport === 'inline') {
        const [voor, na] = voegToe(id, zaak, '');
        stukken = [Buffer.from(voor), Buffer.from(bytes.toString('base64')), Buffer.from(na)];
      } else {
        const [voor, na] = voegToe(id, zaak, '<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:doc@bench"/>');
        stukken = [
          Buffer.from(mtomRoot(voor + na) + `--${GRENS}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <doc@bench>\r\n\r\n`),
          bytes,
          Buffer.from(`\r\n--${GRENS}--\r\n`),
        ];
      }
      const ct = transport === 'inline' ? 'text/xml; charset=utf-8' : MTOM_TYPE;
      noteer(await opFrisseGateway((d) => meetEen(d, 'voegZaakdocumentToe', transport, mb, () => post(`${d.url}/OntvangAsynchroon`, actie, stukken, ct))));
      stukken = [];
      const vraag = transport === 'inline' ? lezen(id) : mtomRoot(lezen(id)) + `--${GRENS}--\r\n`;
      noteer(await opFrisseGateway((d) => meetEen(d, 'geefZaakdocumentLezen', transport, mb, () => post(`${d.url}/BeantwoordVraag`, ZDS12_ACTIE + 'geefZaakdocumentLezen_EdcLv01', [Buffer.from(vraag)], ct))));
    }
  }
  return uit;
}
