// Regie- en Zaakservices (rzs.md §3, §5, A12–A14, A16, A19, A20): the relations a gezinsplan, a levensdomeinplan
// and a deelplan must have. Checked on the zaak as stored once a creeerZaak or updateZaak has been applied, inside
// its transaction, so a refusal (Fo03 StUF058) rolls the whole message back and an update is judged by the state it
// leaves behind, whoever sends it (A16). Persons are named by position ("client 2 van 3"), never by BSN or name:
// fault details and meldingen both reach the log.
import { NS } from '../stuf/namespaces';
import { verwerkingsFout } from '../stuf/fout';
import { XElement, el, path } from '../stuf/xml';
import type { MutatieContext } from './mutatieContext';
import { Betrokkene, ELEMENT_VAN_SOORT, Rol, Zaak, Zaakobject, Zaakrelatie } from './zaak';
import type { PlanSoort } from './zaaktypen';

/** What the rules apply to: a plan by its zaaktype, a deelplan by the plans it points to. */
type RzsSoort = 'gezinsplan' | 'levensdomeinplan' | 'deelplan';

/** The parts of a zaak the rules look at: current relations only (ended ones are history). */
export interface Planstand {
  initiatoren: Rol[];
  belanghebbenden: Rol[];
  uitvoerenden: Rol[];
  clients: Zaakobject[];
  verwijzingen: Zaakrelatie[];
  /** Without einddatum: an open gezinsplan counts for rzs.eenPlanPerGezin. */
  open: boolean;
}

/** A heeftBetrekkingOpAndere and what it points to. */
interface Verwijzing {
  identificatie: string;
  /** The kind of the zaak when the gateway holds it; undefined when it does not. */
  soort?: PlanSoort;
  zaaktypeCode?: string;
  /** The kind the relation itself states (gerelateerde/isVan): how a deelplan to a missing plan is recognised. */
  genoemd: PlanSoort;
}

const weg = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
const tekstVan = (velden: XElement[], local: string) => velden.find((v) => v.local === local)?.text.trim() || undefined;
const omschrijvingIsClient = (velden: XElement[]) => weg(tekstVan(velden, 'omschrijving') ?? '') === 'client';

/** rzs.md A20: a zaakobject natuurlijkPersoon with omschrijving Client (client, Cliënt) is a client. */
const isClient = (o: Zaakobject) => o.objecttype === 'natuurlijkPersoon' && omschrijvingIsClient(o.velden);

/**
 * The relation fields of a zaakobject as stored: `client`/`Cliënt` becomes the fixed `Client` (A20). A levensdomeinplan
 * update may leave the omschrijving out (rzs.md §5); a person added that way is a client, the only zaakobject it has.
 */
export function clientVelden(velden: XElement[], zonderOmschrijvingClient: boolean): XElement[] {
  const omschrijving = velden.find((v) => v.local === 'omschrijving');
  if (!omschrijving) return zonderOmschrijvingClient ? [el(NS.zkn, 'omschrijving', 'Client'), ...velden] : velden;
  return omschrijvingIsClient(velden) ? velden.map((v) => (v === omschrijving ? { ...v, text: 'Client' } : v)) : velden;
}

/** The plans a zaak points to; a ketenpartner's zaak it points to (a mirror) is no plan and not judged here. */
async function verwijzingenVan(ctx: MutatieContext, zaak: Zaak): Promise<Zaakrelatie[]> {
  const uit: Zaakrelatie[] = [];
  for (const r of await ctx.store.zaakrelaties.van(zaak.id)) {
    if (!r.einddatum && r.soort === 'heeftBetrekkingOpAndere' && !(await ctx.store.spiegelzaken.vind(r.andereIdentificatie))) uit.push(r);
  }
  return uit;
}

/**
 * Whether the rules can apply to the zaak after an update with these relation elements: a plan by its zaaktype, a
 * zaak that points to a plan now, or a message that touches such a pointer. If not, the update needs no planstand
 * (its roles and zaakobjecten are not read for nothing): the zaak stays an ordinary one.
 */
export async function kanPlanZijn(ctx: MutatieContext, zaak: Zaak, relaties: { naam: string }[]): Promise<boolean> {
  if (ctx.catalogus.soortVan(zaak.data.zaaktype) !== 'gewoon') return true;
  if (relaties.some((r) => r.naam === 'heeftBetrekkingOpAndere')) return true;
  return (await verwijzingenVan(ctx, zaak)).length > 0;
}

/** The stand an update starts from: the rules judge what it adds and what it takes away. */
export async function planstand(ctx: MutatieContext, zaak: Zaak): Promise<Planstand> {
  const rollen = (await ctx.store.betrokkenen.rollen(zaak.id)).filter((r) => !r.einddatum);
  const rol = (soort: Rol['rolsoort']) => rollen.filter((r) => r.rolsoort === soort);
  return {
    initiatoren: rol('heeftAlsInitiator'),
    belanghebbenden: rol('heeftAlsBelanghebbende'),
    uitvoerenden: rol('heeftAlsUitvoerende'),
    clients: (await ctx.store.betrokkenen.zaakobjecten(zaak.id)).filter((o) => !o.einddatum && isClient(o)),
    verwijzingen: await verwijzingenVan(ctx, zaak),
    open: !zaak.data.attributen.einddatum?.w,
  };
}

async function verwijzing(ctx: MutatieContext, r: Zaakrelatie): Promise<Verwijzing> {
  const ander = await ctx.store.zaken.vind(r.andereIdentificatie);
  const isVan = r.gerelateerde.find((e) => e.local === 'isVan');
  const code = path(isVan, 'gerelateerde', 'code')?.text.trim() ?? '';
  const omschrijving = path(isVan, 'gerelateerde', 'omschrijving')?.text.trim();
  const genoemd = code || omschrijving ? ctx.catalogus.soortVan({ code, omschrijving }) : 'gewoon';
  if (!ander) return { identificatie: r.andereIdentificatie, genoemd };
  return { identificatie: r.andereIdentificatie, soort: ctx.catalogus.soortVan(ander.data.zaaktype), zaaktypeCode: ander.data.zaaktype.code, genoemd };
}

const soortOf = (v: Verwijzing) => v.soort ?? v.genoemd;

function plansoortVan(ctx: MutatieContext, zaak: Zaak, verwijzingen: Verwijzing[]): RzsSoort | undefined {
  const soort = ctx.catalogus.soortVan(zaak.data.zaaktype);
  if (soort !== 'gewoon') return soort;
  // rzs.md §3.3: without a relation to a plan a zaak is simply a normal zaak, not a deelplan.
  return verwijzingen.some((v) => soortOf(v) !== 'gewoon') ? 'deelplan' : undefined;
}

const fout = (tekst: string) => verwerkingsFout(tekst);
const benaming = (soort: RzsSoort, zaak: Zaak) => `${soort[0].toUpperCase()}${soort.slice(1)} ${zaak.identificatie}`;
const nieuw = <T extends { id?: number }>(na: T[], voor: T[] | undefined) => (voor ? na.filter((x) => !voor.some((v) => v.id === x.id)) : na);
const veld = (b: Betrokkene, local: string) => tekstVan(b.velden, local);
const rang = (i: number, n: number) => `${i + 1} van ${n}`;

/**
 * After creeerZaak (voor undefined) or updateZaak (voor: the stand before the message): the zaak must satisfy the
 * rules of its kind. An ordinary zaak that points to no plan is not checked.
 */
export async function controleerPlanregels(ctx: MutatieContext, zaak: Zaak, voor?: Planstand): Promise<void> {
  // The kind first: an ordinary zaak that points to no plan needs none of its roles read back.
  const verwijzingen: Verwijzing[] = [];
  for (const r of await verwijzingenVan(ctx, zaak)) verwijzingen.push(await verwijzing(ctx, r));
  const soort = plansoortVan(ctx, zaak, verwijzingen);
  if (!soort) return;
  const na = await planstand(ctx, zaak);
  const naam = benaming(soort, zaak);
  controleerInitiatoren(soort, naam, na.initiatoren, voor?.initiatoren);
  controleerClients(soort, naam, na.clients, voor?.clients);
  nieuw(na.belanghebbenden, voor?.belanghebbenden).forEach((r) => {
    const b = r.betrokkene;
    if (b.soort === 'NPS' && !b.bsn && !veld(b, 'geslachtsnaam')) {
      const wie = `belanghebbende ${rang(na.belanghebbenden.indexOf(r), na.belanghebbenden.length)}`;
      throw fout(`${naam}: ${wie} is een natuurlijkPersoon zonder inp.bsn en zonder geslachtsnaam; zonder BSN is ten minste de geslachtsnaam nodig (rzs.md A13)`);
    }
  });
  nieuw(na.uitvoerenden, voor?.uitvoerenden).forEach((r) => {
    if (r.betrokkene.soort === 'VES' && !r.betrokkene.sleutel) {
      throw fout(`${naam}: uitvoerende ${rang(na.uitvoerenden.indexOf(r), na.uitvoerenden.length)} is een vestiging zonder vestigingsNummer (verplicht, rzs.md §3.3 en §5)`);
    }
  });
  controleerVerwijzingen(soort, naam, verwijzingen, voor !== undefined && voor.verwijzingen.length > 0);
  const sleutel = (s: Planstand) => JSON.stringify([s.verwijzingen.map((r) => r.andereIdentificatie).sort(), [...bsnsVan(s.clients)].sort()]);
  // An update that touches neither the plans nor the clients cannot change the overlap: it is not judged again.
  if (!voor || sleutel(voor) !== sleutel(na)) await controleerClientoverlap(ctx, soort, zaak, na, verwijzingen);
  if (soort === 'gezinsplan') await controleerEenPlanPerGezin(ctx, zaak, na, voor);
}

function controleerInitiatoren(soort: RzsSoort, naam: string, na: Rol[], voor: Rol[] | undefined): void {
  const plan = soort !== 'deelplan';
  if (na.length > 1) throw fout(`${naam}: heeft ${na.length} initiatoren (heeftAlsInitiator); een ${soort} heeft er precies één (rzs.md A19)`);
  if (na.length === 0) {
    const wie = plan ? 'de regisseur als medewerker' : 'een medewerker of een natuurlijkPersoon met inp.bsn';
    if (!voor) throw fout(`${naam}: heeftAlsInitiator ontbreekt; een ${soort} heeft precies één initiator, ${wie} (rzs.md §3, A19)`);
    if (voor.length > 0) {
      throw fout(`${naam}: deze wijziging verwijdert de initiator; een ${soort} houdt precies één heeftAlsInitiator (rzs.md §5, A19)`);
    }
    if (plan) throw fout(`${naam}: heeft geen initiator; een ${soort} heeft precies één heeftAlsInitiator, ${wie} (rzs.md §5, A19)`);
  }
  for (const r of nieuw(na, voor)) {
    const b = r.betrokkene;
    if (b.soort === 'MDW') {
      if (!veld(b, 'achternaam')) throw fout(`${naam}: de initiator (medewerker) heeft geen achternaam (verplicht, rzs.md A12)`);
      if (plan && !voor && !b.sleutel) {
        throw fout(`${naam}: de initiator (medewerker) heeft geen identificatie; bij het aanmaken van een ${soort} is die verplicht (rzs.md A12)`);
      }
    } else if (b.soort === 'NPS' && !plan) {
      if (!b.bsn) {
        throw fout(`${naam}: de initiator is een natuurlijkPersoon zonder inp.bsn; een persoon als initiator wordt met zijn BSN vastgelegd (rzs.md A13)`);
      }
    } else {
      const moet = plan ? 'de regisseur, een medewerker' : 'een medewerker of een natuurlijkPersoon';
      throw fout(`${naam}: de initiator is een ${ELEMENT_VAN_SOORT[b.soort]}; de initiator van een ${soort} is ${moet} (rzs.md §3)`);
    }
  }
}

function controleerClients(soort: RzsSoort, naam: string, na: Zaakobject[], voor: Zaakobject[] | undefined): void {
  if (na.length === 0) {
    if (voor && voor.length > 0) {
      throw fout(`${naam}: deze wijziging verwijdert de laatste client; een ${soort} houdt ten minste één heeftBetrekkingOp met omschrijving Client (rzs.md §5)`);
    }
    // A zaak linked to a plan by updateZaak (koppelen, rzs.md §4.7) becomes a deelplan with the persons it already had.
    if (!voor || soort !== 'deelplan') {
      throw fout(`${naam}: heeft geen client; ten minste één heeftBetrekkingOp met omschrijving Client en een natuurlijkPersoon met inp.bsn en geslachtsnaam is verplicht (rzs.md §3, A13, A20)`);
    }
  }
  // rzs.md §5: on an update only the gezinsplan still demands the geslachtsnaam of a client.
  const geslachtsnaamNodig = !voor || soort === 'gezinsplan';
  for (const o of nieuw(na, voor)) {
    const wie = `client ${rang(na.indexOf(o), na.length)}`;
    if (!o.betrokkene?.bsn) {
      throw fout(`${naam}: ${wie} (heeftBetrekkingOp met omschrijving Client) heeft geen inp.bsn; een client wordt met zijn BSN vastgelegd (rzs.md A13)`);
    }
    if (geslachtsnaamNodig && !veld(o.betrokkene, 'geslachtsnaam')) {
      throw fout(`${naam}: ${wie} heeft geen geslachtsnaam (verplicht voor een client, rzs.md §3 en A13)`);
    }
  }
}

const SOORTNAAM: Record<PlanSoort, string> = { gezinsplan: 'een gezinsplan', levensdomeinplan: 'een levensdomeinplan', gewoon: 'een gewone zaak' };

/** The target must be a zaak we hold, of one of the given kinds (rzs.md A14: a hard refusal). */
function bestaandPlan(naam: string, v: Verwijzing, toegestaan: PlanSoort[]): void {
  const wat = toegestaan.map((s) => SOORTNAAM[s]).join(' of ');
  if (v.soort === undefined) {
    throw fout(`${naam}: heeftBetrekkingOpAndere verwijst naar zaak ${v.identificatie}, die niet in de gateway staat; ${wat} moet bestaan voordat ernaar verwezen wordt (rzs.md §1.4, A14)`);
  }
  if (!toegestaan.includes(v.soort)) {
    throw fout(`${naam}: heeftBetrekkingOpAndere verwijst naar zaak ${v.identificatie}, ${SOORTNAAM[v.soort]} (zaaktype ${v.zaaktypeCode}), niet naar ${wat} (rzs.md A2, A14)`);
  }
}

function controleerVerwijzingen(soort: RzsSoort, naam: string, vw: Verwijzing[], hadVerwijzing: boolean): void {
  const lijst = (xs: Verwijzing[]) => xs.map((v) => v.identificatie).join(', ');
  if (soort === 'gezinsplan') {
    const plan = vw.find((v) => soortOf(v) !== 'gewoon');
    if (plan) {
      const wat = `zaak ${plan.identificatie} (${SOORTNAAM[soortOf(plan)]})`;
      throw fout(`${naam}: heeftBetrekkingOpAndere naar ${wat}; een gezinsplan verwijst niet naar een ander plan, de andere plannen verwijzen naar het gezinsplan (rzs.md §3.1, A2)`);
    }
    return;
  }
  if (soort === 'levensdomeinplan') {
    if (vw.length === 0) {
      throw fout(hadVerwijzing
        ? `${naam}: deze wijziging ontkoppelt het levensdomeinplan van zijn gezinsplan; een levensdomeinplan blijft met precies één heeftBetrekkingOpAndere bij zijn gezinsplan horen (rzs.md §3.2, §5)`
        : `${naam}: heeftBetrekkingOpAndere naar het gezinsplan ontbreekt; een levensdomeinplan hoort bij precies één gezinsplan (rzs.md §3.2)`);
    }
    if (vw.length > 1) {
      throw fout(`${naam}: heeft ${vw.length} heeftBetrekkingOpAndere (zaken ${lijst(vw)}); een levensdomeinplan verwijst naar precies één gezinsplan (rzs.md §3.2)`);
    }
    bestaandPlan(naam, vw[0], ['gezinsplan']);
    return;
  }
  for (const v of vw) bestaandPlan(naam, v, ['gezinsplan', 'levensdomeinplan']);
  const gezinsplannen = vw.filter((v) => v.soort === 'gezinsplan');
  const ldps = vw.filter((v) => v.soort === 'levensdomeinplan');
  if (gezinsplannen.length > 1) {
    throw fout(`${naam}: verwijst naar ${gezinsplannen.length} gezinsplannen (${lijst(gezinsplannen)}); een deelplan hoort bij één gezinsplan (rzs.md §3.3, A14)`);
  }
  if (ldps.length > 1) {
    throw fout(`${naam}: verwijst naar ${ldps.length} levensdomeinplannen (${lijst(ldps)}); een deelplan hoort bij ten hoogste één levensdomeinplan (rzs.md §3.3, A14)`);
  }
  if (ldps.length === 1 && gezinsplannen.length === 0) {
    throw fout(`${naam}: verwijst naar levensdomeinplan ${ldps[0].identificatie} maar niet naar een gezinsplan; een deelplan verwijst naar zijn gezinsplan en daarnaast eventueel naar een levensdomeinplan (rzs.md §3.3)`);
  }
}

// ---- client overlap (rzs.md A14: waarschuw or weiger, config rzs.clientControle) --------------------------

const bsnsVan = (clients: Zaakobject[]) => new Set(clients.flatMap((o) => (o.betrokkene?.bsn ? [o.betrokkene.bsn] : [])));

async function clientBsns(ctx: Pick<MutatieContext, 'store'>, identificatie: string): Promise<Set<string>> {
  const z = await ctx.store.zaken.vind(identificatie);
  if (!z) return new Set();
  return bsnsVan((await ctx.store.betrokkenen.zaakobjecten(z.id)).filter((o) => !o.einddatum && isClient(o)));
}

async function controleerClientoverlap(ctx: MutatieContext, soort: RzsSoort, zaak: Zaak, na: Planstand, vw: Verwijzing[]): Promise<void> {
  const eigen = bsnsVan(na.clients);
  const deelt = async (id: string) => [...(await clientBsns(ctx, id))].some((b) => eigen.has(b));
  const bevindingen: string[] = [];
  if (soort === 'levensdomeinplan') {
    const gezinsplan = vw[0].identificatie;
    const vanGezin = await clientBsns(ctx, gezinsplan);
    na.clients.forEach((c, i) => {
      if (c.betrokkene?.bsn && !vanGezin.has(c.betrokkene.bsn)) {
        bevindingen.push(`client ${rang(i, na.clients.length)} van levensdomeinplan ${zaak.identificatie} is geen client van gezinsplan ${gezinsplan}`);
      }
    });
  } else if (soort === 'deelplan') {
    const gezinsplan = vw.find((v) => v.soort === 'gezinsplan')?.identificatie;
    const ldp = vw.find((v) => v.soort === 'levensdomeinplan')?.identificatie;
    if (gezinsplan && !(await deelt(gezinsplan))) bevindingen.push(`deelplan ${zaak.identificatie} deelt geen client met gezinsplan ${gezinsplan}`);
    if (ldp && !(await deelt(ldp))) bevindingen.push(`deelplan ${zaak.identificatie} deelt geen client met levensdomeinplan ${ldp}`);
    if (ldp && gezinsplan) {
      const l = (await ctx.store.zaken.vind(ldp))!;
      const gezinVanLdp = (await verwijzingenVan(ctx, l)).map((r) => r.andereIdentificatie);
      if (!gezinVanLdp.includes(gezinsplan)) {
        bevindingen.push(`levensdomeinplan ${ldp} van deelplan ${zaak.identificatie} hoort bij gezinsplan ${gezinVanLdp.join(', ') || '(geen)'}, niet bij gezinsplan ${gezinsplan}`);
      }
    }
  }
  if (bevindingen.length === 0) return;
  if (ctx.config.rzs.clientControle === 'weiger') throw fout(`${bevindingen.join('; ')} (rzs.md A14; rzs.clientControle staat op weiger)`);
  ctx.meldingen.push(...bevindingen.map((b) => `rzs.md A14: ${b}`));
}

// ---- one open gezinsplan per family (seed 000; config rzs.eenPlanPerGezin) --------------------------------

/** Hits per query: a person is a client of a handful of open zaken, so one page is the rule. */
const PAGINA = 50;

/** An open gezinsplan a person is a current client of. */
export interface OpenGezinsplan {
  identificatie: string;
  zaaktypeCode: string;
}

/**
 * The open gezinsplannen of which this person is a current client, but for the zaak with id `behalve`: through the
 * person query's index (the BSN's betrokkene, its zaakobjecten), never a walk over the zaken. Which hits are
 * gezinsplannen is the catalogue's business (by zaaktype code, else omschrijving), so that is decided here.
 */
export async function openGezinsplannenVan(ctx: Pick<MutatieContext, 'store' | 'catalogus'>, bsn: string, behalve?: number): Promise<OpenGezinsplan[]> {
  const uit: OpenGezinsplan[] = [];
  for (let na: string | undefined; ;) {
    const treffers = await ctx.store.zaakZoeken.treffers({ initiatorBsn: bsn, initiatorOokClient: true, einddatum: 'open' }, PAGINA, na);
    for (const t of treffers) {
      if (t.id === behalve || ctx.catalogus.soortVan({ code: t.zaaktypeCode, omschrijving: t.zaaktypeOmschrijving }) !== 'gezinsplan') continue;
      // Found as its initiator: a client only when it is one as well (a plan's initiator is a medewerker anyway).
      if (t.alleenAlsClient || (await clientBsns(ctx, t.identificatie)).has(bsn)) uit.push({ identificatie: t.identificatie, zaaktypeCode: t.zaaktypeCode });
    }
    if (treffers.length < PAGINA) return uit;
    na = treffers[treffers.length - 1].identificatie;
  }
}

const andereOpenGezinsplannen = async (ctx: MutatieContext, zaak: Zaak, bsn: string): Promise<string[]> =>
  (await openGezinsplannenVan(ctx, bsn, zaak.id)).map((p) => p.identificatie);

/**
 * Seed 000: per family one plan runs at a time. An open gezinsplan must not give a client a second open gezinsplan:
 * on creeerZaak every client is judged, on updateZaak the clients it adds (all of them when it reopens the plan).
 * An update that adds none is not judged again, so a family accepted under `waarschuw` is not locked out of its
 * plan. Closing a plan (einddatum) or ending the client's relation frees the family. rzs.md itself allows a person
 * in several gezinsplannen: `waarschuw` (default) logs, `weiger` refuses.
 */
async function controleerEenPlanPerGezin(ctx: MutatieContext, zaak: Zaak, na: Planstand, voor?: Planstand): Promise<void> {
  if (!na.open) return;
  const bekend = voor?.open ? bsnsVan(voor.clients) : new Set<string>();
  // Refusing: two plans for one family on two connections at once must not both pass the check.
  if (ctx.config.rzs.eenPlanPerGezin === 'weiger') await ctx.store.betrokkenen.claimPersonen([...bsnsVan(na.clients)].filter((b) => !bekend.has(b)));
  const bevindingen: string[] = [];
  for (const [i, c] of na.clients.entries()) {
    const bsn = c.betrokkene?.bsn;
    if (!bsn || bekend.has(bsn)) continue;
    const andere = await andereOpenGezinsplannen(ctx, zaak, bsn);
    if (andere.length === 0) continue;
    const wat = andere.length === 1 ? `open gezinsplan ${andere[0]}` : `open gezinsplannen ${andere.join(', ')}`;
    bevindingen.push(`client ${rang(i, na.clients.length)} van gezinsplan ${zaak.identificatie} is al client van ${wat}`);
  }
  if (bevindingen.length === 0) return;
  const regel = 'per gezin loopt één gezinsplan tegelijk';
  if (ctx.config.rzs.eenPlanPerGezin === 'weiger') throw fout(`${bevindingen.join('; ')}; ${regel} (rzs.eenPlanPerGezin staat op weiger)`);
  ctx.meldingen.push(...bevindingen.map((b) => `rzs.eenPlanPerGezin: ${b}; ${regel}`));
}
