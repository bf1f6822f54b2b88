// A thin ZDS 1.2 client over a test gateway: sends with the right SOAPAction and endpoint, reads answers back.
import { XElement, child, children, path } from '../../src/stuf/xml';
import * as d from './documentBerichten';
import { TestGateway } from './gateway';
import { bericht, foutcode, foutdetails, inEnvelope, ZDS12 } from './soap';
import * as m from './zdsBerichten';

export interface Resultaat {
  status: number;
  body: string;
  code?: string;
  details?: string;
}

export function zdsClient(gw: TestGateway) {
  const stuur = async (xml: string, actie: string, pad: string): Promise<Resultaat> => {
    const r = await gw.stuur(inEnvelope(xml), { actie: ZDS12 + actie, pad });
    return r.status === 200 ? { status: r.status, body: r.body } : { status: r.status, body: r.body, code: foutcode(r.body), details: foutdetails(r.body) };
  };
  const lees = async (xml: string, actie: string): Promise<XElement | undefined> => {
    const r = await stuur(xml, actie, '/BeantwoordVraag');
    if (r.status !== 200) throw new Error(`vraag geweigerd: ${r.code} ${r.details}`);
    return path(bericht(r.body), 'antwoord', 'object');
  };
  return {
    stuur,
    creeer: (z: m.NieuweZaak | string) => stuur(typeof z === 'string' ? z : m.creeerZaak(z), 'creeerZaak_ZakLk01', '/OntvangAsynchroon'),
    update: (id: string, oud: string | undefined, nieuw: string, opties?: { vs?: string; sturing?: m.Sturing }) =>
      stuur(m.wijziging('updateZaak_ZakLk01', id, oud, nieuw, opties), 'updateZaak_ZakLk01', '/OntvangAsynchroon'),
    actualiseer: (id: string, oud: string | undefined, nieuw: string, opties?: { vs?: string; sturing?: m.Sturing }) =>
      stuur(m.wijziging('actualiseerZaakstatus_ZakLk01', id, oud, nieuw, opties), 'actualiseerZaakstatus_ZakLk01', '/OntvangAsynchroon'),
    details: (id: string, scope?: string) => lees(m.geefZaakdetails(id, scope), 'geefZaakdetails_ZakLv01'),
    status: (id: string, alleenLaatste = false) => lees(m.geefZaakstatus(id, alleenLaatste), 'geefZaakstatus_ZakLv01'),
    /** geefZaakdocumentLezen: the document object (scope alles by default), content inline. */
    document: (id: string, scope?: string) => lees(d.geefLezen('zds12', id, scope), 'geefZaakdocumentLezen_EdcLv01'),
    /** geefLijstZaakdocumenten: the zaak object with its heeftRelevant (scope alles by default). */
    documenten: (zaak: string, scope?: string) => lees(d.geefLijst('zds12', zaak, scope), 'geefLijstZaakdocumenten_ZakLv01'),
    genereer: async (sturing?: m.Sturing) => {
      const r = await stuur(m.genereerZaakIdentificatie(sturing), 'genereerZaakIdentificatie_Di02', '/VerwerkSynchroonVrijBericht');
      return { ...r, identificatie: r.status === 200 ? path(bericht(r.body), 'zaak', 'identificatie')?.text : undefined };
    },
  };
}

/** Text at a path of local names, or undefined. */
export const tekst = (e: XElement | undefined, ...pad: string[]) => path(e, ...pad)?.text;

/** The current roles of a kind in a geefZaakdetails object, as "soort:sleutel" strings for easy assertions. */
export function rollen(object: XElement | undefined, naam: string): string[] {
  return children(object, naam).filter((r) => r.children.length > 0).map((r) => {
    const b = child(r, 'gerelateerde')!.children[0];
    const sleutel = child(b, 'inp.bsn') ?? child(b, 'identificatie') ?? child(b, 'vestigingsNummer');
    return `${b.local}:${sleutel?.text ?? '?'}`;
  });
}

export const isNilled = (e: XElement | undefined) => !!e && e.attrs.some((a) => a.local === 'nil' && a.value === 'true');
