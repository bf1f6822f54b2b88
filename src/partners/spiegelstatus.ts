// Replacing a mirrored status: only the last one is kept. A pushed status older than the one we hold does not
// replace it (messages may overtake each other); the partner's answer to our question is its truth and always does.
import type { Store } from '../store';
import type { Spiegelzaak, Statusbron } from '../store/spiegelzaken';
import type { StatusBericht } from '../stuf/zaakKennisgeving';

export type Statusuitkomst = 'vervangen' | 'gelijk' | 'ouder';

const zaaktypeUitStatus = (s: StatusBericht) => {
  const omschrijving = s.statustype.find((e) => e.local === 'zkt.omschrijving')?.text.trim();
  return s.zktCode ? { code: s.zktCode, ...(omschrijving ? { omschrijving } : {}) } : undefined;
};

export function vervangSpiegelstatus(
  store: Store, s: Spiegelzaak, nieuw: StatusBericht | undefined, bron: Statusbron, zaaktype = nieuw && zaaktypeUitStatus(nieuw),
): Statusuitkomst {
  if (zaaktype && (s.zaaktype?.code !== zaaktype.code || (zaaktype.omschrijving && s.zaaktype?.omschrijving !== zaaktype.omschrijving))) {
    store.spiegelzaken.zetZaaktype(s.id, zaaktype);
  }
  const oud = s.status;
  if (!nieuw) {
    store.spiegelzaken.zetStatus(s.id, oud, bron); // the partner answered but has no status yet: what we hold is confirmed
    return 'gelijk';
  }
  if (bron === 'push' && oud && nieuw.datumStatusGezet.utc < oud.datumStatusGezet.utc) return 'ouder';
  const { zktCode: _zktCode, ...status } = nieuw;
  store.spiegelzaken.zetStatus(s.id, status, bron);
  const gelijk = oud !== undefined && oud.volgnummer === status.volgnummer && oud.datumStatusGezet.utc === status.datumStatusGezet.utc && oud.code === status.code;
  return gelijk ? 'gelijk' : 'vervangen';
}
