// Label values for the metrics, each from a bounded set that is known before any message arrives. A caller decides
// what a message says, so nothing it says becomes a label as is: not a BSN, a name, a zaak identificatie, a
// referentienummer, a path or free text (privacy, and a time series per distinct value would exhaust Prometheus).
import type { UitgaandSoort, UitgaandStatus } from '../store/uitgaand';

/** Any value outside its set. */
export const ONBEKEND = 'onbekend';

/** An outcome that is neither a berichtcode nor a StUF foutcode nor `transport`. */
export const ANDERS = 'anders';

const UITKOMST = /^(StUF\d{3}|(Bv|La|Du|Di)0\d|transport)$/;
const DIALECTEN = new Set(['zds11', 'zds12']);
const PROTOCOLSOORTEN = new Set(['lezen', 'schrijven']);
const UITGAAND_SOORTEN = new Set<string>(['notificeerOverZaak', 'initieerNotificeerOverZaak', 'overdragenZaak_Di01', 'overdragenZaak_Du01'] satisfies UitgaandSoort[]);
const UITGAAND_STATUSSEN = new Set<string>(['wachtend', 'afgeleverd', 'dood', 'verworpen'] satisfies UitgaandStatus[]);

const uit = (waarden: ReadonlySet<string>, waarde: string | undefined, anders = ONBEKEND): string => (waarde !== undefined && waarden.has(waarde) ? waarde : anders);

/** The sets that depend on this gateway: its operations and the names in its configuration. */
export class Labels {
  private readonly operaties: ReadonlySet<string>;
  private readonly bestemmingen: ReadonlySet<string>;
  private readonly partners: ReadonlySet<string>;

  constructor(sets: { operaties: readonly string[]; bestemmingen: readonly string[]; partners: readonly string[] }) {
    this.operaties = new Set(sets.operaties);
    this.bestemmingen = new Set(sets.bestemmingen);
    this.partners = new Set(sets.partners);
  }

  operatie = (v: string | undefined) => uit(this.operaties, v);
  bestemming = (v: string | undefined) => uit(this.bestemmingen, v);
  partner = (v: string | undefined) => uit(this.partners, v);
  dialect = (v: string | undefined) => uit(DIALECTEN, v);
  uitkomst = (v: string | undefined) => (v !== undefined && UITKOMST.test(v) ? v : ANDERS);
  protocolsoort = (v: string | undefined) => uit(PROTOCOLSOORTEN, v, ANDERS);
  uitgaandSoort = (v: string | undefined) => uit(UITGAAND_SOORTEN, v);
  uitgaandStatus = (v: string | undefined) => uit(UITGAAND_STATUSSEN, v);
}
