// Command `protocol`: lists the protocol by BSN or zaak and period, for the privacy officer; `protocol opschonen`
// removes the rows older than the retention period. Opens the configured database itself, SQLite or PostgreSQL (the
// gateway may be running: WAL or PostgreSQL allows a reader beside it, and the purge waits for writers like any writer).
import { Config } from '../config';
import { openStore } from '../store/openen';
import { ProtocolRegel, ProtocolVraag } from '../store/protocol';

export const PROTOCOL_GEBRUIK = `gebruik: protocol [--bsn BSN] [--zaak IDENTIFICATIE] [--van DATUM|TIJDSTIP] [--tot DATUM|TIJDSTIP] [--noodtoegang] [--soort lezen|schrijven] [--json]
       protocol opschonen [--voor DATUM|TIJDSTIP]
  DATUM is JJJJ-MM-DD (--tot neemt die hele dag mee); TIJDSTIP is ISO 8601 in UTC.
  opschonen verwijdert de regels ouder dan protocol.bewaartermijnDagen; --voor kiest een vroeger moment, nooit een later.`;

const DAG_MS = 24 * 60 * 60 * 1000;

export class OpdrachtFout extends Error {}

const isTijd = (w: string) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(w);

export function leesProtocolArgumenten(argv: string[]): { vraag: ProtocolVraag; json: boolean } {
  const vraag: ProtocolVraag = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const waarde = () => {
      const w = argv[++i];
      if (w === undefined || w.startsWith('--')) throw new OpdrachtFout(`${a} verwacht een waarde\n${PROTOCOL_GEBRUIK}`);
      return w;
    };
    if (a === '--bsn') vraag.bsn = waarde();
    else if (a === '--zaak') vraag.zaak = waarde();
    else if (a === '--van' || a === '--tot') {
      const w = waarde();
      if (!isTijd(w)) throw new OpdrachtFout(`${a}: '${w}' is geen datum (JJJJ-MM-DD) of ISO-tijdstip\n${PROTOCOL_GEBRUIK}`);
      if (a === '--van') vraag.van = w;
      else vraag.tot = w;
    } else if (a === '--noodtoegang') vraag.alleenNoodtoegang = true;
    else if (a === '--soort') {
      const w = waarde();
      if (w !== 'lezen' && w !== 'schrijven') throw new OpdrachtFout(`--soort: '${w}' is niet lezen of schrijven\n${PROTOCOL_GEBRUIK}`);
      vraag.soort = w;
    } else if (a === '--json') json = true;
    else throw new OpdrachtFout(`onbekende optie '${a}'\n${PROTOCOL_GEBRUIK}`);
  }
  if (vraag.bsn === undefined && vraag.zaak === undefined && !vraag.alleenNoodtoegang && vraag.soort === undefined) {
    throw new OpdrachtFout(`geef --bsn, --zaak, --noodtoegang of --soort\n${PROTOCOL_GEBRUIK}`);
  }
  return { vraag, json };
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
export function opschoonGrens(config: Config, argv: string[], nu = new Date()): string {
  const grens = new Date(nu.getTime() - config.protocol.bewaartermijnDagen * DAG_MS).toISOString();
  if (argv.length === 0) return grens;
  if (argv[0] !== '--voor' || argv.length !== 2) throw new OpdrachtFout(`opschonen: onbekende opties '${argv.join(' ')}'\n${PROTOCOL_GEBRUIK}`);
  const w = argv[1];
  if (!isTijd(w) || Number.isNaN(Date.parse(w))) throw new OpdrachtFout(`--voor: '${w}' is geen datum (JJJJ-MM-DD) of ISO-tijdstip\n${PROTOCOL_GEBRUIK}`);
  const voor = new Date(w.length === 10 ? `${w}T00:00:00Z` : w).toISOString();
  if (voor > grens) {
    throw new OpdrachtFout(`--voor ${w} valt binnen de bewaartermijn van ${config.protocol.bewaartermijnDagen} dagen (regels van na ${grens} blijven bewaard); pas protocol.bewaartermijnDagen aan om korter te bewaren`);
  }
  return voor;
}

export async function protocolOpdracht(config: Config, argv: string[], schrijf: (s: string) => void, nu = new Date()): Promise<number> {
  if (argv[0] === 'opschonen') {
    const voor = opschoonGrens(config, argv.slice(1), nu);
    const store = await openStore({ ...config.database, checkpointMs: 0 });
    try {
      const aantal = await store.protocol.schoonOp(voor);
      schrijf(`${aantal} regel${aantal === 1 ? '' : 's'} van voor ${voor} verwijderd (bewaartermijn ${config.protocol.bewaartermijnDagen} dagen)\n`);
      return 0;
    } finally {
      await store.sluit();
    }
  }
  const { vraag, json } = leesProtocolArgumenten(argv);
  const store = await openStore({ ...config.database, checkpointMs: 0 });
  try {
    const regels = await store.protocol.zoek(vraag);
    if (json) schrijf(`${JSON.stringify(regels, null, 2)}\n`);
    else {
      for (const r of regels) schrijf(`${regelTekst(r)}\n`);
      schrijf(`${regels.length} regel${regels.length === 1 ? '' : 's'}\n`);
    }
    return 0;
  } finally {
    await store.sluit();
  }
}
