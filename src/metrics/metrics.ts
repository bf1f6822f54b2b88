// Prometheus metrics of one gateway (GET /metrics, README "Metrics"). An observer (../waarneming.ts) counts every
// exchange the gateway reports; the outbox and database gauges are read at scrape time (opslag.ts); the process's
// own metrics come from one registry per process (proces.ts). Every label value comes from a bounded set
// (labels.ts): nothing a caller wrote reaches a label.
import { Counter, Histogram, Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Store } from '../store';
import type { Uitwisseling, Waarnemer } from '../waarneming';
import { Labels } from './labels';
import { DATABASE_GROOTTE, PARTNERTERMIJNEN_OPEN, UITGAAND_BERICHTEN, registreerOpslagmetrieken } from './opslag';
import { procesRegister } from './proces';

/** The names of this module's metrics (the process's own, nodejs_* and process_*, come from prom-client). */
export const NAMEN = {
  verzoeken: 'zds_requests_total',
  duur: 'zds_request_duration_seconds',
  grootteVerzoek: 'zds_request_size_bytes',
  grootteAntwoord: 'zds_response_size_bytes',
  herhaald: 'zds_idempotent_resends_total',
  bezorgpogingen: 'zds_outbox_deliveries_total',
  uitgaand: UITGAAND_BERICHTEN,
  partnervragen: 'zds_partner_refreshes_total',
  partnerfouten: 'zds_partner_refresh_failures_total',
  partnertermijnen: PARTNERTERMIJNEN_OPEN,
  protocolregels: 'zds_protocol_rows_total',
  databasegrootte: DATABASE_GROOTTE,
} as const;

/** Every metric name a scrape can carry: ours and the process's (for the dashboard's check). */
export function metriekNamen(): string[] {
  return [...Object.values(NAMEN), ...procesRegister().getMetricsAsArray().map((m) => m.name)];
}

const SECONDEN = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** 256 B to 256 MB by factors of four: a Di02 of a few hundred bytes up to a document at server.bodyLimit. */
const BYTES = [256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216, 67_108_864, 268_435_456];

export interface MetriekOpties {
  store: Store;
  log: Logger;
  /** The dispatcher's operation names, the configured destinations and partners: the only values those labels take. */
  operaties: readonly string[];
  bestemmingen: readonly string[];
  partners: readonly string[];
}

export class Metrieken implements Waarnemer {
  /** This gateway's own registry: tests build many gateways in one process, each counts for itself. */
  readonly register = new Registry();
  private readonly labels: Labels;
  private readonly verzoeken: Counter<'operation' | 'dialect' | 'outcome'>;
  private readonly duur: Histogram<'operation'>;
  private readonly grootteVerzoek: Histogram<'operation'>;
  private readonly grootteAntwoord: Histogram<'operation'>;
  private readonly herhaald: Counter<'operation'>;
  private readonly bezorgpogingen: Counter<'destination' | 'kind' | 'outcome'>;
  private readonly partnervragen: Counter<'partner'>;
  private readonly partnerfouten: Counter<'partner'>;
  private readonly protocolregels: Counter<'kind'>;

  constructor(opties: MetriekOpties) {
    this.labels = new Labels(opties);
    const registers = [this.register];
    this.verzoeken = new Counter({
      name: NAMEN.verzoeken, help: 'Requests to the SOAP endpoints per operation, dialect and outcome (berichtcode or StUF foutcode).',
      labelNames: ['operation', 'dialect', 'outcome'], registers,
    });
    this.duur = new Histogram({ name: NAMEN.duur, help: 'Time from request to answer per operation, in seconds.', labelNames: ['operation'], buckets: SECONDEN, registers });
    this.grootteVerzoek = new Histogram({ name: NAMEN.grootteVerzoek, help: 'Request body size per operation, in bytes.', labelNames: ['operation'], buckets: BYTES, registers });
    this.grootteAntwoord = new Histogram({
      name: NAMEN.grootteAntwoord, help: 'Answer body size per operation, in bytes (streamed answers of unknown length left out).', labelNames: ['operation'], buckets: BYTES, registers,
    });
    this.herhaald = new Counter({ name: NAMEN.herhaald, help: 'Resends recognised by zender and referentienummer, answered from the stored answer.', labelNames: ['operation'], registers });
    this.bezorgpogingen = new Counter({
      name: NAMEN.bezorgpogingen, help: 'Outbox delivery attempts per destination, message kind and outcome (berichtcode, StUF foutcode or transport).',
      labelNames: ['destination', 'kind', 'outcome'], registers,
    });
    this.partnervragen = new Counter({ name: NAMEN.partnervragen, help: 'Status questions to ketenpartners (refreshes of mirrored zaken) per partner.', labelNames: ['partner'], registers });
    this.partnerfouten = new Counter({ name: NAMEN.partnerfouten, help: 'Status questions to ketenpartners that got no La01 answer, per partner.', labelNames: ['partner'], registers });
    this.protocolregels = new Counter({ name: NAMEN.protocolregels, help: 'Protocol rows written (committed), per kind (lezen, schrijven).', labelNames: ['kind'], registers });
    registreerOpslagmetrieken(this.register, opties.store, this.labels, opties.log);
  }

  uitwisseling(u: Uitwisseling): void {
    const l = this.labels;
    if (u.richting === 'in') {
      const operation = l.operatie(u.operatie);
      this.verzoeken.inc({ operation, dialect: l.dialect(u.dialect), outcome: l.uitkomst(u.uitkomst) });
      this.duur.observe({ operation }, u.ms / 1000);
      // 0 is an unknown size (no content-length, a streamed answer), not an empty message.
      if (u.grootteVerzoek > 0) this.grootteVerzoek.observe({ operation }, u.grootteVerzoek);
      if (u.grootteAntwoord > 0) this.grootteAntwoord.observe({ operation }, u.grootteAntwoord);
      if (u.herhaald) this.herhaald.inc({ operation });
    } else if (u.soort === 'partnervraag') {
      const partner = l.partner(u.endpoint);
      this.partnervragen.inc({ partner });
      if (u.uitkomst !== 'La01') this.partnerfouten.inc({ partner });
    } else {
      this.bezorgpogingen.inc({ destination: l.bestemming(u.endpoint), kind: l.uitgaandSoort(u.operatie), outcome: l.uitkomst(u.uitkomst) });
    }
  }

  protocolRegel(soort: string): void {
    this.protocolregels.inc({ kind: this.labels.protocolsoort(soort) });
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;

  /** The exposition text: this gateway's metrics, then the process's. */
  async tekst(): Promise<string> {
    const [eigen, proces] = await Promise.all([this.register.metrics(), procesRegister().metrics()]);
    return `${eigen}\n${proces}`;
  }
}
