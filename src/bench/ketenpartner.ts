// The ketenpartner mirror under load: geefZaakstatus on partner zaken we mirror, answered from the mirror (fresh),
// and with every read first asking the partner (maxOuderdomMinuten 0). The partner is a second gateway process that
// holds the partner's zaken as its own, so the pull is a real geefZaakstatus over loopback through the soap package.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../store';
import { legeZaakData } from '../domain/zaak';
import { ZAAKTYPEN, creeerZaak, geefZaakstatus } from './berichten';
import type { Dienst } from './processen';
import type { Generator } from './meting';

const PARTNERZAKEN = 200;
const ZORG = { organisatie: '0777', applicatie: 'ZORGSYS' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();

export const partnerzaak = (i: number) => `0777BENCH${String(i).padStart(6, '0')}`;

/** A random one of the mirrored partner zaken; the answer must hold it, its status, and no melding (no failed pull). */
export function spiegelstatusGenerator(): Generator {
  let n = 0;
  return () => {
    const id = partnerzaak(1 + Math.floor(Math.random() * PARTNERZAKEN));
    return {
      verzoek: geefZaakstatus(id, `BENCH-SPIEGEL-${RUN}-${++n}`),
      klopt: (body) => body.includes(`<ZKN:identificatie>${id}</ZKN:identificatie>`) && body.includes('ZAKSTT') && !body.includes('melding>'),
    };
  };
}

/** The partner's own zakenmagazijn: its zaken created through its own creeerZaak. */
export async function startPartner(map: string, start: (database: string, config: string) => Promise<Dienst>): Promise<Dienst> {
  const config = join(map, 'bench-partner.json');
  writeFileSync(config, JSON.stringify({ stuf: { gemeentecode: ZORG.organisatie, zender: ZORG } }));
  const partner = await start(join(map, 'partner.db'), config);
  for (let i = 1; i <= PARTNERZAKEN; i++) {
    const v = creeerZaak(partnerzaak(i), `BENCH-PARTNER-${RUN}-${i}`, i);
    const r = await fetch(`${partner.url}${v.pad}`, { method: 'POST', body: v.body, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: v.actie } });
    if (r.status !== 200) throw new Error(`partner refused its own zaak (${r.status}): ${(await r.text()).slice(0, 500)}`);
  }
  return partner;
}

/** Our database: one deelplan and a mirror per partner zaak, with a status as if the partner had pushed it. */
export async function vulSpiegels(pad: string): Promise<void> {
  const store = await Store.open(pad);
  try {
    await store.transactie(async (store) => {
      const deelplan = await store.zaken.voegToe('0599BENCHDEELPLAN', legeZaakData({ code: 'B1145', omschrijving: 'Bijzondere bijstand' }));
      for (let i = 1; i <= PARTNERZAKEN; i++) {
        const zt = ZAAKTYPEN[i % ZAAKTYPEN.length];
        await store.spiegelzaken.voegToe({ identificatie: partnerzaak(i), partner: 'zorg', zaaktype: zt, deelplanId: deelplan.id, gekoppeldDoor: 'regie' });
        const s = (await store.spiegelzaken.vind(partnerzaak(i)))!;
        await store.spiegelzaken.zetStatus(s.id, { volgnummer: 1, omschrijving: 'Ontvangen', datumStatusGezet: { utc: '2024-01-15T09:30:05.000Z', digits: 17 }, statustype: [], extra: [] }, 'push');
      }
    });
  } finally {
    await store.sluit();
  }
}

/** The gateway's configuration with the partner: fresh mirrors (a year may pass), or asked on every read. */
export function partnerConfig(map: string, partner: Dienst, maxOuderdomMinuten: number): string {
  const bestand = join(map, `bench-keten-${maxOuderdomMinuten}.json`);
  writeFileSync(bestand, JSON.stringify({
    partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], zds: { adres: `${partner.url}/BeantwoordVraag` }, maxOuderdomMinuten }],
  }));
  return bestand;
}
