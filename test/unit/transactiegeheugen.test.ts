// What the transaction memory and the subscriptions' version promise (src/store/transactiegeheugen.ts,
// src/store/abonnementen.ts): reads inside a transaction give what the database gives, after every kind of change;
// two stores on one database (two instances) see each other's subscription changes at their next change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store';
import { legeZaakData } from '../../src/domain/zaak';
import { el } from '../../src/stuf/xml';

const NS = 'http://www.egem.nl/StUF/sector/zkn/0310';
let map: string;
let a: Store;
let b: Store;

beforeEach(async () => {
  map = mkdtempSync(join(tmpdir(), 'geheugen-'));
  a = await Store.open(join(map, 'g.db'));
  b = await Store.open(join(map, 'g.db'));
});
afterEach(async () => {
  await a.sluit();
  await b.sluit();
  rmSync(map, { recursive: true, force: true });
});

const sleutel = (referentienummer: string) => ({ organisatie: '0599', applicatie: 'TEST', referentienummer });
/** What a change transaction does first (the verwerker): the idempotency lookup, then whatever it needs. */
const alsWijziging = <T>(s: Store, werk: (tx: Store) => Promise<T>) =>
  s.transactie(async (tx) => {
    await tx.idempotentie.vind(sleutel('X'));
    return werk(tx);
  });

it('roles, statuses and relations read in a transaction are what a read outside it gives, after every kind of change', async () => {
  const persoon = { soort: 'NPS' as const, sleutel: '111222333', bsn: '111222333', velden: [el(NS, 'geslachtsnaam', 'Jansen')] };
  const binnen = await a.transactie(async (tx) => {
    const z = await tx.zaken.voegToe('0599GEHEUGEN1', legeZaakData({ code: 'B1026' }));
    expect(await tx.betrokkenen.rollen(z.id)).toEqual([]);
    await tx.betrokkenen.voegRolToe(z.id, 'heeftAlsInitiator', persoon, [el(NS, 'code', 'INI')]);
    await tx.betrokkenen.voegRolToe(z.id, 'heeftAlsBelanghebbende', { ...persoon, sleutel: '444555666', bsn: '444555666' }, []);
    const [ini, blh] = await tx.betrokkenen.rollen(z.id);
    await tx.betrokkenen.werkRolBij(ini.id!, [el(NS, 'omschrijving', 'aanvrager')]);
    await tx.betrokkenen.beeindigRol(blh.id!, '2024-02-01');
    // A known betrokkene with a field it lacked: the join of every remembered role follows.
    await tx.betrokkenen.vindOfBewaar({ ...persoon, velden: [el(NS, 'voorletters', 'J')] });
    await tx.statussen.voegToe(z.id, { volgnummer: 1, datumStatusGezet: { utc: '2024-01-15T10:00:00.000Z', digits: 20240115110000000 }, statustype: [], extra: [] });
    await tx.statussen.voegToe(z.id, { volgnummer: 2, datumStatusGezet: { utc: '2024-01-14T10:00:00.000Z', digits: 20240114110000000 }, statustype: [], extra: [] });
    await tx.zaakrelaties.voegToe(z.id, { soort: 'heeftBetrekkingOpAndere', andereIdentificatie: '0599ANDER', velden: [], gerelateerde: [] });
    return { z, rollen: await tx.betrokkenen.rollen(z.id), statussen: await tx.statussen.van(z.id), relaties: await tx.zaakrelaties.van(z.id) };
  });
  expect(binnen.rollen).toEqual(await b.betrokkenen.rollen(binnen.z.id));
  expect(binnen.rollen[0].betrokkene.velden.map((v) => v.local)).toEqual(['geslachtsnaam', 'voorletters']);
  expect(binnen.statussen).toEqual(await b.statussen.van(binnen.z.id));
  expect(binnen.statussen.map((s) => s.volgnummer)).toEqual([1, 2]);
  expect(binnen.relaties).toEqual(await b.zaakrelaties.van(binnen.z.id));
  await a.transactie(async (tx) => {
    const [ini] = await tx.betrokkenen.rollen(binnen.z.id);
    await tx.betrokkenen.verwijderRol(ini.id!);
    expect(await tx.betrokkenen.rollen(binnen.z.id)).toHaveLength(1);
  });
  expect(await b.betrokkenen.rollen(binnen.z.id)).toHaveLength(1);
});

it('a zaak is written again only when its data changed since its INSERT in the same transaction', async () => {
  await a.transactie(async (tx) => {
    const z = await tx.zaken.voegToe('0599GEHEUGEN2', legeZaakData({ code: 'B1026' }));
    z.data.attributen.omschrijving = { w: 'gewijzigd' };
    await tx.zaken.bewaar(z);
  });
  expect((await b.zaken.vind('0599GEHEUGEN2'))!.data.attributen.omschrijving).toEqual({ w: 'gewijzigd' });
});

it('a subscription added by another instance counts from the next change of this one; one removed too', async () => {
  expect(await alsWijziging(a, (tx) => tx.abonnementen.alle())).toEqual([]);
  const id = await b.abonnementen.voegToe({ bestemming: 'x', zaaktypen: ['*'], gebeurtenissen: ['*'], bron: 'opdracht' });
  expect((await alsWijziging(a, (tx) => tx.abonnementen.alle())).map((x) => x.id)).toEqual([id]);
  expect(await b.abonnementen.verwijder(id)).toBe(true);
  expect(await alsWijziging(a, (tx) => tx.abonnementen.alle())).toEqual([]);
  await b.abonnementen.zetConfig([{ bestemming: 'y', zaaktypen: ['B1026'], gebeurtenissen: ['*'] }]);
  expect((await alsWijziging(a, (tx) => tx.abonnementen.alle())).map((x) => x.bestemming)).toEqual(['y']);
});

it('a subscription change that is rolled back is not kept as the list of its version', async () => {
  await expect(a.transactie(async (tx) => {
    await tx.abonnementen.voegToe({ bestemming: 'weg', zaaktypen: ['*'], gebeurtenissen: ['*'], bron: 'opdracht' });
    expect((await tx.abonnementen.alle()).map((x) => x.bestemming)).toEqual(['weg']);
    throw new Error('terug');
  })).rejects.toThrow('terug');
  // Another instance's change takes the version number the rolled-back one had.
  await b.abonnementen.voegToe({ bestemming: 'blijft', zaaktypen: ['*'], gebeurtenissen: ['*'], bron: 'opdracht' });
  expect((await alsWijziging(a, (tx) => tx.abonnementen.alle())).map((x) => x.bestemming)).toEqual(['blijft']);
});
