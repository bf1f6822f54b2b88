// Test messages for the nine document services in both wire dialects, and the ZDS 1.1 form of the ZDS 1.2
// document samples. Builders state only what a test cares about.
import { NS } from '../../src/stuf/namespaces';
import { XElement, parseXml, serialize } from '../../src/stuf/xml';
import { ZDS11, ZDS12 } from './soap';
import { Dialect, NSDECL, uniekeRef } from './dialecten';

export type DocDienst =
  | 'genereerDocumentIdentificatie' | 'voegZaakdocumentToe' | 'maakZaakdocument' | 'geefLijstZaakdocumenten' | 'geefZaakdocumentLezen'
  | 'geefZaakdocumentBewerken' | 'updateZaakdocument' | 'cancelCheckout' | 'ontkoppelZaakdocument';

const ROOT12: Record<DocDienst, string> = {
  genereerDocumentIdentificatie: 'genereerDocumentIdentificatie_Di02',
  voegZaakdocumentToe: 'voegZaakdocumentToe_EdcLk01',
  maakZaakdocument: 'maakZaakdocument_EdcLk01',
  geefLijstZaakdocumenten: 'geefLijstZaakdocumenten_ZakLv01',
  geefZaakdocumentLezen: 'geefZaakdocumentLezen_EdcLv01',
  geefZaakdocumentBewerken: 'geefZaakdocumentBewerken_Di02',
  updateZaakdocument: 'updateZaakdocument_Di02',
  cancelCheckout: 'cancelCheckout_Di02',
  ontkoppelZaakdocument: 'ontkoppelZaakdocument_Di02',
};

/** 1.2 root → 1.1 root, for requests and the answers we compare with. */
const ROOT11: Record<string, string> = {
  voegZaakdocumentToe_EdcLk01: 'edcLk01',
  maakZaakdocument_EdcLk01: 'edcLk01',
  geefLijstZaakdocumenten_ZakLv01: 'zakLv01',
  geefLijstZaakdocumenten_ZakLa01: 'zakLa01',
  geefZaakdocumentLezen_EdcLv01: 'edcLv01',
  geefZaakdocumentLezen_EdcLa01: 'edcLa01',
  geefZaakdocumentBewerken_Di02: 'geefZaakdocumentbewerken_Di02',
  geefZaakdocumentBewerken_Du02: 'geefZaakdocumentbewerken_Du02',
  genereerDocumentIdentificatie_Di02: 'genereerDocumentIdentificatie_Di02',
  genereerDocumentIdentificatie_Du02: 'genereerDocumentIdentificatie_Du02',
  updateZaakdocument_Di02: 'updateZaakdocument_Di02',
  cancelCheckout_Di02: 'cancelCheckout_Di02',
  ontkoppelZaakdocument_Di02: 'ontkoppelZaakdocument_Di02',
};

const ACTIE11: Record<DocDienst, string> = {
  genereerDocumentIdentificatie: 'genereerDocumentIdentificatie_Di02',
  voegZaakdocumentToe: 'voegZaakdocumentToe_Lk01',
  maakZaakdocument: 'maakZaakdocument_Lk01',
  geefLijstZaakdocumenten: 'geefLijstZaakdocumenten_Lv01',
  geefZaakdocumentLezen: 'geefZaakdocumentLezen_Lv01',
  geefZaakdocumentBewerken: 'geefZaakdocumentbewerken_Di02',
  updateZaakdocument: 'updateZaakdocument_Di02',
  cancelCheckout: 'cancelCheckout_Di02',
  ontkoppelZaakdocument: 'ontkoppelZaakdocument_Di02',
};

/** The SOAPAction (the 1.2 check-out action has the WSDL's lower-case b) and the endpoint of a service. */
export function docActie(d: Dialect, dienst: DocDienst): string {
  if (d === 'zds11') return ZDS11 + ACTIE11[dienst];
  return ZDS12 + (dienst === 'geefZaakdocumentBewerken' ? 'geefZaakdocumentbewerken_Di02' : ROOT12[dienst]);
}

export function docPad(dienst: DocDienst): string {
  if (dienst === 'voegZaakdocumentToe' || dienst === 'maakZaakdocument') return '/OntvangAsynchroon';
  if (dienst === 'geefLijstZaakdocumenten' || dienst === 'geefZaakdocumentLezen') return '/BeantwoordVraag';
  return '/VerwerkSynchroonVrijBericht';
}

function naarZkn(e: XElement): XElement {
  return { ...e, ns: e.ns === NS.zds ? NS.zkn : e.ns, children: e.children.map(naarZkn) };
}

/** A ZDS 1.2 document message (request or answer) as its ZDS 1.1 form: ZKN root, ZDS children moved to ZKN. */
export function alsZds11Document(xml12: string): string {
  const root = parseXml(xml12.replace(/<\?xml[^?]*\?>/, ''));
  const local = ROOT11[root.local];
  if (root.ns !== NS.zds || !local) throw new Error(`geen ZDS 1.2-documentbericht: ${root.local}`);
  return serialize(naarZkn({ ...root, local }));
}

// ---- builders ------------------------------------------------------------------------------------------------

export interface DocSturing {
  ref?: string;
  zender?: string;
  gebruiker?: string;
  functie?: string;
}

function sturing(berichtcode: string, s: DocSturing, slot: string, ns: string): string {
  const gebruiker = s.gebruiker ? `<StUF:gebruiker>${s.gebruiker}</StUF:gebruiker>` : '';
  return `<${ns}:stuurgegevens><StUF:berichtcode>${berichtcode}</StUF:berichtcode>` +
    `<StUF:zender><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>${s.zender ?? 'DOCAPP'}</StUF:applicatie>${gebruiker}</StUF:zender>` +
    '<StUF:ontvanger><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>ZDSGW</StUF:applicatie></StUF:ontvanger>' +
    `<StUF:referentienummer>${s.ref ?? uniekeRef('DOC')}</StUF:referentienummer><StUF:tijdstipBericht>20240118100000000</StUF:tijdstipBericht>${slot}</${ns}:stuurgegevens>`;
}

const root = (d: Dialect, dienst: DocDienst) => (d === 'zds12' ? `ZDS:${ROOT12[dienst]}` : `ZKN:${ROOT11[ROOT12[dienst]]}`);
const vrij = (d: Dialect) => (d === 'zds12' ? 'ZDS' : 'ZKN');
const functie = (f: string) => `<StUF:functie>${f}</StUF:functie>`;
const EDC = '<StUF:entiteittype>EDC</StUF:entiteittype>';

export const koppeling = (zaak: string, vs = 'T', velden = '') =>
  `<ZKN:isRelevantVoor StUF:entiteittype="EDCZAK" StUF:verwerkingssoort="${vs}"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I">` +
  `<ZKN:identificatie>${zaak}</ZKN:identificatie></ZKN:gerelateerde>${velden}</ZKN:isRelevantVoor>`;

export const legeKoppeling = (vs: string) => `<ZKN:isRelevantVoor StUF:entiteittype="EDCZAK" StUF:verwerkingssoort="${vs}" StUF:noValue="geenWaarde" xsi:nil="true"/>`;

export const inhoud = (tekst: string, bestandsnaam = 'brief.txt', contentType = 'text/plain') =>
  `<ZKN:inhoud StUF:bestandsnaam="${bestandsnaam}" xmime:contentType="${contentType}" xmlns:xmime="http://www.w3.org/2005/05/xmlmime">${Buffer.from(tekst).toString('base64')}</ZKN:inhoud>`;

export interface NieuwDocument {
  id: string;
  zaken: string[];
  titel?: string;
  /** Text content (base64-encoded by the builder); absent for maakZaakdocument. */
  tekst?: string;
  bestandsnaam?: string;
  versie?: string;
  sturing?: DocSturing;
}

/** voegZaakdocumentToe (with tekst) or maakZaakdocument (without), 1.2 or 1.1 (ZKN:edcLk01). */
export function nieuwDocument(d: Dialect, dienst: 'voegZaakdocumentToe' | 'maakZaakdocument', n: NieuwDocument): string {
  const r = root(d, dienst);
  return `<${r} ${NSDECL}>${sturing('Lk01', n.sturing ?? {}, EDC, 'ZKN')}` +
    '<ZKN:parameters><StUF:mutatiesoort>T</StUF:mutatiesoort><StUF:indicatorOvername>V</StUF:indicatorOvername></ZKN:parameters>' +
    `<ZKN:object StUF:entiteittype="EDC" StUF:verwerkingssoort="T"><ZKN:identificatie>${n.id}</ZKN:identificatie>` +
    `<ZKN:dct.omschrijving>Brief</ZKN:dct.omschrijving><ZKN:creatiedatum>20240118</ZKN:creatiedatum><ZKN:titel>${n.titel ?? 'Ontvangstbevestiging'}</ZKN:titel>` +
    `<ZKN:formaat>text/plain</ZKN:formaat><ZKN:taal>nld</ZKN:taal>${n.versie ? `<ZKN:versie>${n.versie}</ZKN:versie>` : ''}` +
    '<ZKN:vertrouwelijkAanduiding>OPENBAAR</ZKN:vertrouwelijkAanduiding><ZKN:auteur>behandelaar1</ZKN:auteur>' +
    `${n.tekst !== undefined ? inhoud(n.tekst, n.bestandsnaam) : ''}${n.zaken.map((z) => koppeling(z)).join('')}</ZKN:object></${r}>`;
}

const VRAAG_PARAMETERS = '<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag></ZKN:parameters>';

export const LIJST_SCOPE_ALLES = '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>';
export const LEZEN_SCOPE_ALLES = '<ZKN:scope><ZKN:object StUF:entiteittype="EDC" StUF:scope="alles"/></ZKN:scope>';

export function geefLijst(d: Dialect, zaak: string, scope = LIJST_SCOPE_ALLES): string {
  const r = root(d, 'geefLijstZaakdocumenten');
  return `<${r} ${NSDECL}>${sturing('Lv01', {}, '<StUF:entiteittype>ZAK</StUF:entiteittype>', 'ZKN')}${VRAAG_PARAMETERS}` +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${zaak}</ZKN:identificatie></ZKN:gelijk>${scope}</${r}>`;
}

export function geefLezen(d: Dialect, doc: string, scope = LEZEN_SCOPE_ALLES): string {
  const r = root(d, 'geefZaakdocumentLezen');
  return `<${r} ${NSDECL}>${sturing('Lv01', {}, EDC, 'ZKN')}${VRAAG_PARAMETERS}` +
    `<ZKN:gelijk StUF:entiteittype="EDC"><ZKN:identificatie>${doc}</ZKN:identificatie></ZKN:gelijk>${scope}</${r}>`;
}

export function bewerken(d: Dialect, doc: string, s: DocSturing = {}): string {
  const r = root(d, 'geefZaakdocumentBewerken');
  return `<${r} ${NSDECL}>${sturing('Di02', s, functie(s.functie ?? 'geefZaakdocumentbewerken'), vrij(d))}` +
    `<${vrij(d)}:edcLv01 StUF:entiteittype="EDC" StUF:functie="selectie"><ZKN:parameters/>` +
    `<ZKN:gelijk StUF:entiteittype="EDC"><ZKN:identificatie>${doc}</ZKN:identificatie></ZKN:gelijk>` +
    `<ZKN:scope><ZKN:object StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/><ZKN:titel xsi:nil="true"/><ZKN:versie xsi:nil="true"/><ZKN:inhoud/></ZKN:object></ZKN:scope></${vrij(d)}:edcLv01></${r}>`;
}

const zdsParameters = (d: Dialect, checkedOutId?: string, versioningState?: string) =>
  `<${vrij(d)}:parameters>${checkedOutId ? `<${vrij(d)}:checkedOutId>${checkedOutId}</${vrij(d)}:checkedOutId>` : ''}` +
  `${versioningState ? `<${vrij(d)}:versioningState>${versioningState}</${vrij(d)}:versioningState>` : ''}</${vrij(d)}:parameters>`;

export interface Wijziging {
  checkedOutId?: string;
  versioningState?: string;
  /** Contents of the oud and nieuw objects after identificatie. */
  oud: string;
  nieuw: string;
  sturing?: DocSturing;
}

function edcLk02(d: Dialect, doc: string, oud: string, nieuw: string): string {
  const object = (x: string) => `<ZKN:object StUF:entiteittype="EDC" StUF:verwerkingssoort="W"><ZKN:identificatie>${doc}</ZKN:identificatie>${x}</ZKN:object>`;
  return `<${vrij(d)}:edcLk02 StUF:entiteittype="EDC" StUF:functie="update"><ZKN:parameters><StUF:mutatiesoort>W</StUF:mutatiesoort></ZKN:parameters>` +
    `${object(oud)}${object(nieuw)}</${vrij(d)}:edcLk02>`;
}

export function update(d: Dialect, doc: string, w: Wijziging): string {
  const r = root(d, 'updateZaakdocument');
  return `<${r} ${NSDECL}>${sturing('Di02', w.sturing ?? {}, functie('updateZaakdocument'), vrij(d))}` +
    `${zdsParameters(d, w.checkedOutId, w.versioningState)}${edcLk02(d, doc, w.oud, w.nieuw)}</${r}>`;
}

export function cancel(d: Dialect, doc: string, checkedOutId?: string, s: DocSturing = {}): string {
  const r = root(d, 'cancelCheckout');
  return `<${r} ${NSDECL}>${sturing('Di02', s, functie('cancelCheckout'), vrij(d))}${zdsParameters(d, checkedOutId)}` +
    `<${vrij(d)}:document StUF:entiteittype="EDC" StUF:functie="entiteit" StUF:verwerkingssoort="I"><ZKN:identificatie>${doc}</ZKN:identificatie></${vrij(d)}:document></${r}>`;
}

export function ontkoppel(d: Dialect, doc: string, zaak: string, opties: { checkedOutId?: string; sturing?: DocSturing } = {}): string {
  const r = root(d, 'ontkoppelZaakdocument');
  const s = opties.sturing ?? {};
  return `<${r} ${NSDECL}>${sturing('Di02', s, functie(s.functie ?? 'ontkoppelZaakdocument'), vrij(d))}${zdsParameters(d, opties.checkedOutId)}` +
    `${edcLk02(d, doc, koppeling(zaak, 'V'), legeKoppeling('V'))}</${r}>`;
}

export function genereer(d: Dialect, s: DocSturing = {}): string {
  const r = root(d, 'genereerDocumentIdentificatie');
  return `<${r} ${NSDECL}>${sturing('Di02', s, functie('genereerDocumentidentificatie'), vrij(d))}</${r}>`;
}
