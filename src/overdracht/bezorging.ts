// What the outbox worker's outcome means for a handover: the Di01 reached the backoffice (afgeleverd) or could not
// be delivered (onbestelbaar). A status only moves on from the one expected, so a late delivery report never
// overwrites the backoffice's answer; a Di01 an operator revived and then delivered leaves onbestelbaar behind.
import type { NaBezorging } from '../uitgaand/bezorger';

export function naOverdrachtBezorging(): NaBezorging {
  return async (store, u, uitkomst) => {
    if (u.soort !== 'overdragenZaak_Di01' || u.overdrachtId === undefined) return;
    if (uitkomst === 'afgeleverd') {
      await store.overdrachten.zetStatus(u.overdrachtId, 'aangeboden', 'afgeleverd');
      await store.overdrachten.zetStatus(u.overdrachtId, 'onbestelbaar', 'afgeleverd');
    } else {
      await store.overdrachten.zetStatus(u.overdrachtId, 'aangeboden', 'onbestelbaar');
    }
  };
}
