// The WAL under sustained writes: a PASSIVE checkpoint never catches up with the last commit, so without a RESTART
// the WAL grows for as long as the writes go on. With a small limit the file must stay near it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store';

const wachtTik = () => new Promise<void>((r) => setTimeout(r, 0));

async function schrijfAanEen(limiet: number | undefined): Promise<{ wal: number; geschreven: number }> {
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-wal-'));
  const pad = join(map, 'g.db');
  const store = await Store.open(pad, 5, 2, limiet);
  try {
    await store.sql.voer('CREATE TABLE last (id INTEGER PRIMARY KEY, data BLOB)');
    const blok = Buffer.alloc(16 * 1024, 7);
    let geschreven = 0;
    // 4,000 commits of 16 KB without a pause longer than a timer tick (some 16 MB/s, a gateway under load): the
    // checkpointer works in its own thread meanwhile. Faster writing only tests how fast the CI machine syncs.
    for (let i = 0; i < 4000; i++) {
      await store.transactie((tx) => tx.sql.voer('INSERT INTO last (data) VALUES (?)', [blok]));
      geschreven += blok.length;
      await wachtTik();
    }
    return { wal: statSync(`${pad}-wal`).size, geschreven };
  } finally {
    await store.sluit();
    rmSync(map, { recursive: true, force: true });
  }
}

describe('de WAL onder aanhoudend schrijven', () => {
  it('blijft in de buurt van de limiet: de checkpointer begint hem opnieuw (RESTART)', async () => {
    const { wal, geschreven } = await schrijfAanEen(512 * 1024);
    expect(geschreven).toBeGreaterThan(60 * 1024 * 1024);
    // The limit plus what the writer adds while the worker's PASSIVE round runs (longer on a busy machine): a small
    // part of what was written, where without the main thread's checkpoint the WAL holds all of it.
    expect(wal).toBeLessThan(geschreven / 3);
  });
});
