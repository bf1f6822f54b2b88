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

/**
 * A zaaktype the partner names for its mirrored zaak. The link sets it once: a mirror without one takes it, one with
 * the same code but no omschrijving is completed; another code never replaces it ('anders'), because the zaaktype
 * decides which subscribers hear of the zaak and a partner must not reshape that (issue 15).
 */
export async function neemZaaktypeOver(
  store: Store, s: Spiegelzaak, zaaktype: { code: string; omschrijving?: string } | undefined,
): Promise<'gezet' | 'gelijk' | 'anders'> {
  if (!zaaktype) return 'gelijk';
  if (!s.zaaktype) {
    await store.spiegelzaken.zetZaaktype(s.id, zaaktype);
    return 'gezet';
  }
  if (s.zaaktype.code !== zaaktype.code) return 'anders';
  if (!s.zaaktype.omschrijving && zaaktype.omschrijving) {
    await store.spiegelzaken.zetZaaktype(s.id, { code: s.zaaktype.code, omschrijving: zaaktype.omschrijving });
    return 'gezet';
  }
  return 'gelijk';
}

/**
 * Replaces the mirrored status. A zaaktype other than the mirror's is never taken over (neemZaaktypeOver); a pushed
 * status of another zaaktype has been refused or matched before this (partnerzaak.ts), a pulled one is logged.
 */
export async function vervangSpiegelstatus(
  store: Store, s: Spiegelzaak, nieuw: StatusBericht | undefined, bron: Statusbron, zaaktype = nieuw && zaaktypeUitStatus(nieuw),
): Promise<Statusuitkomst> {
  await neemZaaktypeOver(store, s, zaaktype);
  const oud = s.status;
  if (!nieuw) {
    await store.spiegelzaken.zetStatus(s.id, oud, bron); // the partner answered but has no status yet: what we hold is confirmed
    return 'gelijk';
  }
  if (bron === 'push' && oud && nieuw.datumStatusGezet.utc < oud.datumStatusGezet.utc) return 'ouder';
  const { zktCode: _zktCode, ...status } = nieuw;
  await store.spiegelzaken.zetStatus(s.id, status, bron);
  const gelijk = oud !== undefined && oud.volgnummer === status.volgnummer && oud.datumStatusGezet.utc === status.datumStatusGezet.utc && oud.code === status.code;
  return gelijk ? 'gelijk' : 'vervangen';
}
