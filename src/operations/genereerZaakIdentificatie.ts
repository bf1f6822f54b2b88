// #6 genereerZaakIdentificatie: a new, never-issued zaakidentificatie from a database counter (Di02 → Du02).
import { NS } from '../stuf/namespaces';
import { entiteittype } from '../stuf/antwoordElementen';
import { verwerkingsFout } from '../stuf/fout';
import { antwoordStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { vandaag } from '../stuf/tijd';
import { at, el } from '../stuf/xml';
import { Operatie, OperatieContext } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';

const FUNCTIE = 'genereerZaakidentificatie';
const MAX_POGINGEN = 1000;

/** Fills the configured format: {gemeentecode}, {jaar}, {volgnummer} and {volgnummer:N} (zero-padded). */
export function vulFormaat(formaat: string, waarden: { gemeentecode: string; jaar: string; volgnummer: number }): string {
  return formaat
    .replace(/\{gemeentecode\}/g, waarden.gemeentecode)
    .replace(/\{jaar\}/g, waarden.jaar)
    .replace(/\{volgnummer(?::(\d+))?\}/g, (_, breedte?: string) => String(waarden.volgnummer).padStart(breedte ? Number(breedte) : 0, '0'));
}

/** The next free identificatie; skips any a consumer already used for a zaak of its own numbering. */
export function nieuweZaakidentificatie(ctx: OperatieContext): string {
  const formaat = ctx.config.identificatie.zaak;
  const jaar = vandaag().slice(0, 4);
  const teller = formaat.includes('{jaar}') ? `zaak:${jaar}` : 'zaak';
  for (let i = 0; i < MAX_POGINGEN; i++) {
    const id = vulFormaat(formaat, { gemeentecode: ctx.config.stuf.gemeentecode, jaar, volgnummer: ctx.store.identificaties.volgende(teller) });
    if (id.length < 5 || id.length > 40) throw verwerkingsFout(`Het geconfigureerde identificatieformaat levert '${id}' op; een zaakidentificatie heeft 5 tot 40 tekens`);
    if (ctx.store.zaken.bestaat(id) || ctx.store.identificaties.isUitgegeven(id)) continue;
    return id;
  }
  throw verwerkingsFout(`Geen vrije zaakidentificatie gevonden na ${MAX_POGINGEN} pogingen`);
}

export const genereerZaakIdentificatie: Operatie = {
  naam: 'genereerZaakIdentificatie',
  asynchroon: false,
  wijzigt: true,
  acties: [zds12Actie('genereerZaakIdentificatie_Di02'), zds11Actie('genereerZaakIdentificatie_Di02')],
  roots: [
    { ns: NS.zds, local: 'genereerZaakIdentificatie_Di02' },
    { ns: NS.zkn, local: 'genereerZaakIdentificatie_Di02' },
  ],
  stuurgegevens: { berichtcode: 'Di02', functie: [FUNCTIE] },
  verwerk(ctx, bericht) {
    const id = nieuweZaakidentificatie(ctx);
    ctx.store.identificaties.registreer(id, 'zaak', systeemLabel(bericht.stuurgegevens.zender));
    const ns = bericht.dialect === 'zds12' ? NS.zds : NS.zkn;
    const antwoord = el(ns, 'genereerZaakIdentificatie_Du02', [
      antwoordStuurgegevens(ns, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'Du02', functie: FUNCTIE }),
      el(ns, 'zaak', [el(NS.zkn, 'identificatie', id)], [entiteittype('ZAK'), at(NS.stuf, 'functie', 'entiteit')]),
    ]);
    return { bericht: antwoord, zaken: [id] };
  },
};
