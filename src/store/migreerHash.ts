// The content hash `migreer` compares per table: sha256 over the rows in primary-key order, each value in one
// canonical form that both engines' drivers give alike. Integers (SQLite's, as BigInt; PostgreSQL's bigint, as text)
// become decimal text, text stays text, blobs/bytea are their bytes, and NULL is a tag of its own, distinct from ''.
// Every value is framed with a type tag and its byte length, so no two different rows hash the same stream, and a
// content block is hashed as it is, without a hex copy of it.
import { createHash, Hash } from 'node:crypto';

export class TabelHash {
  private readonly hash: Hash = createHash('sha256');
  aantal = 0;

  rij(waarden: readonly unknown[]): void {
    for (const w of waarden) this.waarde(w);
    this.hash.update('\n');
    this.aantal++;
  }

  private waarde(w: unknown): void {
    if (w === null || w === undefined) {
      this.hash.update('N;');
      return;
    }
    if (Buffer.isBuffer(w)) {
      this.hash.update(`B${w.length}:`);
      this.hash.update(w);
      return;
    }
    const tekst = Buffer.from(tekstVorm(w), 'utf8');
    this.hash.update(`S${tekst.length}:`);
    this.hash.update(tekst);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

/** Decimal for numbers (no exponent for whole ones), the text itself for text. */
export function tekstVorm(w: unknown): string {
  if (typeof w === 'string') return w;
  if (typeof w === 'bigint') return w.toString();
  if (typeof w === 'number') return Number.isInteger(w) ? BigInt(w).toString() : String(w);
  throw new Error(`waarde van het type ${typeof w} heeft geen vaste tekstvorm`);
}
