// What a caller may see of one zaak (design.md "Who may see what"). The answer encoders ask this, never the role.
import type { ZaakBeeld } from '../domain/zaakBeeld';
import { Aanroeper } from './aanroeper';

/**
 * volledig: everything. plan: a gezinsplan or levensdomeinplan seen by anyone but its regie (or its own
 * uitvoerende applications): identificatie, zaaktype, initiator and current status; every other requested element
 * is answered empty with StUF:noValue="nietGeautoriseerd". proces: a kcc on an ordinary zaak: status and dates,
 * no natural persons other than the one asked about, no documents.
 */
export type Zichtniveau = 'volledig' | 'plan' | 'proces';

export interface Zicht {
  niveau: Zichtniveau;
  /** proces: the BSN of the person the question was about, who may be shown. */
  persoon?: string;
}

export const VOLLEDIG: Zicht = { niveau: 'volledig' };

/** Whether the application acts for one of the plan's uitvoerenden (configured per application). */
function isUitvoerendeVan(a: Aanroeper, beeld: ZaakBeeld): boolean {
  const u = a.registratie?.uitvoerende;
  if (!u || (u.vestigingen.length === 0 && u.medewerkers.length === 0)) return false;
  return beeld.rollen.some((r) => {
    if (r.rolsoort !== 'heeftAlsUitvoerende' || r.betrokkene.sleutel === undefined) return false;
    if (r.betrokkene.soort === 'VES') return u.vestigingen.includes(r.betrokkene.sleutel);
    if (r.betrokkene.soort === 'MDW') return u.medewerkers.includes(r.betrokkene.sleutel);
    return false;
  });
}

export function zichtOp(a: Aanroeper, beeld: ZaakBeeld, persoon?: string): Zicht {
  if (a.noodtoegang || a.rol === 'open' || a.rol === 'regie') return VOLLEDIG;
  if (beeld.isPlan) return isUitvoerendeVan(a, beeld) ? VOLLEDIG : { niveau: 'plan' };
  if (a.rol === 'kcc') return persoon ? { niveau: 'proces', persoon } : { niveau: 'proces' };
  return VOLLEDIG;
}
