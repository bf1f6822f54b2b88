// Sending variations to a listening gateway over HTTP on loopback: first what the variation needs stored (from the
// ZDS 1.2 samples, with its own identifiers), then the variation, then (after an accepted change) the questions that
// show what it stored, geefZaakdetails with scope alles first; the caller validates every answer.
import { Dialect, actie, geefZaakdetails, geefZaakstatus } from '../dialecten';
import { docActie, docPad, geefLezen, geefLijst } from '../documentBerichten';
import { geefBesluitdetails, geefLijstBesluiten } from '../besluitBerichten';
import { bericht, inEnvelope, sample, ZDS12 } from '../soap';
import { path } from '../../../src/stuf/xml';
import { Navraag, Voorwaarde } from './operaties';
import { ID, Ids, metIds } from './ids';

export interface Antwoord {
  status: number;
  body: string;
}

export class Verzender {
  constructor(private readonly basis: string) {}

  async stuur(xml: string, pad: string, actie: string): Promise<Antwoord> {
    const r = await fetch(this.basis + pad, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${actie}"` },
      body: inEnvelope(xml),
    });
    return { status: r.status, body: await r.text() };
  }
}

const kaal = (naam: string) => sample(`zds12/${naam}.xml`).replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trim();

/** One preparation step: its sample, endpoint and action. */
const STAPPEN: Record<Voorwaarde, { sample: string; pad: string; actie: string }> = {
  zaak: { sample: 'creeerZaak_ZakLk01', pad: '/OntvangAsynchroon', actie: `${ZDS12}creeerZaak_ZakLk01` },
  document: { sample: 'voegZaakdocumentToe_EdcLk01', pad: '/OntvangAsynchroon', actie: `${ZDS12}voegZaakdocumentToe_EdcLk01` },
  plaatshouder: { sample: 'maakZaakdocument_EdcLk01', pad: '/OntvangAsynchroon', actie: `${ZDS12}maakZaakdocument_EdcLk01` },
  uitgecheckt: { sample: 'geefZaakdocumentBewerken_Di02', pad: '/VerwerkSynchroonVrijBericht', actie: docActie('zds12', 'geefZaakdocumentBewerken') },
  besluit: { sample: 'voegBesluitToe_Di01', pad: '/OntvangAsynchroon', actie: `${ZDS12}voegBesluitToe_Di01` },
};

const VOLGORDE: Voorwaarde[] = ['zaak', 'document', 'plaatshouder', 'besluit', 'uitgecheckt'];

/** Stores what an operation needs under fresh identifiers; fills in the checkedOutId the gateway hands out. */
export async function bereidVoor(v: Verzender, voorwaarden: Voorwaarde[], ids: Ids): Promise<void> {
  for (const w of VOLGORDE.filter((x) => voorwaarden.includes(x))) {
    const stap = STAPPEN[w];
    const r = await v.stuur(metIds(kaal(stap.sample), ids), stap.pad, stap.actie);
    if (r.status !== 200) throw new Error(`voorbereiding ${w} geweigerd (${r.status}): ${r.body.slice(0, 600)}`);
    if (w === 'uitgecheckt') {
      const id = path(bericht(r.body), 'parameters', 'checkedOutId')?.text;
      if (!id) throw new Error('geefZaakdocumentBewerken gaf geen checkedOutId');
      ids.checkedOutId = id;
    }
  }
}

/**
 * A question asked after an accepted change, in the variation's dialect (besluiten: ZDS 1.2 only). geefZaakstatus
 * asks every status, except of a strict gateway: ZDS 1.2 lets it answer only the last (README, geefZaakstatus A14).
 */
export function navraag(v: Verzender, d: Dialect, wat: Navraag, ids: Ids, strikt: boolean): Promise<Antwoord> {
  const zaakActie = (dienst: 'geefZaakdetails' | 'geefZaakstatus') => actie(d, dienst);
  const [xml, pad, soapActie] = ((): [string, string, string] => {
    switch (wat) {
      case 'zaakdetails': return [geefZaakdetails(d, ID.zaak), '/BeantwoordVraag', zaakActie('geefZaakdetails')];
      case 'zaakstatus': return [geefZaakstatus(d, ID.zaak, strikt), '/BeantwoordVraag', zaakActie('geefZaakstatus')];
      case 'documentLezen': return [geefLezen(d, ID.document), docPad('geefZaakdocumentLezen'), docActie(d, 'geefZaakdocumentLezen')];
      case 'plaatshouderLezen': return [geefLezen(d, ID.plaatshouder), docPad('geefZaakdocumentLezen'), docActie(d, 'geefZaakdocumentLezen')];
      case 'lijstDocumenten': return [geefLijst(d, ID.zaak), docPad('geefLijstZaakdocumenten'), docActie(d, 'geefLijstZaakdocumenten')];
      case 'besluitdetails': return [geefBesluitdetails(ID.besluit), '/BeantwoordVraag', `${ZDS12}geefBesluitdetails_BslLv01`];
      case 'lijstBesluiten': return [geefLijstBesluiten(ID.zaak), '/BeantwoordVraag', `${ZDS12}geefLijstBesluiten_ZakLv01`];
    }
  })();
  return v.stuur(metIds(xml, ids), pad, soapActie);
}

const isGeaccepteerd = (r: Antwoord) => r.status === 200 && !/:Fault>/.test(r.body);

/** foutcode and details of a fault answer, if it is one. */
export function fout(r: Antwoord): { code: string; details: string } | undefined {
  if (isGeaccepteerd(r)) return undefined;
  try {
    const b = bericht(r.body);
    return { code: path(b, 'body', 'code')?.text ?? '?', details: path(b, 'body', 'details')?.text ?? '' };
  } catch {
    return { code: `HTTP ${r.status}`, details: r.body.slice(0, 300) };
  }
}

