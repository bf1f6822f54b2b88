// Command `protocol`: lists the protocol by BSN or zaak and period, for the privacy officer. Reads the database
// file directly (the gateway may be running: WAL allows a reader beside it).
import { Config } from '../config';
import { Store } from '../store';
import { ProtocolRegel, ProtocolVraag } from '../store/protocol';

const GEBRUIK = `gebruik: protocol [--bsn BSN] [--zaak IDENTIFICATIE] [--van DATUM|TIJDSTIP] [--tot DATUM|TIJDSTIP] [--noodtoegang] [--json]
  DATUM is JJJJ-MM-DD (--tot neemt die hele dag mee); TIJDSTIP is ISO 8601 in UTC.`;

export class OpdrachtFout extends Error {}

export function leesProtocolArgumenten(argv: string[]): { vraag: ProtocolVraag; json: boolean } {
  const vraag: ProtocolVraag = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const waarde = () => {
      const w = argv[++i];
      if (w === undefined || w.startsWith('--')) throw new OpdrachtFout(`${a} verwacht een waarde\n${GEBRUIK}`);
      return w;
    };
    if (a === '--bsn') vraag.bsn = waarde();
    else if (a === '--zaak') vraag.zaak = waarde();
    else if (a === '--van' || a === '--tot') {
      const w = waarde();
      if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(w)) throw new OpdrachtFout(`${a}: '${w}' is geen datum (JJJJ-MM-DD) of ISO-tijdstip\n${GEBRUIK}`);
      if (a === '--van') vraag.van = w;
      else vraag.tot = w;
    } else if (a === '--noodtoegang') vraag.alleenNoodtoegang = true;
    else if (a === '--json') json = true;
    else throw new OpdrachtFout(`onbekende optie '${a}'\n${GEBRUIK}`);
  }
  if (vraag.bsn === undefined && vraag.zaak === undefined && !vraag.alleenNoodtoegang) {
    throw new OpdrachtFout(`geef --bsn, --zaak of --noodtoegang\n${GEBRUIK}`);
  }
  return { vraag, json };
}

function regelTekst(r: ProtocolRegel): string {
  const wie = `${r.organisatie ? `${r.organisatie}/` : ''}${r.applicatie}${r.gebruiker ? ` gebruiker ${r.gebruiker}` : ''} (rol ${r.rol}, via ${r.via})`;
  const nood = r.noodtoegangReden ? `  NOODTOEGANG: ${r.noodtoegangReden}${r.doelbinding ? ` [doelbinding ${r.doelbinding}]` : ''}` : '';
  return `${r.tijdstip}  ${r.operatie}  ${wie}  zaken: ${r.zaken.join(', ') || '-'}  bsn: ${r.bsns.join(', ') || '-'}${r.referentienummer ? `  ref ${r.referentienummer}` : ''}${nood}`;
}

export function protocolOpdracht(config: Config, argv: string[], schrijf: (s: string) => void): number {
  const { vraag, json } = leesProtocolArgumenten(argv);
  const store = Store.open(config.database.path);
  try {
    const regels = store.protocol.zoek(vraag);
    if (json) schrijf(`${JSON.stringify(regels, null, 2)}\n`);
    else {
      for (const r of regels) schrijf(`${regelTekst(r)}\n`);
      schrijf(`${regels.length} regel${regels.length === 1 ? '' : 's'}\n`);
    }
    return 0;
  } finally {
    void store.sluit();
  }
}
