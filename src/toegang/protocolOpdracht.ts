// Command `protocol`: lists the protocol by BSN or zaak and period, for the privacy officer; `protocol opschonen`
// removes the rows older than the retention period. Opens the configured database itself, SQLite or PostgreSQL (the
// gateway may be running: WAL or PostgreSQL allows a reader beside it, and the purge waits for writers like any writer).
import { Config } from '../config';
import { openStore } from '../store/openen';
import { ProtocolRegel, ProtocolVraag } from '../store/protocol';
import { OpdrachtFout, Sub, VLAG, WAARDE, Waarden, leesOpdracht, opdracht } from '../opdracht/argumenten';

export const PROTOCOL_GEBRUIK = `gebruik: protocol [--bsn BSN] [--zaak IDENTIFICATIE] [--van DATUM|TIJDSTIP] [--tot DATUM|TIJDSTIP] [--noodtoegang] [--soort lezen|schrijven] [--json]
       protocol opschonen [--voor DATUM|TIJDSTIP]
  DATUM is JJJJ-MM-DD (--tot neemt die hele dag mee); TIJDSTIP is ISO 8601 in UTC.
  opschonen verwijdert de regels ouder dan protocol.bewaartermijnDagen; --voor kiest een vroeger moment, nooit een later.`;

/** Without a subcommand the listing; `opschonen` purges. */
export const PROTOCOL = opdracht({
  naam: 'protocol',
  gebruik: PROTOCOL_GEBRUIK,
  opties: { bsn: WAARDE, zaak: WAARDE, van: WAARDE, tot: WAARDE, noodtoegang: VLAG, soort: WAARDE, json: VLAG },
  subopdrachten: { opschonen: { opties: { voor: WAARDE } } },
});

const DAG_MS = 24 * 60 * 60 * 1000;

const isTijd = (w: string) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(w);

/** The question the options ask; the parser has checked the options, this their values (exit code 1). */
export function protocolVraag(w: Waarden<typeof PROTOCOL.opties>): ProtocolVraag {
  for (const [optie, waarde] of [['--van', w.van], ['--tot', w.tot]] as const) {
    if (waarde !== undefined && !isTijd(waarde)) throw new OpdrachtFout(`${optie}: '${waarde}' is geen datum (JJJJ-MM-DD) of ISO-tijdstip\n${PROTOCOL_GEBRUIK}`);
  }
  if (w.soort !== undefined && w.soort !== 'lezen' && w.soort !== 'schrijven') {
    throw new OpdrachtFout(`--soort: '${w.soort}' is niet lezen of schrijven\n${PROTOCOL_GEBRUIK}`);
  }
  if (w.bsn === undefined && w.zaak === undefined && !w.noodtoegang && w.soort === undefined) {
    throw new OpdrachtFout(`geef --bsn, --zaak, --noodtoegang of --soort\n${PROTOCOL_GEBRUIK}`);
  }
  return { bsn: w.bsn, zaak: w.zaak, van: w.van, tot: w.tot, ...(w.noodtoegang ? { alleenNoodtoegang: true } : {}), soort: w.soort };
}

function regelTekst(r: ProtocolRegel): string {
  const wie = `${r.organisatie ? `${r.organisatie}/` : ''}${r.applicatie}${r.gebruiker ? ` gebruiker ${r.gebruiker}` : ''} (rol ${r.rol}, via ${r.via})`;
  const nood = r.noodtoegangReden ? `  NOODTOEGANG: ${r.noodtoegangReden}${r.doelbinding ? ` [doelbinding ${r.doelbinding}]` : ''}` : '';
  return `${r.tijdstip}  ${r.soort}  ${r.operatie}  ${wie}  zaken: ${r.zaken.join(', ') || '-'}  bsn: ${r.bsns.join(', ') || '-'}${r.referentienummer ? `  ref ${r.referentienummer}` : ''}${nood}`;
}

/**
 * The moment before which rows go: the retention period back from `nu`, or the earlier `--voor`. A later `--voor` is
 * refused, so the command cannot erase what the configuration says must be kept.
 */
export function opschoonGrens(config: Config, w: string | undefined, nu = new Date()): string {
  const grens = new Date(nu.getTime() - config.protocol.bewaartermijnDagen * DAG_MS).toISOString();
  if (w === undefined) return grens;
  if (!isTijd(w) || Number.isNaN(Date.parse(w))) throw new OpdrachtFout(`--voor: '${w}' is geen datum (JJJJ-MM-DD) of ISO-tijdstip\n${PROTOCOL_GEBRUIK}`);
  const voor = new Date(w.length === 10 ? `${w}T00:00:00Z` : w).toISOString();
  if (voor > grens) {
    throw new OpdrachtFout(`--voor ${w} valt binnen de bewaartermijn van ${config.protocol.bewaartermijnDagen} dagen (regels van na ${grens} blijven bewaard); pas protocol.bewaartermijnDagen aan om korter te bewaren`);
  }
  return voor;
}

/**
 * `protocol ...`: returns the exit code. What the parser refuses throws a GebruikFout (exit code 2), a value that
 * does not fit an OpdrachtFout (exit code 1); main.ts prints either on stderr.
 */
export async function protocolOpdracht(config: Config, argv: string[], schrijf: (s: string) => void, nu = new Date()): Promise<number> {
  const a = leesOpdracht(PROTOCOL, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  if (a.sub === 'opschonen') return opschonen(config, a, schrijf, nu);
  const vraag = protocolVraag(a.waarden);
  const store = await openStore({ ...config.database, checkpointMs: 0 });
  try {
    const regels = await store.protocol.zoek(vraag);
    if (a.waarden.json) schrijf(`${JSON.stringify(regels, null, 2)}\n`);
    else {
      for (const r of regels) schrijf(`${regelTekst(r)}\n`);
      schrijf(`${regels.length} regel${regels.length === 1 ? '' : 's'}\n`);
    }
    return 0;
  } finally {
    await store.sluit();
  }
}

async function opschonen(config: Config, a: Sub<typeof PROTOCOL, 'opschonen'>, schrijf: (s: string) => void, nu: Date): Promise<number> {
  const voor = opschoonGrens(config, a.waarden.voor, nu);
  const store = await openStore({ ...config.database, checkpointMs: 0 });
  try {
    const aantal = await store.protocol.schoonOp(voor);
    schrijf(`${aantal} regel${aantal === 1 ? '' : 's'} van voor ${voor} verwijderd (bewaartermijn ${config.protocol.bewaartermijnDagen} dagen)\n`);
    return 0;
  } finally {
    await store.sluit();
  }
}
