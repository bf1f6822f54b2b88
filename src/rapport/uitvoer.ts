// Writing the report: one CSV file per table (RFC 4180, UTF-8, comma, header row) and one SQLite file rapport.sqlite
// with the same tables and a metadata table. Each file is written beside its final name and then renamed over it,
// so a reader never sees half a report and an earlier one is replaced whole.
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cel } from './onderdrukking';
import { Kolomsoort, METADATA, Tabel } from './tabellen';

export const SQLITE_BESTAND = 'rapport.sqlite';

function csvWaarde(c: Cel): string {
  if (c === null) return '';
  const s = String(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function alsCsv(t: Tabel): string {
  const regels = [t.kolommen.map((k) => csvWaarde(k.naam)).join(',')];
  for (const r of t.rijen) regels.push(t.kolommen.map((k) => csvWaarde(r[k.naam] ?? null)).join(','));
  return `${regels.join('\r\n')}\r\n`;
}

const SQL_TYPE: Record<Kolomsoort, string> = { tekst: 'TEXT', aantal: 'INTEGER', getal: 'REAL' };

/** The metadata as a table: sleutel and waarde. */
export function metadataTabel(metadata: Record<string, string>): Tabel {
  return { ...METADATA, rijen: Object.entries(metadata).map(([sleutel, waarde]) => ({ sleutel, waarde })) };
}

function schrijfSqlite(pad: string, tabellen: Tabel[]): void {
  rmSync(pad, { force: true });
  const db = new Database(pad);
  try {
    db.transaction(() => {
      for (const t of tabellen) {
        // Names are the report's own (tabellen.ts), never from the data.
        db.exec(`CREATE TABLE ${t.naam} (${t.kolommen.map((k) => `${k.naam} ${SQL_TYPE[k.soort]}`).join(', ')})`);
        const invoegen = db.prepare(`INSERT INTO ${t.naam} VALUES (${t.kolommen.map(() => '?').join(', ')})`);
        for (const r of t.rijen) invoegen.run(...t.kolommen.map((k) => r[k.naam] ?? null));
      }
    })();
  } finally {
    db.close();
  }
}

/** Writes every table as `<naam>.csv` and all of them (metadata too) into rapport.sqlite in `map`; the files written. */
export function schrijfRapport(map: string, tabellen: Tabel[], metadata: Record<string, string>): string[] {
  mkdirSync(map, { recursive: true });
  const alle = [...tabellen, metadataTabel(metadata)];
  const bestanden: string[] = [];
  const tijdelijk = (naam: string) => join(map, `.${naam}.${process.pid}.tmp`);
  for (const t of alle) {
    const naam = `${t.naam}.csv`;
    writeFileSync(tijdelijk(naam), alsCsv(t));
    renameSync(tijdelijk(naam), join(map, naam));
    bestanden.push(naam);
  }
  schrijfSqlite(tijdelijk(SQLITE_BESTAND), alle);
  renameSync(tijdelijk(SQLITE_BESTAND), join(map, SQLITE_BESTAND));
  bestanden.push(SQLITE_BESTAND);
  return bestanden;
}
