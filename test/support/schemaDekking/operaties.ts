// The operations the generator varies, each with a valid base message per dialect (the ../shared samples and the
// test builders), which element of it holds the stored object, and what must exist before it is sent. Identifiers in a
// base are the samples' own; every send replaces them with fresh ones (ids.ts), so variations never collide.
import { NS } from '../../../src/stuf/namespaces';
import { XElement, parseXml } from '../../../src/stuf/xml';
import { Dialect, actie, alsZds11, geefZaakdetails as geefZaakdetailsBericht, geefZaakstatus as geefZaakstatusBericht, genereerZaakIdentificatie } from '../dialecten';
import { alsZds11Document, cancel, docActie, docPad, geefLezen, geefLijst, genereer, update } from '../documentBerichten';
import { geefBesluitdetails, geefLijstBesluiten, genereerBesluitIdentificatie, updateBesluit } from '../besluitBerichten';
import { sample, ZDS12 } from '../soap';
import { ID } from './ids';

/** What a variation needs stored before it is sent (each variation gets its own). */
export type Voorwaarde = 'zaak' | 'document' | 'plaatshouder' | 'uitgecheckt' | 'besluit';

/** The questions asked after an accepted change, each with scope alles (or the full list scope): what it stored shows. */
export type Navraag = 'zaakdetails' | 'zaakstatus' | 'documentLezen' | 'plaatshouderLezen' | 'lijstDocumenten' | 'besluitdetails' | 'lijstBesluiten';

export interface DekkingOperatie {
  naam: string;
  dialecten: Dialect[];
  basis(d: Dialect): string;
  /** The elements whose content is varied, as child indices from the root (the object, or oud and nieuw; parameters). */
  delen(root: XElement): number[][];
  pad: string;
  actie(d: Dialect): string;
  voorwaarden: Voorwaarde[];
  /** Questions change nothing: nothing is asked afterwards. */
  vraag: boolean;
  /** Asked after an accepted change (geefZaakdetails first). */
  navragen: Navraag[];
  /** The question whose answer must show what a variation added to the stored object (none: not checked). */
  toont?: Navraag;
}

const kaal = (xml: string) => xml.replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trim();
const s12 = (naam: string) => kaal(sample(`zds12/${naam}.xml`));

/** Every element with this local name (depth first): the object, or oud and nieuw of a W kennisgeving. */
export function alle(root: XElement, local: string): number[][] {
  const gevonden: number[][] = [];
  const zoek = (e: XElement, pad: number[]) => e.children.forEach((c, i) => {
    if (c.local === local) gevonden.push([...pad, i]);
    else zoek(c, [...pad, i]);
  });
  zoek(root, []);
  if (!gevonden.length) throw new Error(`${root.local} heeft geen ${local}`);
  return gevonden;
}

/** The stored object(s) and the kennisgeving's parameters (mutatiesoort, indicatorOvername). */
const kennisgeving = (r: XElement) => [...alle(r, 'object'), ...alle(r, 'parameters').slice(0, 1)];

const scopeObject = (root: XElement) => {
  const s = alle(root, 'scope')[0];
  let scope = root;
  for (const i of s) scope = scope.children[i];
  return [...s, scope.children.findIndex((c) => c.local === 'object')];
};

/** A direct child of the root by local name. */
const kind = (root: XElement, local: string) => [root.children.findIndex((c) => c.local === local)];

const ZAAK_SCOPE = '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/></ZKN:object></ZKN:scope>';
const EDC_SCOPE = '<ZKN:scope><ZKN:object StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/></ZKN:object></ZKN:scope>';
const BSL_SCOPE = '<ZKN:scope><ZKN:object StUF:entiteittype="BSL"><ZKN:identificatie xsi:nil="true"/></ZKN:object></ZKN:scope>';

const beide: Dialect[] = ['zds12', 'zds11'];
const alleen12: Dialect[] = ['zds12'];

export const OPERATIES: DekkingOperatie[] = [
  {
    naam: 'creeerZaak', dialecten: beide, pad: '/OntvangAsynchroon', actie: (d) => actie(d, 'creeerZaak'), voorwaarden: [], vraag: false, navragen: ['zaakdetails', 'zaakstatus'], toont: 'zaakdetails',
    basis: (d) => (d === 'zds12' ? s12('creeerZaak_ZakLk01') : alsZds11(s12('creeerZaak_ZakLk01'))),
    delen: kennisgeving,
  },
  {
    naam: 'updateZaak', dialecten: beide, pad: '/OntvangAsynchroon', actie: (d) => actie(d, 'updateZaak'), voorwaarden: ['zaak'], vraag: false, navragen: ['zaakdetails', 'zaakstatus'], toont: 'zaakdetails',
    basis: (d) => (d === 'zds12' ? s12('updateZaak_ZakLk01') : alsZds11(s12('updateZaak_ZakLk01'))),
    delen: kennisgeving,
  },
  {
    naam: 'actualiseerZaakstatus', dialecten: beide, pad: '/OntvangAsynchroon', actie: (d) => actie(d, 'actualiseerZaakstatus'), voorwaarden: ['zaak'], vraag: false, navragen: ['zaakdetails', 'zaakstatus'],
    basis: (d) => (d === 'zds12' ? s12('actualiseerZaakstatus_ZakLk01') : alsZds11(s12('actualiseerZaakstatus_ZakLk01'))),
    delen: kennisgeving,
  },
  {
    naam: 'voegZaakdocumentToe', dialecten: beide, pad: docPad('voegZaakdocumentToe'), actie: (d) => docActie(d, 'voegZaakdocumentToe'), voorwaarden: ['zaak'], vraag: false, navragen: ['zaakdetails', 'documentLezen', 'lijstDocumenten'], toont: 'documentLezen',
    basis: (d) => (d === 'zds12' ? s12('voegZaakdocumentToe_EdcLk01') : alsZds11Document(s12('voegZaakdocumentToe_EdcLk01'))),
    delen: kennisgeving,
  },
  {
    naam: 'maakZaakdocument', dialecten: beide, pad: docPad('maakZaakdocument'), actie: (d) => docActie(d, 'maakZaakdocument'), voorwaarden: ['zaak'], vraag: false, navragen: ['zaakdetails', 'plaatshouderLezen', 'lijstDocumenten'], toont: 'plaatshouderLezen',
    basis: (d) => (d === 'zds12' ? s12('maakZaakdocument_EdcLk01') : alsZds11Document(s12('maakZaakdocument_EdcLk01'))),
    delen: kennisgeving,
  },
  {
    naam: 'updateZaakdocument', dialecten: beide, pad: docPad('updateZaakdocument'), actie: (d) => docActie(d, 'updateZaakdocument'), voorwaarden: ['zaak', 'document', 'uitgecheckt'], vraag: false, navragen: ['zaakdetails', 'documentLezen', 'lijstDocumenten'], toont: 'documentLezen',
    // ZDS 1.1 has no versioningState: its base comes from the builder, with the sample's titel and versie change.
    basis: (d) => (d === 'zds12' ? s12('updateZaakdocument_Di02') : update(d, ID.document, {
      checkedOutId: ID.checkedOutId,
      oud: '<ZKN:titel>Aanvraag parkeervergunning</ZKN:titel><ZKN:versie>1</ZKN:versie>',
      nieuw: '<ZKN:titel>Aanvraag parkeervergunning (aangevuld)</ZKN:titel><ZKN:versie>2</ZKN:versie>',
    })),
    delen: kennisgeving,
  },
  {
    naam: 'voegBesluitToe', dialecten: alleen12, pad: '/OntvangAsynchroon', actie: () => `${ZDS12}voegBesluitToe_Di01`, voorwaarden: ['zaak', 'plaatshouder'], vraag: false, navragen: ['zaakdetails', 'besluitdetails', 'lijstBesluiten'], toont: 'besluitdetails',
    basis: () => s12('voegBesluitToe_Di01'),
    delen: (r) => alle(r, 'besluit'),
  },
  {
    naam: 'updateBesluit', dialecten: alleen12, pad: '/OntvangAsynchroon', actie: () => `${ZDS12}updateBesluit_BslLk01`, voorwaarden: ['zaak', 'plaatshouder', 'besluit'], vraag: false, navragen: ['zaakdetails', 'besluitdetails', 'lijstBesluiten'], toont: 'besluitdetails',
    basis: () => updateBesluit(ID.besluit, '<ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/>', '<ZKN:toelichting>Aangevuld</ZKN:toelichting>'),
    delen: kennisgeving,
  },
  {
    naam: 'ontkoppelZaakdocument', dialecten: alleen12, pad: docPad('ontkoppelZaakdocument'), actie: (d) => docActie(d, 'ontkoppelZaakdocument'), voorwaarden: ['zaak', 'document'], vraag: false, navragen: ['zaakdetails', 'documentLezen', 'lijstDocumenten'],
    basis: () => s12('ontkoppelZaakdocument_Di02'),
    delen: (r) => [...alle(r, 'object'), kind(r, 'parameters')],
  },
  // Check-out and its cancel change no stored data: nothing is asked afterwards; their answers are validated.
  {
    naam: 'geefZaakdocumentBewerken', dialecten: alleen12, pad: docPad('geefZaakdocumentBewerken'), actie: (d) => docActie(d, 'geefZaakdocumentBewerken'), voorwaarden: ['zaak', 'document'], vraag: true, navragen: [],
    // ZDS 1.2 only: the 1.1 check-out types its scope object as a whole EDC (required fields, none nillable), so it is
    // not a field-by-field scope to vary.
    basis: () => s12('geefZaakdocumentBewerken_Di02'),
    delen: (r) => [scopeObject(r)],
  },
  {
    naam: 'cancelCheckout', dialecten: beide, pad: docPad('cancelCheckout'), actie: (d) => docActie(d, 'cancelCheckout'), voorwaarden: ['zaak', 'document', 'uitgecheckt'], vraag: true, navragen: [],
    basis: (d) => (d === 'zds12' ? s12('cancelCheckout_Di02') : cancel(d, ID.document, ID.checkedOutId)),
    delen: (r) => [kind(r, 'document'), kind(r, 'parameters')],
  },
  // The identification services carry only stuurgegevens: those are what is varied.
  {
    naam: 'genereerZaakIdentificatie', dialecten: beide, pad: '/VerwerkSynchroonVrijBericht', actie: (d) => actie(d, 'genereerZaakIdentificatie'), voorwaarden: [], vraag: true, navragen: [],
    basis: (d) => (d === 'zds12' ? s12('genereerZaakIdentificatie_Di02') : genereerZaakIdentificatie(d)),
    delen: (r) => [kind(r, 'stuurgegevens')],
  },
  {
    naam: 'genereerDocumentIdentificatie', dialecten: beide, pad: docPad('genereerDocumentIdentificatie'), actie: (d) => docActie(d, 'genereerDocumentIdentificatie'), voorwaarden: [], vraag: true, navragen: [],
    basis: (d) => (d === 'zds12' ? s12('genereerDocumentIdentificatie_Di02') : genereer(d)),
    delen: (r) => [kind(r, 'stuurgegevens')],
  },
  {
    naam: 'genereerBesluitIdentificatie', dialecten: alleen12, pad: '/VerwerkSynchroonVrijBericht', actie: () => `${ZDS12}genereerBesluitIdentificatie_Di02`, voorwaarden: [], vraag: true, navragen: [],
    basis: () => genereerBesluitIdentificatie(),
    delen: (r) => [kind(r, 'stuurgegevens')],
  },
  {
    naam: 'geefZaakdetails', dialecten: beide, pad: '/BeantwoordVraag', actie: (d) => actie(d, 'geefZaakdetails'), voorwaarden: ['zaak', 'document', 'plaatshouder', 'besluit'], vraag: true, navragen: [],
    basis: (d) => geefZaakdetailsBericht(d, ID.zaak, ZAAK_SCOPE),
    delen: (r) => [scopeObject(r)],
  },
  {
    naam: 'geefZaakstatus', dialecten: beide, pad: '/BeantwoordVraag', actie: (d) => actie(d, 'geefZaakstatus'), voorwaarden: ['zaak'], vraag: true, navragen: [],
    basis: (d) => geefZaakstatusBericht(d, ID.zaak, true),
    delen: (r) => [scopeObject(r)],
  },
  {
    naam: 'geefLijstZaakdocumenten', dialecten: beide, pad: docPad('geefLijstZaakdocumenten'), actie: (d) => docActie(d, 'geefLijstZaakdocumenten'), voorwaarden: ['zaak', 'document', 'plaatshouder'], vraag: true, navragen: [],
    basis: (d) => geefLijst(d, ID.zaak, ZAAK_SCOPE),
    delen: (r) => [scopeObject(r)],
  },
  {
    naam: 'geefZaakdocumentLezen', dialecten: beide, pad: docPad('geefZaakdocumentLezen'), actie: (d) => docActie(d, 'geefZaakdocumentLezen'), voorwaarden: ['zaak', 'document'], vraag: true, navragen: [],
    basis: (d) => geefLezen(d, ID.document, EDC_SCOPE),
    delen: (r) => [scopeObject(r)],
  },
  {
    naam: 'geefBesluitdetails', dialecten: alleen12, pad: '/BeantwoordVraag', actie: () => `${ZDS12}geefBesluitdetails_BslLv01`, voorwaarden: ['zaak', 'plaatshouder', 'besluit'], vraag: true, navragen: [],
    basis: () => geefBesluitdetails(ID.besluit, BSL_SCOPE),
    delen: (r) => [scopeObject(r)],
  },
  {
    naam: 'geefLijstBesluiten', dialecten: alleen12, pad: '/BeantwoordVraag', actie: () => `${ZDS12}geefLijstBesluiten_ZakLv01`, voorwaarden: ['zaak', 'plaatshouder', 'besluit'], vraag: true, navragen: [],
    basis: () => geefLijstBesluiten(ID.zaak),
    delen: (r) => [scopeObject(r)],
  },
];

export const leesBasis = (xml: string): XElement => parseXml(kaal(xml));
export const isZds12 = (root: XElement) => root.ns === NS.zds;
