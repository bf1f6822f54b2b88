// Which accepted message poisoned a zaak? The fuzzer's round is replayed on a fresh gateway: only the messages that
// were accepted (a refused message changes nothing: one transaction per message), in their order. After each one that
// names the zaak or one of the persons in its answer, the zaak is asked for with geefZaakdetails "alles"; the first
// answer the reference validator refuses names the culprit. Only run when a round found an invalid zaak.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { actie, geefZaakdetails } from './dialecten';
import { escapeXml } from './fuzzMutaties';
import { startGateway, TestGateway } from './gateway';
import { valideerOfficieel } from './schemaValidatie';
import { inEnvelope } from './soap';

export interface Herhaalbaar {
  nr: number;
  pad: string;
  actie?: string;
  bytes: Buffer;
  status: number;
}

export interface OngeldigeZaak {
  id: string;
  /** The BSNs in its invalid answer: a person record is shared by every zaak that names it. */
  bsns: string[];
}

/** The culprit's message number, or why there is none. */
export type Uitkomst = { nr: number } | { niet: string };

/** A message as bytes, as a client sends it (app.inject, no string conversion on the way). */
export async function stuurBytes(gw: TestGateway, pad: string, actieHeader: string | undefined, bytes: Buffer) {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  if (actieHeader) headers.soapaction = actieHeader;
  const r = await gw.app.inject({ method: 'POST', url: pad, payload: bytes, headers });
  // The raw bytes go to the oracle: a decoded string would hide bytes that are not UTF-8.
  return { status: r.statusCode, body: r.body, ruw: r.rawPayload, contentType: String(r.headers['content-type'] ?? '') };
}

const MAX_CONTROLES = 2000;

export async function zoekVergiftigers(config: Record<string, unknown>, berichten: Herhaalbaar[], zaken: OngeldigeZaak[], map: string): Promise<Map<string, Uitkomst>> {
  mkdirSync(map, { recursive: true });
  const gw = await startGateway(config, 'fuzz-herhaling', pino({ level: 'silent' }));
  const controles: { id: string; nr: number; bestand: string }[] = [];
  const vraag = async (z: OngeldigeZaak, i: number, nr: number) => {
    const r = await gw.stuur(inEnvelope(geefZaakdetails('zds12', escapeXml(z.id))), { pad: '/BeantwoordVraag', actie: actie('zds12', 'geefZaakdetails') });
    if (r.status !== 200 || !/<(?:\w+:)?object[\s>]/.test(r.body)) return;
    const bestand = join(map, `h-${String(i).padStart(3, '0')}-${nr < 0 ? 'eind' : String(nr).padStart(6, '0')}.xml`);
    writeFileSync(bestand, r.body);
    controles.push({ id: z.id, nr, bestand });
  };
  try {
    const sleutels = zaken.map((z) => [z.id, ...z.bsns].map((s) => Buffer.from(`>${s}<`)));
    for (const v of berichten) {
      if (v.status !== 200 || v.pad === '/BeantwoordVraag') continue;
      await stuurBytes(gw, v.pad, v.actie, v.bytes);
      for (const [i, z] of zaken.entries()) {
        if (controles.length < MAX_CONTROLES && sleutels[i].some((s) => v.bytes.includes(s))) await vraag(z, i, v.nr);
      }
    }
    for (const [i, z] of zaken.entries()) await vraag(z, i, -1);
  } finally {
    await gw.sluit();
  }
  const uitslag = controles.length ? await valideerOfficieel(controles.map((c) => c.bestand)) : { geldig: 0, ongeldig: [] };
  const ongeldig = new Set(controles.filter((c) => uitslag.ongeldig.some((b) => b.split('\n')[0].includes(c.bestand))).map((c) => c.bestand));
  const uit = new Map<string, Uitkomst>();
  for (const z of zaken) {
    const eigen = controles.filter((c) => c.id === z.id);
    const eind = eigen.find((c) => c.nr < 0);
    const eerste = eigen.filter((c) => c.nr >= 0).sort((a, b) => a.nr - b.nr).find((c) => ongeldig.has(c.bestand));
    if (!eind || !ongeldig.has(eind.bestand)) uit.set(z.id, { niet: 'de herhaling van de geaccepteerde berichten maakt de zaak niet ongeldig' });
    else if (!eerste) uit.set(z.id, { niet: 'ongeldig geworden door een bericht dat de zaak en haar personen niet noemt' });
    else uit.set(z.id, { nr: eerste.nr });
  }
  return uit;
}
