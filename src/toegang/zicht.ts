// What a caller may see of one zaak (design.md "Who may see what"). The answer encoders ask this, never the role;
// what each level does to an answer is src/stuf/zaakZicht.ts.
import type { ZaakBeeld } from '../domain/zaakBeeld';
import { Aanroeper, magLezen } from './aanroeper';

/**
 * volledig: everything. plan: a gezinsplan or levensdomeinplan seen by anyone but its regie (or its own
 * uitvoerende applications): identificatie, zaaktype, initiator and current status; every other requested element
 * is answered empty with StUF:noValue="nietGeautoriseerd". As another zaak's gerelateerde, a plan (or an ordinary
 * zaak the caller may not read) shows only identificatie and zaaktype. proces: a kcc on an ordinary zaak: status
 * and dates, no natural persons other than the one asked about, no documents. spiegel: a ketenpartner's zaak we
 * mirror: identificatie, zaaktype, its link to our deelplan and its last status; everything else is answered empty
 * with StUF:noValue="nietOndersteund" (the partner holds it, not us). werkvoorraad: a teammanager, on every zaak:
 * identificatie, zaaktype, the regisseur (a medewerker initiator), the current status and the dates; no natural
 * persons, no documents, no besluiten (seed 000: the team manager sees workload, not content).
 */
export type Zichtniveau = 'volledig' | 'plan' | 'proces' | 'spiegel' | 'werkvoorraad';

export interface Zicht {
  niveau: Zichtniveau;
  /** proces: the BSN of the person the question was about, who may be shown. */
  persoon?: string;
  /** How the same caller sees another zaak the answer mentions (a relation's gerelateerde); absent: fully. */
  andere?: (beeld: ZaakBeeld) => Promise<Zicht>;
}

export const VOLLEDIG: Zicht = { niveau: 'volledig' };

/** Whether the application acts for one of the plan's uitvoerenden (configured per application). */
async function isUitvoerendeVan(a: Aanroeper, beeld: ZaakBeeld): Promise<boolean> {
  const u = a.registratie?.uitvoerende;
  if (!u || (u.vestigingen.length === 0 && u.medewerkers.length === 0)) return false;
  return (await beeld.rollen).some((r) => {
    if (r.rolsoort !== 'heeftAlsUitvoerende' || r.betrokkene.sleutel === undefined) return false;
    if (r.betrokkene.soort === 'VES') return u.vestigingen.includes(r.betrokkene.sleutel);
    if (r.betrokkene.soort === 'MDW') return u.medewerkers.includes(r.betrokkene.sleutel);
    return false;
  });
}

/**
 * gebruikersniveau: the person behind the regie application (stuurgegevens/zender/gebruiker) is the plan's regisseur
 * (its initiator medewerker) or a medewerker it names as uitvoerende (a second regisseur, a duo). Seed 000: a plan is
 * shared between its regisseur and the members of its group, not with every user of the regie system.
 */
async function isPlanGebruiker(a: Aanroeper, beeld: ZaakBeeld): Promise<boolean> {
  const gebruiker = a.gebruiker?.trim();
  if (!gebruiker) return false;
  return (await beeld.rollen).some(
    (r) => (r.rolsoort === 'heeftAlsInitiator' || r.rolsoort === 'heeftAlsUitvoerende') && r.betrokkene.soort === 'MDW' && r.betrokkene.sleutel === gebruiker,
  );
}

/**
 * A relation must not show more of the other zaak than a question about it would: an ordinary zaak outside the
 * caller's lezen list (which it could not ask for, StUF052) is shown like a plan, by identificatie and zaaktype.
 */
async function zichtOpGerelateerde(a: Aanroeper, ander: ZaakBeeld): Promise<Zicht> {
  const z = await zichtOp(a, ander);
  // A ketenpartner learns of zaken outside its own only that they exist and their zaaktype.
  if (a.partner && !a.noodtoegang && !(await a.partner.ziet(ander.identificatie))) return { ...z, niveau: 'plan' };
  if (z.niveau === 'spiegel') return z;
  if (z.niveau === 'plan' || ander.isPlan || magLezen(a, ander.zaaktypeCode)) return z;
  return { ...z, niveau: 'plan' };
}

export async function zichtOp(a: Aanroeper, beeld: ZaakBeeld, persoon?: string): Promise<Zicht> {
  const andere = (ander: ZaakBeeld) => zichtOpGerelateerde(a, ander);
  if (beeld.spiegel) return { niveau: 'spiegel', andere };
  if (a.noodtoegang || a.rol === 'open') return VOLLEDIG;
  if (a.rol === 'teammanager') return { niveau: 'werkvoorraad', andere };
  if (beeld.isPlan && a.rol !== 'regie') return { niveau: (await isUitvoerendeVan(a, beeld)) ? 'volledig' : 'plan', andere };
  if (beeld.isPlan && a.registratie?.gebruikersniveau === 'aan' && !(await isPlanGebruiker(a, beeld))) return { niveau: 'plan', andere };
  if (a.rol === 'kcc') return { niveau: 'proces', ...(persoon ? { persoon } : {}), andere };
  return { niveau: 'volledig', andere };
}
