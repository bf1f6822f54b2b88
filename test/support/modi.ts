// One gateway per validation mode (lenient, the default, and strict) for a dialect, reached over a loopback socket,
// with the senders the reading tests share: a zaak kennisgeving, a geefZaakdetails alles, a document service.
import { objectUit } from './antwoorden';
import { startGateway, TestGateway, vangLog } from './gateway';
import { Loopback, loopback } from './loopback';
import { Dialect, actie, geefZaakdetails } from './dialecten';
import * as doc from './documentBerichten';

export const MODI = [['lenient', {}], ['strict', { stuf: { validatie: 'strict' } }]] as const;
export type Modus = (typeof MODI)[number][0];
export type ZaakDienst = 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus';

export interface ModusGateway {
  gw: TestGateway;
  http: Loopback;
  /** The gateway's log lines (trace and up). */
  regels: string[];
}

/** Starts both gateways in beforeAll and closes them in afterAll of the calling describe block. */
export function gatewaysPerModus(d: Dialect, label: string) {
  const gws = {} as Record<Modus, ModusGateway>;
  beforeAll(async () => {
    for (const [mode, config] of MODI) {
      const gevangen = vangLog();
      const gw = await startGateway(config, `${label}-${d}-${mode}`, gevangen.log);
      gws[mode] = { gw, http: await loopback(gw), regels: gevangen.regels };
    }
  });
  afterAll(async () => {
    for (const { gw } of Object.values(gws)) await gw.sluit();
  });
  return {
    gws,
    stuurZaak: (mode: Modus, xml: string, dienst: ZaakDienst) => gws[mode].http.stuur(xml, actie(d, dienst), '/OntvangAsynchroon'),
    details: async (mode: Modus, zaak: string) =>
      objectUit(await gws[mode].http.stuur(geefZaakdetails(d, zaak), actie(d, 'geefZaakdetails'), '/BeantwoordVraag')),
    stuurDoc: (mode: Modus, xml: string, dienst: doc.DocDienst) => gws[mode].http.stuur(xml, doc.docActie(d, dienst), doc.docPad(dienst)),
  };
}
