// The check the test suite runs under (src/store/transactiecontrole.ts): code inside a transaction that reaches the
// database through the outer store instead of the one the transaction gave it fails, and the transaction is rolled
// back; the same call through the transaction's store works.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store';
import { legeZaakData } from '../../src/domain/zaak';

let map: string;
let store: Store;

beforeEach(async () => {
  map = mkdtempSync(join(tmpdir(), 'controle-'));
  store = await Store.open(join(map, 'g.db'));
});
afterEach(async () => {
  await store.sluit();
  rmSync(map, { recursive: true, force: true });
});

it('is switched on for the tests', () => {
  expect(process.env.ZDS_TRANSACTIECONTROLE).toBe('aan');
});

const omwegen: [string, (s: Store) => Promise<unknown>][] = [
  ['a repository', (s) => s.zaken.vind('0599ANDERS')],
  ['the Sql', (s) => s.sql.voer("UPDATE zaak SET identificatie = identificatie WHERE identificatie = '0599ANDERS'")],
  ['a transactie', (s) => s.transactie((t) => t.zaken.vind('0599ANDERS'))],
];

it.each(omwegen)('fails a call of the outer store through %s inside a transaction, and rolls the transaction back', async (_, roep) => {
  await expect(
    store.transactie(async (tx) => {
      await tx.zaken.voegToe('0599CONTROLE', legeZaakData({ code: 'B1026' }));
      await roep(store);
    }),
  ).rejects.toThrow('buiten de lopende transactie om');
  expect(await store.zaken.vind('0599CONTROLE')).toBeUndefined();
});

it.each(omwegen)('lets the same call through %s of the transaction store run inside it', async (_, roep) => {
  await store.transactie(async (tx) => {
    await tx.zaken.voegToe('0599CONTROLE', legeZaakData({ code: 'B1026' }));
    await roep(tx);
  });
  expect(await store.zaken.vind('0599CONTROLE')).toBeDefined();
});
