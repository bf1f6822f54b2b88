// Reading an overdragenZaak Di01 or Du01 of either flavour into the message model of vorm.ts. The router passes
// what it reads on to another application, so whatever it could not write back schema-valid is refused (StUF055)
// in every validation mode; deviations it repairs on the way (a missing StUF:functie) are only noted.
import { NS } from '../stuf/namespaces';
import { Afwijkingen, checkEntiteittype, leesWaarde } from '../stuf/entiteit';
import { schemaFout } from '../stuf/fout';
import type { Stuurgegevens, Systeem } from '../stuf/stuurgegevens';
import { XElement, attr, child, children, isNil } from '../stuf/xml';
import { ANTWOORDEN, Bevestiging, Opdracht, Overdrachtantwoord, Overdrachtsturing } from './vorm';

const MAX_MELDING = 250;

const tekst = (e: XElement | undefined): string | undefined => (e && !isNil(e) ? e.text.trim() || undefined : undefined);

/** The meldingen (StUF:Melding, at most 250 characters each); empty ones carry nothing and are dropped. */
function leesMeldingen(root: XElement): string[] {
  return children(root, 'melding').flatMap((m, i) => {
    const t = tekst(m);
    if (t && t.length > MAX_MELDING) throw schemaFout(`melding ${i + 1} is langer dan ${MAX_MELDING} tekens`);
    return t ? [t] : [];
  });
}

const SYSTEEM_MAXIMA: [keyof Systeem, number][] = [['organisatie', 200], ['applicatie', 50], ['administratie', 50], ['gebruiker', 100]];

function controleerSysteem(s: Systeem, pad: string): Systeem {
  for (const [veld, max] of SYSTEEM_MAXIMA) {
    if ((s[veld]?.length ?? 0) > max) throw schemaFout(`${pad}/${veld} is langer dan ${max} tekens`);
  }
  return s;
}

/**
 * The stuurgegevens the router passes on unchanged. The verwerker only notes a malformed tijdstipBericht; a message
 * that goes out again must carry a valid one. An absent ontvanger is left to the caller (the router addresses it).
 */
export function leesDoorgegevenSturing(sg: Stuurgegevens): Omit<Overdrachtsturing, 'ontvanger'> & { ontvanger?: Systeem } {
  const t = sg.tijdstipBericht;
  if (!t || !/^\d{8,17}$/.test(t)) {
    throw schemaFout(`stuurgegevens/tijdstipBericht ${t ? `'${t}' is geen StUF-tijdstip (8-17 cijfers)` : 'ontbreekt'}; het bericht wordt doorgegeven en moet geldig zijn`);
  }
  if (sg.crossRefnummer && sg.crossRefnummer.length > 40) throw schemaFout('stuurgegevens/crossRefnummer is langer dan 40 tekens');
  return {
    zender: controleerSysteem(sg.zender!, 'stuurgegevens/zender'),
    ...(sg.ontvanger?.applicatie ? { ontvanger: controleerSysteem(sg.ontvanger, 'stuurgegevens/ontvanger') } : {}),
    referentienummer: sg.referentienummer!,
    tijdstipBericht: t,
    ...(sg.crossRefnummer ? { crossRefnummer: sg.crossRefnummer } : {}),
  };
}

/** The object with only the children its type allows (the schema fixes them; anything else cannot be passed on). */
function leesObject(root: XElement, toegestaan: string[], afw: Afwijkingen): XElement {
  const o = child(root, 'object');
  if (!o) throw schemaFout(`object ontbreekt: een ${root.local} draagt de zaak in object`);
  if (attr(o, NS.stuf, 'functie') !== 'entiteit') afw.meld('object: StUF:functie="entiteit" ontbreekt of heeft een andere waarde');
  const et = attr(o, NS.stuf, 'entiteittype');
  if (et !== undefined && et !== 'ZAK') throw schemaFout(`object: StUF:entiteittype is '${et}', verwacht 'ZAK'`);
  for (const c of o.children) {
    if (!toegestaan.includes(c.local)) throw schemaFout(`object/${c.local}: hoort niet in ${root.local} (toegestaan: ${toegestaan.join(', ')})`);
  }
  return o;
}

function zaakIdentificatie(o: XElement): string {
  const id = tekst(child(o, 'identificatie'));
  if (!id) throw schemaFout('object/identificatie: de zaakidentificatie ontbreekt');
  return id;
}

export function leesOpdracht(root: XElement, afw: Afwijkingen): Opdracht {
  const meldingen = leesMeldingen(root);
  const o = leesObject(root, ['identificatie', 'isVan'], afw);
  const zaak = zaakIdentificatie(o);
  const isVan = children(o, 'isVan');
  if (isVan.length === 0 || isNil(isVan[0])) throw schemaFout('object/isVan ontbreekt: het zaaktype van de over te dragen zaak is verplicht');
  if (isVan.length > 1) afw.meld(`object/isVan komt ${isVan.length} keer voor; een zaak heeft één zaaktype, alleen het eerste telt`);
  checkEntiteittype(isVan[0], 'ZAKZKT', 'object/isVan', afw);
  const g = child(isVan[0], 'gerelateerde');
  if (!g) throw schemaFout('object/isVan/gerelateerde ontbreekt');
  checkEntiteittype(g, 'ZKT', 'object/isVan/gerelateerde', afw);
  const code = tekst(child(g, 'code'));
  if (!code) throw schemaFout('object/isVan/gerelateerde/code: de zaaktypecode ontbreekt');
  if (code.length > 10) throw schemaFout('object/isVan/gerelateerde/code: zaaktypecode is langer dan 10 tekens');
  const omschrijving = tekst(child(g, 'omschrijving'));
  if (omschrijving && omschrijving.length > 80) throw schemaFout('object/isVan/gerelateerde/omschrijving: langer dan 80 tekens');
  const datum = child(g, 'ingangsdatumObject');
  const ingangsdatum = datum && leesWaarde(datum, { naam: 'ingangsdatumObject', soort: 'datum' }, 'object/isVan/gerelateerde/ingangsdatumObject', afw);
  return {
    meldingen,
    zaak,
    zaaktype: { code, ...(omschrijving ? { omschrijving } : {}), ...(ingangsdatum ? { ingangsdatumObject: ingangsdatum } : {}) },
  };
}

export function leesBevestiging(root: XElement, afw: Afwijkingen): Bevestiging {
  const meldingen = leesMeldingen(root);
  const o = leesObject(root, ['identificatie', 'antwoord'], afw);
  const zaak = zaakIdentificatie(o);
  const antwoord = tekst(child(o, 'antwoord'));
  if (!antwoord) throw schemaFout(`object/antwoord ontbreekt (${ANTWOORDEN.map((a) => `'${a}'`).join(' of ')})`);
  if (!(ANTWOORDEN as readonly string[]).includes(antwoord)) {
    throw schemaFout(`object/antwoord '${antwoord}' is geen van ${ANTWOORDEN.map((a) => `'${a}'`).join(', ')}`);
  }
  return { meldingen, zaak, antwoord: antwoord as Overdrachtantwoord };
}
