// The load cases: for each, a generator of unique requests and the check that an answer is the right one.
// Counters are shared per case over warm-up and measurement, so no referentienummer or identificatie repeats.
import { bsnVoor, creeerZaak, geefZaakdetails, genereerZaakIdentificatie, geseedeIdentificatie, werkvoorraadVan, zoekZakenOpInitiator } from './berichten';
import { personenVoor, regisseurId, regisseursVoor } from './vulling';
import { Generator } from './meting';

/** Run-unique prefix: a second run against a kept database would otherwise resend old referentienummers. */
const RUN = Date.now().toString(36).slice(-5).toUpperCase();

/**
 * `reeks`: a letter of its own for each generator that writes into the same database as another (the two-instance
 * case), so that their identificaties and referentienummers never meet.
 */
export function creeerZaakGenerator(reeks = 'B'): Generator {
  let n = 0;
  return () => {
    n++;
    return {
      verzoek: creeerZaak(`0599${reeks}${RUN}${String(n).padStart(9, '0')}`, `BENCH-CZ${reeks}-${RUN}-${n}`, n),
      klopt: (body) => body.includes('Bv03Bericht'),
    };
  };
}

/** geefZaakdetails on a random one of the seeded zaken 1..aantal; the answer must hold that zaak with its initiator and status. */
export function geefZaakdetailsGenerator(aantal: number, reeks = ''): Generator {
  let n = 0;
  return () => {
    const id = geseedeIdentificatie(1 + Math.floor(Math.random() * aantal));
    return {
      verzoek: geefZaakdetails(id, `BENCH-GZD${reeks}-${RUN}-${++n}`),
      klopt: (body) => body.includes(`<ZKN:identificatie>${id}</ZKN:identificatie>`) && body.includes('<BG:inp.bsn>') && body.includes('ZAKSTT'),
    };
  };
}

/** The person query on a random seeded person; the answer must list at least one zaak of that person. */
export function zoekZakenGenerator(aantal: number): Generator {
  let n = 0;
  const personen = personenVoor(aantal);
  return () => ({
    verzoek: zoekZakenOpInitiator(bsnVoor(Math.floor(Math.random() * Math.min(personen, aantal))), `BENCH-ZZ-${RUN}-${++n}`),
    klopt: (body) => body.includes('zakLa01') && body.includes('<ZKN:antwoord>'),
  });
}

/** The work queue of a random seeded regisseur: a full page of 15 open zaken, and more to page to. */
export function werkvoorraadGenerator(aantal: number): Generator {
  let n = 0;
  const regisseurs = regisseursVoor(aantal);
  return () => ({
    verzoek: werkvoorraadVan(regisseurId(Math.floor(Math.random() * regisseurs)), `BENCH-WV-${RUN}-${++n}`),
    klopt: (body) => body.includes('zakLa01') && (body.match(/<ZKN:object /g)?.length ?? 0) === Math.min(15, aantal) && body.includes('<StUF:indicatorVervolgvraag>true'),
  });
}

export function genereerZaakIdentificatieGenerator(): Generator {
  let n = 0;
  return () => ({
    verzoek: genereerZaakIdentificatie(`BENCH-GZI-${RUN}-${++n}`),
    klopt: (body) => body.includes('genereerZaakIdentificatie_Du02') && body.includes('<ZKN:identificatie>'),
  });
}

/** The same requests against the ceiling server, whose only right answer is its fixed one. */
export function tegenPlafond(gen: Generator, vast: string): Generator {
  return () => ({ verzoek: gen().verzoek, klopt: (body) => body === vast });
}
