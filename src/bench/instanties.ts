// Two gateway instances on one PostgreSQL database behind the load generator (issue 16), against one instance with
// as many clients in all: what a second instance buys. Both instances run on this machine, so on few cores they
// share them with each other, the database server and the load generator; the ratio shows that, not a second host.
//
// One fresh database, seeded with the small set of zaken; instances A and B on it. Per case, in alternating rounds
// (BENCH_RONDEN): A and B together, one autocannon each with BENCH_VERBINDINGEN connections, and A alone with twice
// that (B idles meanwhile). Each side keeps its best round. Then the ceilings in the same shapes: two bare Fastify
// processes with the same split, and one with all connections.
import { creeerZaakGenerator, geefZaakdetailsGenerator, tegenPlafond } from './gevallen';
import type { Instellingen } from './instellingen';
import { Generator, Meting, meet } from './meting';
import { nieuweDatabase } from './postgres';
import type { Dienst } from './processen';
import { GevalResultaat, InstantiePaar, regel } from './rapport';
import { Vulling, vul } from './vulling';

export interface InstantieOpties {
  server: string;
  inst: Instellingen;
  startGateway(database: { url: string }, naam: string): Promise<Dienst>;
  startPlafond(naam: string, voorbeeld: NonNullable<Meting['voorbeeld']>, dienstNaam: string): Promise<Dienst>;
  schrijf(regel: string): void;
  vullingen: Vulling[];
}

interface Kant {
  naam: string;
  /** What the printed line names as the server: 'A + B', 'A', 'ceiling x2', 'ceiling'. */
  doel: string;
  diensten: Dienst[];
  verbindingen: number;
  gen: Generator;
  rondes: Meting[];
}

async function meetKant(k: Kant, seconden: number, naam?: string, schrijf?: (r: string) => void): Promise<Meting> {
  const m = await meet(k.diensten.map((d) => d.url), k.gen, { verbindingen: k.verbindingen, seconden });
  const dood = k.diensten.find((d) => !d.levend());
  if (dood) throw new Error(`${dood.naam} died during '${k.naam}':\n${dood.uitvoer()}`);
  if (naam && schrijf) {
    schrijf(regel(naam, k.doel, m));
    for (const e of m.foutvoorbeelden) schrijf(`      ${e.aantal} x ${e.tekst}`);
  }
  if (m.goed === 0) throw new Error(`no good answer at all for '${k.naam}'; output:\n${k.diensten.map((d) => d.uitvoer().slice(-2000)).join('\n')}`);
  return m;
}

const beste = (k: Kant): GevalResultaat => ({
  naam: k.naam,
  gateway: k.rondes.reduce((x, y) => (y.perSeconde > x.perSeconde ? y : x)),
  rondes: k.rondes.map((m) => m.perSeconde),
});

export async function meetInstanties(o: InstantieOpties): Promise<InstantiePaar[]> {
  const { inst, schrijf } = o;
  const n = inst.verbindingen;
  const db = nieuweDatabase(o.server);
  try {
    const v = await vul({ url: db.url }, inst.klein);
    o.vullingen.push(v);
    schrijf(`  seeded ${inst.klein} zaken into a fresh PostgreSQL database in ${v.seconden.toFixed(1)} s`);
    const gevallen = [
      { kort: 'geefZaakdetails 1k', gen: (reeks: string) => geefZaakdetailsGenerator(inst.klein, reeks) },
      { kort: 'creeerZaak', gen: (reeks: string) => creeerZaakGenerator(reeks) },
    ];
    const paren: { twee: Kant; een: Kant }[] = [];
    const a = await o.startGateway({ url: db.url }, 'instance A');
    let b: Dienst | undefined;
    try {
      b = await o.startGateway({ url: db.url }, 'instance B');
      for (const g of gevallen) {
        // Their own identificaties and referentienummers: both sides write into the one database.
        const twee: Kant = { naam: `${g.kort} [pg], 2 x ${n} clients`, doel: 'A + B', diensten: [a, b], verbindingen: n, gen: g.gen('D'), rondes: [] };
        const een: Kant = { naam: `${g.kort} [pg], 1 x ${2 * n} clients`, doel: 'A', diensten: [a], verbindingen: 2 * n, gen: g.gen('E'), rondes: [] };
        if (inst.opwarmen > 0) for (const k of [twee, een]) await meetKant(k, inst.opwarmen);
        for (let r = 1; r <= inst.rondes; r++) {
          for (const k of [twee, een]) k.rondes.push(await meetKant(k, inst.seconden, inst.rondes > 1 ? `${k.naam} [${r}/${inst.rondes}]` : k.naam, schrijf));
        }
        paren.push({ twee, een });
      }
    } finally {
      await a.stop();
      await b?.stop();
    }
    // The ceilings after the gateways have stopped, in the same shapes: two servers with the split, one with all.
    const uit: InstantiePaar[] = [];
    for (const p of paren) {
      const [twee, een] = [beste(p.twee), beste(p.een)];
      for (const [res, kant, aantal] of [[twee, p.twee, 2], [een, p.een, 1]] as const) {
        const voorbeeld = res.gateway.voorbeeld!;
        const plafonds: Dienst[] = [];
        try {
          for (let i = 0; i < aantal; i++) plafonds.push(await o.startPlafond(`${res.naam}-${i}`, voorbeeld, 'ceiling'));
          const plafondKant: Kant = { naam: res.naam, doel: aantal > 1 ? 'ceiling x2' : 'ceiling', diensten: plafonds, verbindingen: kant.verbindingen, gen: tegenPlafond(kant.gen, voorbeeld.body), rondes: [] };
          if (inst.opwarmen > 0) await meetKant(plafondKant, inst.opwarmen);
          res.plafond = await meetKant(plafondKant, inst.seconden, res.naam, schrijf);
        } finally {
          for (const p of plafonds) await p.stop();
        }
      }
      uit.push({ twee, een });
    }
    return uit;
  } finally {
    db.verwijder();
  }
}
