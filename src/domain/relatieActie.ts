// What a relation element in a kennisgeving asks for, by its verwerkingssoort and where it stands: in the oud or
// nieuw object of a change, or in a new object (creeerZaak, voegBesluitToe), where every relation is an addition.
import type { MutatieContext } from './mutatieContext';
import type { RelatieElement } from '../stuf/zaakKennisgeving';

export type Actie = 'toevoegen' | 'wijzigen' | 'verwijderen' | 'beeindigen' | 'niets';
export type Plaats = 'oud' | 'nieuw' | 'nieuwObject';

/** `nieuwObject` names the new object in the deviation text ("een nieuwe zaak", "een nieuw besluit"). */
export function relatieActie(ctx: MutatieContext, rel: RelatieElement, plaats: Plaats, nieuwObject: string): Actie {
  if (rel.nil) return 'niets'; // the empty counterpart of an add (in oud) or a removal (in nieuw)
  const vs = rel.verwerkingssoort;
  if (plaats === 'nieuwObject') {
    if (vs !== 'T') ctx.afw.meld(`${rel.pad}: verwerkingssoort '${vs ?? ''}' bij ${nieuwObject}; gelezen als T`);
    return 'toevoegen';
  }
  switch (vs) {
    case 'T':
      return plaats === 'nieuw' ? 'toevoegen' : 'niets';
    case 'W':
      return plaats === 'nieuw' ? 'wijzigen' : 'niets';
    case 'V':
      return 'verwijderen';
    case 'E':
      return 'beeindigen';
    case 'R':
      return plaats === 'oud' ? 'beeindigen' : 'toevoegen';
    case 'I':
      return 'niets';
    default:
      ctx.afw.meld(`${rel.pad}: verwerkingssoort '${vs ?? ''}' wordt niet ondersteund op een relatie; genegeerd`);
      return 'niets';
  }
}
