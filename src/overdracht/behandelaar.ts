// A backoffice that accepts a handover becomes the zaak's behandelaar: heeftAlsUitvoerende (StUF-ZKN's relation
// for the RGBZ role Behandelaar, rzs.md §8.3) with the backoffice as organisatorische eenheid.
import type { Store } from '../store';
import { zkn } from '../stuf/antwoordElementen';
import { Betrokkene, Zaak } from '../domain/zaak';
import type { BestemmingConfig } from '../uitgaand/configSchema';

/** The organisatorische eenheid a destination stands for: as configured, else its applicatie and name. */
export function behandelaarVan(b: BestemmingConfig): Betrokkene {
  // OEH identificatie is at most 24 characters, naam at most 50 (a bestemming naam is too).
  const identificatie = b.behandelaar?.identificatie ?? b.ontvanger.applicatie.slice(0, 24);
  const naam = b.behandelaar?.naam ?? b.naam;
  return { soort: 'OEH', sleutel: identificatie, velden: [zkn('identificatie', identificatie), zkn('naam', naam)] };
}

/** Adds the behandelaar role unless the zaak already has it (a second acceptance adds nothing). Returns whether it added. */
export async function registreerBehandelaar(store: Store, zaak: Zaak, b: BestemmingConfig): Promise<boolean> {
  const oeh = behandelaarVan(b);
  const al = (await store.betrokkenen.rollen(zaak.id))
    .some((r) => !r.einddatum && r.rolsoort === 'heeftAlsUitvoerende' && r.betrokkene.soort === 'OEH' && r.betrokkene.sleutel === oeh.sleutel);
  if (al) return false;
  await store.betrokkenen.voegRolToe(zaak.id, 'heeftAlsUitvoerende', oeh, [zkn('omschrijving', 'Behandelaar')]);
  await store.zaken.bewaar(zaak);
  return true;
}
