// The generic StUF messages: Bv02, Bv03, Fo02 and Fo03 (all in the StUF namespace).
import { NS } from './namespaces';
import { StufFout } from './fout';
import { antwoordStuurgegevens, kaleStuurgegevens, Stuurgegevens, Systeem } from './stuurgegevens';
import { XElement, el } from './xml';

export type FoutSoort = 'Fo02' | 'Fo03';

export function bv03(verzoek: Stuurgegevens, eigen: Systeem): XElement {
  return el(NS.stuf, 'Bv03Bericht', [antwoordStuurgegevens(NS.stuf, verzoek, eigen, { berichtcode: 'Bv03', volledig: true })]);
}

export function bv02(): XElement {
  return el(NS.stuf, 'Bv02Bericht', [kaleStuurgegevens('Bv02')]);
}

export function foutbericht(soort: FoutSoort, fout: StufFout, verzoek: Stuurgegevens, eigen: Systeem): XElement {
  const stuurgegevens =
    soort === 'Fo02' ? kaleStuurgegevens('Fo02') : antwoordStuurgegevens(NS.stuf, verzoek, eigen, { berichtcode: soort, volledig: true });
  return el(NS.stuf, `${soort}Bericht`, [
    stuurgegevens,
    el(NS.stuf, 'body', [
      el(NS.stuf, 'code', fout.code),
      el(NS.stuf, 'plek', fout.plek),
      el(NS.stuf, 'omschrijving', fout.omschrijving),
      fout.details ? el(NS.stuf, 'details', fout.details) : undefined,
    ]),
  ]);
}
