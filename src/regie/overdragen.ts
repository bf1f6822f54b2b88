// Command `regie overdragen` (issue 18, item 4; seed 000, the warm handover): every open gezinsplan and
// levensdomeinplan whose regisseur (the heeftAlsInitiator medewerker) is --van goes to --naar, each by a normal
// updateZaak through the verwerker in its own transaction (planOverdragen.ts). Only the initiator moves: a
// regisseur's heeftAlsUitvoerende roles stay, because the team of a plan is its regisseur's decision in the regie
// system, and a warm handover keeps the old regisseur involved for a while; the line says where --van still is one.
// Opens the configured database itself; gateways may serve it meanwhile (each plan is read again in its transaction).
import pino from 'pino';
import type { Config } from '../config';
import type { Gateway } from '../soap/operatie';
import type { Store } from '../store';
import { Zaaktypecatalogus } from '../domain/zaaktypen';
import { Toegangsregister } from '../toegang/identificatie';
import { Bestemmingen } from '../uitgaand/bestemmingen';
import { Partners } from '../partners/partners';
import { Journaalschrijver } from '../journaal/journaal';
import { Waarnemingen } from '../waarneming';
import { meervoud, metStore } from '../uitgaand/opdrachtHulp';
import { GebruikFout, Sub, VLAG, WAARDE, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { Opdracht, PlanOverdrager, Uitkomst } from './planOverdragen';

const GEBRUIK = `gebruik: regie overdragen --van MDW-ID --naar MDW-ID --achternaam NAAM --door WIE [--reden TEKST] [--proef]
  Draagt elk open gezinsplan en levensdomeinplan waarvan medewerker --van de regisseur (initiator) is over aan
  medewerker --naar met achternaam --achternaam: per plan één updateZaak zoals een regiesysteem die stuurt, in een
  eigen transactie, met de notificatie Update zaak aan de abonnees, een regel in het journaal en een in het protocol
  (gebruiker --door, rol beheer, doelbinding --reden). Uitvoerende rollen blijven staan. Nog eens draaien is veilig:
  plannen die al van --naar zijn worden niet aangeraakt. --proef toont wat over zou gaan en verandert niets.
  Exitcode 0: elk gevonden plan is nu van --naar; 1: een plan niet (overgeslagen, geweigerd of mislukt); 2: verkeerd gebruik.`;

export const REGIE = opdracht({
  naam: 'regie',
  gebruik: GEBRUIK,
  subopdrachten: {
    overdragen: { opties: { van: WAARDE, naar: WAARDE, achternaam: WAARDE, door: WAARDE, reden: WAARDE, proef: VLAG } },
  },
});

/** Hits per page of the selection. */
const PAGINA = 500;

/** A plan found for the handover. */
interface Plan {
  identificatie: string;
  zaaktype: string;
}

/** The options as an Opdracht; what does not fit (missing, too long, the same regisseur twice) is wrong use (exit 2). */
function opdrachtUit(w: Sub<typeof REGIE, 'overdragen'>['waarden']): Opdracht {
  const fout = (reden: string) => new GebruikFout(`regie overdragen: ${reden}\n${GEBRUIK}`);
  const waarde = (naam: 'van' | 'naar' | 'achternaam' | 'door', max: number) => {
    const v = w[naam]?.trim();
    if (!v) throw fout(`geef --${naam}`);
    if (v.length > max) throw fout(`--${naam} is langer dan ${max} tekens`);
    return v;
  };
  const o = { van: waarde('van', 24), naar: waarde('naar', 24), achternaam: waarde('achternaam', 200), door: waarde('door', 100) };
  if (o.van === o.naar) throw fout('--van en --naar zijn dezelfde medewerker');
  const reden = w.reden?.trim();
  if (reden !== undefined && (reden === '' || reden.length > 200)) throw fout('--reden is leeg of langer dan 200 tekens');
  return reden ? { ...o, reden } : o;
}

/** The open plans whose current initiator is the medewerker, in identificatie order (the store's paging). */
async function plannenVan(store: Store, catalogus: Zaaktypecatalogus, medewerker: string): Promise<Plan[]> {
  const plannen: Plan[] = [];
  for (let na: string | undefined; ; ) {
    const treffers = await store.zaakZoeken.treffers({ initiatorMedewerker: medewerker, einddatum: 'open' }, PAGINA, na);
    for (const t of treffers) {
      if (catalogus.soortVan({ code: t.zaaktypeCode, omschrijving: t.zaaktypeOmschrijving }) !== 'gewoon') plannen.push({ identificatie: t.identificatie, zaaktype: t.zaaktypeCode });
    }
    if (treffers.length < PAGINA) return plannen;
    na = treffers[treffers.length - 1].identificatie;
  }
}

/** The gateway's parts the verwerker needs, on the command's connection; no outbox worker: the running gateways deliver. */
function gatewayVoorOpdracht(config: Config, store: Store, catalogus: Zaaktypecatalogus): Gateway {
  return {
    config,
    store,
    catalogus,
    // Every outcome is printed by the command, and the journal records the message; a log line would only repeat it.
    log: pino({ level: 'silent' }),
    toegang: new Toegangsregister(config.toegang),
    bestemmingen: new Bestemmingen(config.bestemmingen),
    partners: new Partners(config.partners),
  };
}

function uitkomstTekst(u: Uitkomst, o: Opdracht): string {
  switch (u.soort) {
    case 'overgedragen':
      return `overgedragen aan ${o.naar}${u.pogingen > 1 ? ` (na ${u.pogingen} pogingen: het plan werd intussen gewijzigd)` : ''}` +
        `${u.blijftUitvoerende ? `; ${o.van} blijft uitvoerende` : ''}`;
    case 'al':
      return `al van ${o.naar}: niet aangeraakt`;
    default:
      return `${u.soort}: ${u.reden}`;
  }
}

async function overdragen(config: Config, o: Opdracht, proef: boolean, schrijf: (t: string) => void): Promise<number> {
  const catalogus = new Zaaktypecatalogus(config.zaaktypen);
  return metStore(config, async (store) => {
    const plannen = await plannenVan(store, catalogus, o.van);
    const regel = (p: Plan, tekst: string) => schrijf(`${p.identificatie}  ${p.zaaktype}  ${tekst}\n`);
    if (proef) {
      for (const p of plannen) regel(p, `zou overgaan naar ${o.naar}`);
      schrijf(`proef: ${meervoud(plannen.length, 'open plan', 'open plannen')} van ${o.van} zou${plannen.length === 1 ? '' : 'den'} overgaan naar ${o.naar}; niets gewijzigd\n`);
      return 0;
    }
    const waarneming = new Waarnemingen();
    const journaal = config.journaal.aan ? new Journaalschrijver(store, config, pino({ level: 'silent' })) : undefined;
    if (journaal) waarneming.voegToe(journaal);
    const overdrager = new PlanOverdrager(gatewayVoorOpdracht(config, store, catalogus), waarneming);
    const tellingen = { overgedragen: 0, al: 0, overgeslagen: 0, geweigerd: 0, mislukt: 0 };
    try {
      // One plan after the other: each its own transaction, so a gateway serving meanwhile waits for one plan at most.
      for (const p of plannen) {
        const u = await overdrager.draag(p.identificatie, o);
        tellingen[u.soort]++;
        regel(p, uitkomstTekst(u, o));
      }
    } finally {
      await journaal?.leeg();
    }
    const niet = tellingen.overgeslagen + tellingen.geweigerd + tellingen.mislukt;
    schrijf(`${meervoud(tellingen.overgedragen, 'plan', 'plannen')} overgedragen van ${o.van} aan ${o.naar}` +
      `${tellingen.al ? `, ${tellingen.al} al van ${o.naar}` : ''}` +
      `${niet ? `, ${tellingen.overgeslagen} overgeslagen, ${tellingen.geweigerd} geweigerd, ${tellingen.mislukt} mislukt` : ''}` +
      `${tellingen.overgedragen ? '; de notificaties bezorgt de draaiende gateway bij zijn volgende ronde' : ''}\n`);
    return niet ? 1 : 0;
  });
}

/** Exit code 0 or 1 (see the usage); wrong use is a GebruikFout (exit 2), found before the database is opened. */
export async function regieOpdracht(config: Config, argv: string[], schrijf: (t: string) => void): Promise<number> {
  const a = leesOpdracht(REGIE, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  if (a.sub !== 'overdragen') throw new GebruikFout(`regie: geef een subopdracht (overdragen)\n${GEBRUIK}`);
  return overdragen(config, opdrachtUit(a.waarden), a.waarden.proef === true, schrijf);
}
