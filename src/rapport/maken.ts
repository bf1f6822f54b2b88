// One report: a snapshot of the database (momentopname.ts), its tables (samenstellen.ts) and the files
// (uitvoer.ts), with the metadata that says what it is: when it was made, from which moment, by which version, with
// which minimum.
import type { Config } from '../config';
import { Zaaktypecatalogus } from '../domain/zaaktypen';
import { Rapportage } from '../store/rapportage';
import { versie } from '../versie';
import { metMomentopname } from './momentopname';
import { Rapportvraag, aantalOnderdrukt, stelSamen } from './samenstellen';
import { schrijfRapport } from './uitvoer';

export interface Rapportuitkomst {
  map: string;
  bestanden: string[];
  momentopname: string;
  tabellen: { naam: string; rijen: number; onderdrukt: number }[];
  seconden: number;
}

export interface Maakopties {
  /** Run inside the snapshot before the tables are read (a test shows that writes go on meanwhile). */
  binnenMomentopname?: () => Promise<void>;
}

export async function maakRapport(config: Config, vraag: Rapportvraag, map: string, opties: Maakopties = {}): Promise<Rapportuitkomst> {
  const begin = process.hrtime.bigint();
  const catalogus = new Zaaktypecatalogus(config.zaaktypen);
  const { tabellen, momentopname } = await metMomentopname(config.database, async (m) => {
    await opties.binnenMomentopname?.();
    return { tabellen: await stelSamen(new Rapportage(m.sql), catalogus, vraag), momentopname: m.tijdstip };
  });
  const v = versie();
  const metadata = {
    gemaakt: new Date().toISOString(),
    momentopname,
    gatewayversie: `${v.versie} (${v.commit})`,
    database: config.database.url === undefined ? 'sqlite' : 'postgres',
    vanaf: vraag.vanaf,
    tot: vraag.tot,
    minimum_aantal: String(vraag.minimum),
    doorlooptijd: 'einddatum min startdatum (zonder startdatum: registratiedatum), in dagen',
  };
  const bestanden = schrijfRapport(map, tabellen, metadata);
  return {
    map,
    bestanden,
    momentopname,
    tabellen: tabellen.map((t) => ({ naam: t.naam, rijen: t.rijen.length, onderdrukt: aantalOnderdrukt(t) })),
    seconden: Number(process.hrtime.bigint() - begin) / 1e9,
  };
}
