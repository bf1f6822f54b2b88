// The person query (zds.md A8, rzs.md §10 A2) and the work queue (issue 18): plain StUF-ZKN zakLv01 selecting zaken
// on their initiator (a person, and the plans whose client that person is, stuf.persoonsvraagPlanclienten; or a
// medewerker, a plan's regisseur), their uitvoerende or behandelaar, their client (zaakobject), the plan they belong
// to (heeftBetrekkingOpAndere), zaaktype or identificatie, narrowed by current status, dates and "no status change
// since" (stuf/zaakSelectie.ts), answered with a
// zakLa01 of ZAK-antwoord objects sorted on identificatie and paged with StUF vervolgvragen. It answers "does this
// person have a gezinsplan, and who is the regisseur" for everyone who may list zaken; how much of each zaak a
// caller sees is the Zicht's business.
//
// No SOAPAction of its own: the plain action …/zkn/0310/zakLv01 names no service, so dispatch decides on the
// selection (zds.md A2; the scope only refines) and status, document and detail questions on one identificatie keep
// reaching their own services and checks.
import { NS } from '../stuf/namespaces';
import { StufFout } from '../stuf/fout';
import { Afwijkingen } from '../stuf/entiteit';
import { Scope, Vraag, leesVraag } from '../stuf/vraag';
import { XElement, child, isNil, path } from '../stuf/xml';
import { zaakDetailsObject } from '../stuf/zaakAntwoord';
import { ONDERSTEUNDE_SELECTIE, leesZaakselectie } from '../stuf/zaakSelectie';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { Zaakselectie, Zaaktreffer, heeftCriterium } from '../store/zaakZoeken';
import { controleerPersoonsvraag, leestAlleZaaktypen, magInLijst } from '../toegang/rechten';
import { zichtOp } from '../toegang/zicht';
import { Operatie, OperatieContext } from '../soap/operatie';
import { zaakLa01 } from './gemeenschappelijk';

/** StUF-ZKN's default maximumAantal (ZAK-parametersVraagSynchroon). */
const STANDAARD_AANTAL = 15;
/** A larger maximumAantal is capped: the caller gets this many, melding StUF0002 and a vervolgvraag for the rest. */
const MAX_PER_ANTWOORD = 100;
/** Rows read per round when zaken are skipped after reading (ones the caller may not list, clients' ordinary zaken). */
const BATCH = 500;

/**
 * Without a scope the provider chooses (zds.md A15): enough to answer "which plan, which zaaktype, who is the
 * regisseur, how far along": kerngegevens, isVan, the initiator and the current status; and what each zaak belongs
 * to (a deelplan's plans, a ketenpartner's zaak bought for it) by identificatie and zaaktype.
 */
const STANDAARD_SCOPE = Scope.elementen(
  new Map([
    ['identificatie', Scope.KERN],
    ['isVan', Scope.ALLES],
    ['heeftAlsInitiator', Scope.ALLES],
    ['heeftBetrekkingOpAndere', Scope.elementen(new Map([['gerelateerde', Scope.elementen(new Map([['identificatie', Scope.KERN], ['isVan', Scope.ALLES]]))]]))],
    ['heeft', Scope.ALLES],
  ]),
);

function controleerSortering(sortering: string | undefined): void {
  if (sortering === undefined || sortering === '0' || sortering === '1') return;
  throw new StufFout(
    'StUF133',
    `parameters/sortering ${sortering} wordt niet ondersteund: een zaakvraag sorteert op identificatie (sortering 0 of 1), waarop ook een vervolgvraag verder gaat`,
  );
}

/** Where a vervolgvraag continues: after the zaak named in start, the last one of the previous answer. */
function vervolgNa(root: XElement, vraag: Vraag, afw: Afwijkingen): string | undefined {
  const start = child(root, 'start');
  if (!start) return undefined;
  if (!vraag.parameters.indicatorVervolgvraag) afw.meld('start gegeven zonder parameters/indicatorVervolgvraag true; de vraag gaat verder na start');
  const id = path(start, 'object', 'identificatie');
  const waarde = id && !isNil(id) ? id.text.trim() : '';
  if (!waarde) {
    throw new StufFout('StUF106', 'start/object/identificatie ontbreekt: een vervolgvraag gaat verder na de zaak met die identificatie (de sortering van een zaakvraag)');
  }
  return waarde;
}

/**
 * Whether a hit belongs in this caller's answer: a zaak found only because the person is its client counts when it
 * is a gezinsplan or levensdomeinplan (stuf.persoonsvraagPlanclienten), and the caller must be allowed to list it.
 */
async function zichtbaar(ctx: OperatieContext, t: Zaaktreffer): Promise<boolean> {
  const soort = ctx.catalogus.soortVan({ code: t.zaaktypeCode, omschrijving: t.zaaktypeOmschrijving });
  if (t.alleenAlsClient && soort === 'gewoon') return false;
  return await magInLijst(ctx.aanroeper, t.zaaktypeCode, soort, t.identificatie);
}

/** Whether the store's rows are the answer as they are: no zaak of them is skipped in the loop. */
const allesTelt = (ctx: OperatieContext, selectie: Zaakselectie) => leestAlleZaaktypen(ctx.aanroeper) && !selectie.initiatorOokClient;

/**
 * One page of the zaken this caller may list. Zaken it may not list are skipped in the loop, not in SQL (whether a
 * zaaktype outside the catalogue is a plan depends on its omschrijving), so a page is read in rounds until full.
 */
async function pagina(ctx: OperatieContext, selectie: Zaakselectie, max: number, na: string | undefined): Promise<{ treffers: Zaaktreffer[]; meer: boolean }> {
  const treffers: Zaaktreffer[] = [];
  // One more than asked tells whether there are more; a caller whose zaken are skipped reads in larger rounds.
  const ronde = allesTelt(ctx, selectie) ? max + 1 : Math.max(max + 1, BATCH);
  for (let cursor = na; ; ) {
    const rijen = await ctx.store.zaakZoeken.treffers(selectie, ronde, cursor);
    for (const r of rijen) {
      if (!(await zichtbaar(ctx, r))) continue;
      if (treffers.length === max) return { treffers, meer: true };
      treffers.push(r);
    }
    if (rijen.length < ronde) return { treffers, meer: false };
    cursor = rijen[rijen.length - 1].identificatie;
  }
}

/** StUF aantalVoorkomens: every zaak of the selection this caller may list. */
async function aantal(ctx: OperatieContext, selectie: Zaakselectie): Promise<number> {
  if (allesTelt(ctx, selectie)) return ctx.store.zaakZoeken.aantal(selectie);
  let n = 0;
  for (let cursor: string | undefined; ; ) {
    const rijen = await ctx.store.zaakZoeken.treffers(selectie, BATCH, cursor);
    for (const r of rijen) if (await zichtbaar(ctx, r)) n++;
    if (rijen.length < BATCH) return n;
    cursor = rijen[rijen.length - 1].identificatie;
  }
}

/**
 * The default answer holds the current status only (the statuses come newest first), and the zaken a zaak belongs to
 * only when it has any: a gezinsplan gets no empty heeftBetrekkingOpAndere.
 */
function standaardAntwoord(object: XElement): XElement {
  const huidig = object.children.findIndex((c) => c.local === 'heeft');
  return { ...object, children: object.children.filter((c, i) => (c.local !== 'heeft' || i === huidig) && !(c.local === 'heeftBetrekkingOpAndere' && isNil(c))) };
}

export const zoekZaken: Operatie = {
  naam: 'zoekZaken',
  asynchroon: false,
  wijzigt: false,
  acties: [],
  roots: [{ ns: NS.zkn, local: 'zakLv01' }],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'ZAK' },
  async verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    controleerSortering(vraag.parameters.sortering);
    const selectie = leesZaakselectie(bericht.root, ctx.afw);
    if (!heeftCriterium(selectie)) {
      throw new StufFout(
        'StUF058',
        `gelijk bevat geen selectie (einddatum, datums, status en geenStatuswijzigingSinds beperken alleen): deze gateway geeft geen lijst van alle zaken; selecteer op ${ONDERSTEUNDE_SELECTIE}`,
      );
    }
    const persoon = selectie.initiatorBsn ?? selectie.objectBsn;
    if (persoon) controleerPersoonsvraag(ctx.aanroeper);
    if (persoon && ctx.config.stuf.persoonsvraag !== 'aan') {
      throw new StufFout('StUF052', 'Zoeken naar de zaken van een persoon (heeftAlsInitiator of heeftBetrekkingOp op BSN) staat uit in deze gateway; de beheerder zet het aan met stuf.persoonsvraag: aan');
    }
    // Consumers ask for "the gezinsplan of this person" on the initiator, though a plan's initiator is its regisseur.
    if (selectie.initiatorBsn && ctx.config.stuf.persoonsvraagPlanclienten === 'aan') selectie.initiatorOokClient = true;
    const na = vervolgNa(bericht.root, vraag, ctx.afw);
    const gevraagd = vraag.parameters.maximumAantal ?? STANDAARD_AANTAL;
    const max = Math.min(gevraagd, MAX_PER_ANTWOORD);
    const { treffers, meer } = await pagina(ctx, selectie, max, na);
    const objecten: XElement[] = [];
    for (const t of treffers) {
      const beeld = new ZaakBeeld(ctx.store, ctx.catalogus, (await ctx.store.zaken.vindOpId(t.id))!);
      const zicht = await zichtOp(ctx.aanroeper, beeld, persoon);
      objecten.push(vraag.scope ? await zaakDetailsObject(beeld, vraag.scope, zicht) : standaardAntwoord(await zaakDetailsObject(beeld, STANDAARD_SCOPE, zicht)));
    }
    const meldingen = meer && gevraagd > max ? [`StUF0002: Meer objecten gevraagd dan teruggegeven; ten hoogste ${MAX_PER_ANTWOORD} per antwoord, vraag de rest met een vervolgvraag`] : [];
    const aantalVoorkomens = vraag.parameters.indicatorAantal ? await aantal(ctx, selectie) : undefined;
    const gevraagdePersonen = [selectie.initiatorBsn, selectie.objectBsn].filter((b): b is string => b !== undefined);
    return { bericht: zaakLa01(ctx, bericht, 'zakLa01', objecten, meldingen, { meer, aantalVoorkomens }), zaken: treffers.map((t) => t.identificatie), gevraagdePersonen };
  },
};
