// One plan to another regisseur, in one transaction of its own: the plan is read again (still open, still the old
// regisseur's), the updateZaak runs through the verwerker exactly as a received message (rights, RZS rules, outbox
// with the Update zaak notification, idempotency record), and the operator's protocol row is written beside it. A
// refusal rolls all of it back; a PostgreSQL serialisation conflict runs the whole of it again (the store's retry),
// reading the plan again first. The journal hears of the exchange once the transaction has ended, so a run that was
// retried is recorded once.
import { randomUUID } from 'node:crypto';
import type { Gateway } from '../soap/operatie';
import { Verwerker } from '../soap/verwerker';
import { Dispatcher } from '../soap/dispatch';
import { OPERATIES } from '../operations';
import type { Store } from '../store';
import type { Rol } from '../domain/zaak';
import type { Aanroeper } from '../toegang/aanroeper';
import { zonderBsnVorm } from '../stuf/fout';
import { XElement, parseXml, path } from '../stuf/xml';
import { Uitwisseling, Waarnemingen } from '../waarneming';
import { UPDATE_ZAAK_ACTIE, overdrachtBericht } from './overdrachtBericht';

/** What the operator asked: the regisseurs by medewerker identificatie, who asks, and why (optional). */
export interface Opdracht {
  van: string;
  naar: string;
  /** The new regisseur's achternaam (rzs.md §5: achternaam is required of an initiator medewerker). */
  achternaam: string;
  door: string;
  reden?: string;
}

export type Uitkomst =
  | { soort: 'overgedragen'; pogingen: number; blijftUitvoerende: boolean }
  | { soort: 'al' }
  | { soort: 'overgeslagen' | 'geweigerd' | 'mislukt'; reden: string };

/** What the protocol row names as the operation: the operator's command, not the message it became. */
export const OPERATIE = 'regie overdragen';

/** A refusal of the verwerker: thrown to roll the transaction back. */
class Geweigerd extends Error {}

const isMedewerker = (r: Rol, id: string) => r.betrokkene.soort === 'MDW' && r.betrokkene.sleutel === id;
const veld = (velden: XElement[], local: string) => velden.find((v) => v.local === local)?.text.trim();

type Stand = { uitkomst: Uitkomst } | { achternaamVan: string; naarBekend: boolean; blijftUitvoerende: boolean };

/** The plan as it is now, inside the transaction: whether it is still to be moved, and what the message needs. */
async function standVan(tx: Store, plan: string, o: Opdracht): Promise<Stand> {
  const zaak = await tx.zaken.vind(plan);
  if (!zaak) return { uitkomst: { soort: 'overgeslagen', reden: 'de zaak bestaat niet meer' } };
  if (zaak.data.attributen.einddatum?.w) return { uitkomst: { soort: 'overgeslagen', reden: 'het plan is intussen gesloten' } };
  const rollen = (await tx.betrokkenen.rollen(zaak.id)).filter((r) => !r.einddatum);
  const initiatoren = rollen.filter((r) => r.rolsoort === 'heeftAlsInitiator');
  const enige = initiatoren.length === 1 ? initiatoren[0] : undefined;
  if (enige && isMedewerker(enige, o.naar)) return { uitkomst: { soort: 'al' } };
  if (!enige || !isMedewerker(enige, o.van)) {
    const nu = enige?.betrokkene.soort === 'MDW' ? `medewerker ${enige.betrokkene.sleutel}` : `${initiatoren.length} initiator(en)`;
    return { uitkomst: { soort: 'overgeslagen', reden: `de regisseur is intussen gewijzigd (nu ${nu}, niet ${o.van})` } };
  }
  return {
    achternaamVan: veld(enige.betrokkene.velden, 'achternaam') ?? '',
    naarBekend: (await tx.betrokkenen.vind('MDW', o.naar)) !== undefined,
    blijftUitvoerende: rollen.some((r) => r.rolsoort === 'heeftAlsUitvoerende' && isMedewerker(r, o.van)),
  };
}

/** The StUF foutcode and details of a fault envelope, without anything shaped like a BSN. */
function foutUit(body: unknown): string {
  if (typeof body !== 'string') return 'geweigerd';
  const zoek = (e: XElement): XElement | undefined => (/^Fo0\dBericht$/.test(e.local) ? e : e.children.map(zoek).find(Boolean));
  const fo = zoek(parseXml(body.replace(/^<\?xml[^?]*\?>/, '')));
  const tekst = (local: string) => path(fo, 'body', local)?.text.trim();
  return zonderBsnVorm(`${tekst('code') ?? 'fout'} ${tekst('details') ?? tekst('omschrijving') ?? ''}`.trim());
}

export class PlanOverdrager {
  private readonly dispatcher: Dispatcher;

  /**
   * `gw`: the gateway's parts on the command's own connection, without an outbox worker (the running gateways
   * deliver); `journaal`: where the exchanges are reported after their transaction, when the journal is on.
   */
  constructor(private readonly gw: Gateway, private readonly journaal?: Waarnemingen) {
    this.dispatcher = new Dispatcher(OPERATIES, gw.log);
  }

  /**
   * The gateway's own identity sends; the caller is the role that may change plans (regie: a plan is changed by the
   * regie function only, README "Who may call"), carrying the operator as gebruiker. The operator's own role,
   * beheer, is what the protocol row records. `via: 'open'`: identified by no credentials, as in open mode.
   */
  private aanroeper(o: Opdracht): Aanroeper {
    const z = this.gw.config.stuf.zender;
    return { applicatie: z.applicatie, ...(z.organisatie ? { organisatie: z.organisatie } : {}), gebruiker: o.door, rol: 'regie', via: 'open' };
  }

  async draag(plan: string, o: Opdracht): Promise<Uitkomst> {
    const { zender, ontvangers } = this.gw.config.stuf;
    const referentienummer = randomUUID();
    let pogingen = 0;
    let gezien: Uitwisseling[] = [];
    try {
      return await this.gw.store.transactie(async (tx) => {
        pogingen++;
        gezien = [];
        const stand = await standVan(tx, plan, o);
        if ('uitkomst' in stand) return stand.uitkomst;
        const body = overdrachtBericht({
          plan,
          van: { identificatie: o.van, achternaam: stand.achternaamVan, bekend: true },
          naar: { identificatie: o.naar, achternaam: o.achternaam, bekend: stand.naarBekend },
          zender: { ...zender, gebruiker: o.door },
          // Addressed to this gateway: an ontvanger it accepts (stuf.ontvangers), else its own identity.
          ontvanger: ontvangers?.[0] ?? zender,
          referentienummer,
        });
        const waarneming = new Waarnemingen();
        waarneming.voegToe({ uitwisseling: (u) => gezien.push(u) });
        // The transaction's store: the verwerker's own transaction joins this one, so the check above, the change and
        // the protocol row below commit together.
        const verwerker = new Verwerker({ ...this.gw, store: tx, waarneming, bezorger: undefined }, this.dispatcher);
        const antwoord = await verwerker.verwerk({ body, soapAction: UPDATE_ZAAK_ACTIE, pad: '/OntvangAsynchroon', aanroeper: this.aanroeper(o) });
        if (antwoord.status !== 200) throw new Geweigerd(foutUit(antwoord.body));
        await tx.protocol.schrijf({
          tijdstip: new Date().toISOString(),
          soort: 'schrijven',
          applicatie: zender.applicatie,
          ...(zender.organisatie ? { organisatie: zender.organisatie } : {}),
          gebruiker: o.door,
          rol: 'beheer',
          via: 'opdrachtregel',
          operatie: OPERATIE,
          referentienummer,
          ...(o.reden ? { doelbinding: o.reden } : {}),
          zaken: [plan],
          bsns: [],
        });
        return { soort: 'overgedragen', pogingen, blijftUitvoerende: stand.blijftUitvoerende };
      });
    } catch (e) {
      if (e instanceof Geweigerd) return { soort: 'geweigerd', reden: e.message };
      return { soort: 'mislukt', reden: zonderBsnVorm((e as Error).message) };
    } finally {
      for (const u of gezien) this.journaal?.uitwisseling(u);
    }
  }
}
