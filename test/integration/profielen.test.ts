// Zaakprofielen (issue 14, field notes "closing differs per vendor and per zaaktype"): per zaaktype how a zaak
// closes, a default resultaat, statustypen of another zaaktype and values for fields a consumer omits. Each behaviour
// in both dialects, over real HTTP against a gateway with the profiles in its configuration, read back with
// geefZaakstatus and geefZaakdetails (whose answers the jest teardown validates against the official schemas).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { bouwApp, GatewayApp } from '../../src/app';
import { Config, parseConfig } from '../../src/config';
import { TestDatabase, neemOp, testDatabase } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { Dialect, Dienst, STANDAARD_ATTRIBUTEN, actie, creeerZaak, geefZaakdetails, geefZaakstatus, medewerker, wijzig } from '../support/dialecten';
import { HttpAntwoord, StatusRegel, goed, objectUit, schoneFout, statussen, tekst } from '../support/antwoorden';

const statustypen = (eind: string) => [
  { volgnummer: 1, omschrijving: 'Ontvangen' },
  { volgnummer: 2, omschrijving: 'In behandeling' },
  { volgnummer: 3, omschrijving: eind, eindstatus: true },
];

const CONFIG = {
  zaaktypen: {
    // The default profile: every zaaktype without keys of its own closes as the gateway always did.
    profiel: { afsluiten: 'eindstatusZetEinddatum', statustypeAnderZaaktype: 'weigeren' },
    catalogus: [
      { code: 'EZE', omschrijving: 'Einddatum zet eindstatus', statustypen: statustypen('Afgehandeld'),
        profiel: { afsluiten: 'einddatumZetEindstatus', standaardResultaat: { omschrijving: 'Afgehandeld zonder resultaat' } } },
      { code: 'EZD', omschrijving: 'Eindstatus zet einddatum', statustypen: statustypen('Afgehandeld'),
        profiel: { standaardResultaat: { omschrijving: 'Verleend', toelichting: 'Standaardresultaat van het zaaktype' } } },
      { code: 'WOR', omschrijving: 'Eindstatus wacht op resultaat', statustypen: statustypen('Afgehandeld'), profiel: { afsluiten: 'eindstatusWachtOpResultaat' } },
      { code: 'SER', omschrijving: 'Sluit met einddatum en resultaat', statustypen: statustypen('Afgerond'), profiel: { afsluiten: 'sluitMetEinddatumEnResultaat' } },
      { code: 'AZO', omschrijving: 'Ander zaaktype op omschrijving', profiel: { statustypeAnderZaaktype: 'opOmschrijving' },
        statustypen: [{ volgnummer: 1, omschrijving: 'Aanvraag ontvangen' }, { volgnummer: 2, omschrijving: 'Afgehandeld', eindstatus: true }] },
      { code: 'AZV', omschrijving: 'Ander zaaktype op volgnummer', profiel: { statustypeAnderZaaktype: 'opVolgnummer' },
        statustypen: [{ volgnummer: 1, omschrijving: 'Aanvraag ontvangen' }, { volgnummer: 2, omschrijving: 'Intake' }, { volgnummer: 3, omschrijving: 'Besloten', eindstatus: true }] },
      { code: 'WRD', omschrijving: 'Waarden uit het profiel', statustypen: statustypen('Afgehandeld'),
        profiel: { waarden: {
          toelichting: { vast: 'Aangevraagd via het portaal' },
          'resultaat.omschrijving': { uitExtraElement: 'uitkomst' },
          einddatumGepland: { uitExtraElement: 'streefdatum' },
        } } },
    ],
  },
};

/** A gateway listening on loopback, on a database that outlives it: restarted, it opens the same database. */
class Profielgateway {
  private app?: GatewayApp;
  private adres = '';
  readonly map = mkdtempSync(join(tmpdir(), 'zdsgw-profielen-'));
  private db?: TestDatabase;
  private config?: Config;

  async start(): Promise<this> {
    if (!this.config) {
      this.db = await testDatabase(this.map);
      this.config = parseConfig({ ...CONFIG, database: this.db.config });
    }
    this.app = await bouwApp({ config: this.config, log: pino({ level: process.env.TEST_LOG ?? 'silent' }) });
    neemOp(this.app, 'profielen');
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.adres = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  async herstart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async ruim(): Promise<void> {
    await this.stop();
    await this.db?.verwijder();
    rmSync(this.map, { recursive: true, force: true });
  }

  async stuur(d: Dialect, dienst: Dienst, xml: string): Promise<HttpAntwoord> {
    const pad = dienst === 'geefZaakstatus' || dienst === 'geefZaakdetails' ? '/BeantwoordVraag' : '/OntvangAsynchroon';
    const r = await fetch(this.adres + pad, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: actie(d, dienst) },
      body: inEnvelope(xml),
    });
    return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
  }
}

// ---- messages ------------------------------------------------------------------------------------------------

const NIL = (naam: string) => `<ZKN:${naam} xsi:nil="true" StUF:noValue="geenWaarde"/>`;
const einddatum = (d: string) => `<ZKN:einddatum>${d}</ZKN:einddatum>`;
const resultaat = (omschrijving: string) => `<ZKN:resultaat><ZKN:omschrijving>${omschrijving}</ZKN:omschrijving></ZKN:resultaat>`;
const extra = (velden: Record<string, string>) =>
  `<StUF:extraElementen>${Object.entries(velden).map(([n, w]) => `<StUF:extraElement naam="${n}">${w}</StUF:extraElement>`).join('')}</StUF:extraElementen>`;

/** A status (heeft, ZAKSTT) whose statustype may name its zaaktype (zkt.code), a volgnummer and/or an omschrijving. */
function status(st: { zkt?: string; volgnummer?: number; omschrijving?: string }, datum: string): string {
  const g = [
    st.zkt ? `<ZKN:zkt.code>${st.zkt}</ZKN:zkt.code>` : '',
    st.volgnummer !== undefined ? `<ZKN:volgnummer>${st.volgnummer}</ZKN:volgnummer>` : '',
    st.omschrijving ? `<ZKN:omschrijving>${st.omschrijving}</ZKN:omschrijving>` : '',
  ].join('');
  return '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
    `${g}</ZKN:gerelateerde><ZKN:datumStatusGezet>${datum}</ZKN:datumStatusGezet>` +
    `<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde>${medewerker('mdw042')}</ZKN:gerelateerde></ZKN:isGezetDoor></ZKN:heeft>`;
}
const GEEN_STATUS = '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T" xsi:nil="true" StUF:noValue="geenWaarde"/>';

describe.each(['zds12', 'zds11'] as Dialect[])('zaakprofielen in %s', (d) => {
  let gw: Profielgateway;
  beforeAll(async () => {
    gw = await new Profielgateway().start();
  });
  afterAll(() => gw.ruim());

  let teller = 0;
  const nieuwId = () => `0599PRF${d}${++teller}`;

  async function maak(zaaktype: string, attributen = STANDAARD_ATTRIBUTEN): Promise<string> {
    const id = nieuwId();
    goed(await gw.stuur(d, 'creeerZaak', creeerZaak(d, { id, zaaktype, attributen })));
    return id;
  }
  const update = (id: string, oud: string, nieuw: string) => gw.stuur(d, 'updateZaak', wijzig(d, 'updateZaak', id, oud, nieuw));
  const actualiseer = (id: string, st: Parameters<typeof status>[0], datum: string) =>
    gw.stuur(d, 'actualiseerZaakstatus', wijzig(d, 'actualiseerZaakstatus', id, GEEN_STATUS, status(st, datum)));
  const huidigeStatus = async (id: string): Promise<StatusRegel | undefined> => statussen(objectUit(await gw.stuur(d, 'geefZaakstatus', geefZaakstatus(d, id))))[0];
  /** The volgnummers of all statuses, newest first (a zaak without status answers one nil heeft). */
  const volgnummers = async (id: string) =>
    statussen(objectUit(await gw.stuur(d, 'geefZaakstatus', geefZaakstatus(d, id, false)))).flatMap((s) => (s.volgnummer ? [s.volgnummer] : []));
  const details = async (id: string) => objectUit(await gw.stuur(d, 'geefZaakdetails', geefZaakdetails(d, id)));

  describe('afsluiten', () => {
    it('einddatumZetEindstatus: an einddatum in updateZaak sets the end status on that date, and the default resultaat', async () => {
      const id = await maak('EZE');
      goed(await actualiseer(id, { volgnummer: 1 }, '20240115103000'));
      goed(await update(id, NIL('einddatum'), einddatum('20240301')));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '3', omschrijving: 'Afgehandeld', datumStatusGezet: '20240301', indicatieLaatsteStatus: 'J' }));
      const o = await details(id);
      expect(tekst(o, 'einddatum')).toBe('20240301');
      expect(tekst(o, 'resultaat', 'omschrijving')).toBe('Afgehandeld zonder resultaat');
      // Also on creation; with a resultaat of its own the zaak keeps it.
      const direct = await maak('EZE', STANDAARD_ATTRIBUTEN + resultaat('Toegekend') + einddatum('20240229'));
      expect(await huidigeStatus(direct)).toEqual(expect.objectContaining({ volgnummer: '3', datumStatusGezet: '20240229' }));
      expect(tekst(await details(direct), 'resultaat', 'omschrijving')).toBe('Toegekend');
      // Sent again, the einddatum adds no second end status.
      goed(await update(id, einddatum('20240301'), einddatum('20240301')));
      expect(await volgnummers(id)).toEqual(['3', '1']);
    });

    it('eindstatusZetEinddatum (the default): an end status sets einddatum and the default resultaat, a resultaat sent earlier stays', async () => {
      const id = await maak('EZD');
      goed(await actualiseer(id, { volgnummer: 3 }, '20240302103000'));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '3', omschrijving: 'Afgehandeld', datumStatusGezet: '20240302103000' }));
      const o = await details(id);
      expect(tekst(o, 'einddatum')).toBe('20240302');
      expect(tekst(o, 'resultaat', 'omschrijving')).toBe('Verleend');
      expect(tekst(o, 'resultaat', 'toelichting')).toBe('Standaardresultaat van het zaaktype');

      const eigen = await maak('EZD');
      goed(await update(eigen, NIL('resultaat'), resultaat('Geweigerd')));
      goed(await actualiseer(eigen, { omschrijving: 'Afgehandeld' }, '20240303'));
      expect(tekst(await details(eigen), 'resultaat', 'omschrijving')).toBe('Geweigerd');
      // An einddatum alone does not close a zaak of this profile.
      const open = await maak('EZD');
      goed(await update(open, NIL('einddatum'), einddatum('20240304')));
      expect(await volgnummers(open)).toEqual([]);
    });

    it('eindstatusWachtOpResultaat: the end status is held (geefZaakstatus shows the one before), survives a restart, and is set when the resultaat arrives', async () => {
      const id = await maak('WOR');
      goed(await actualiseer(id, { volgnummer: 2 }, '20240110090000'));
      goed(await actualiseer(id, { volgnummer: 3, omschrijving: 'Afgehandeld' }, '20240305140000'));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '2', omschrijving: 'In behandeling' }));
      expect(tekst(await details(id), 'einddatum')).toBeUndefined();

      await gw.herstart();
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '2' }));
      goed(await update(id, NIL('resultaat'), resultaat('Toegekend')));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '3', omschrijving: 'Afgehandeld', datumStatusGezet: '20240305140000', indicatieLaatsteStatus: 'J' }));
      const o = await details(id);
      expect(tekst(o, 'einddatum')).toBe('20240305');
      expect(tekst(o, 'resultaat', 'omschrijving')).toBe('Toegekend');
      expect(await volgnummers(id)).toEqual(['3', '2']);

      // A second end status replaces a held one: the later one is set.
      const tweemaal = await maak('WOR');
      goed(await actualiseer(tweemaal, { volgnummer: 3 }, '20240305090000'));
      goed(await actualiseer(tweemaal, { omschrijving: 'Afgehandeld' }, '20240306090000'));
      expect(await volgnummers(tweemaal)).toEqual([]);
      goed(await update(tweemaal, NIL('resultaat'), resultaat('Toegekend')));
      expect(await huidigeStatus(tweemaal)).toEqual(expect.objectContaining({ volgnummer: '3', datumStatusGezet: '20240306090000' }));
      expect(await volgnummers(tweemaal)).toEqual(['3']);

      // With the resultaat already there, the end status closes at once.
      const klaar = await maak('WOR', STANDAARD_ATTRIBUTEN + resultaat('Toegekend'));
      goed(await actualiseer(klaar, { volgnummer: 3 }, '20240306'));
      expect(await huidigeStatus(klaar)).toEqual(expect.objectContaining({ volgnummer: '3' }));
      expect(tekst(await details(klaar), 'einddatum')).toBe('20240306');
    });

    it('sluitMetEinddatumEnResultaat: neither einddatum nor resultaat alone closes; with both the end status is set on the einddatum', async () => {
      const id = await maak('SER');
      goed(await update(id, NIL('einddatum'), einddatum('20240307')));
      expect(await volgnummers(id)).toEqual([]);
      expect(tekst(await details(id), 'einddatum')).toBe('20240307');
      goed(await update(id, NIL('resultaat'), resultaat('Afgewezen')));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '3', omschrijving: 'Afgerond', datumStatusGezet: '20240307' }));
      expect(tekst(await details(id), 'resultaat', 'omschrijving')).toBe('Afgewezen');
    });

    it('sluitMetEinddatumEnResultaat: an end status sent first is held until einddatum and resultaat are both there, then set as sent', async () => {
      const id = await maak('SER');
      goed(await actualiseer(id, { volgnummer: 1 }, '20240102'));
      goed(await actualiseer(id, { volgnummer: 3 }, '20240308120000'));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '1' }));
      goed(await update(id, NIL('resultaat'), resultaat('Toegekend')));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '1' }));
      expect(tekst(await details(id), 'einddatum')).toBeUndefined();
      goed(await update(id, NIL('einddatum'), einddatum('20240309')));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '3', datumStatusGezet: '20240308120000' }));
      expect(tekst(await details(id), 'einddatum')).toBe('20240309');
    });
  });

  describe('statustype van een ander zaaktype', () => {
    it('refused by default with StUF058, naming both zaaktypen', async () => {
      const id = await maak('EZD');
      const f = schoneFout(await actualiseer(id, { zkt: 'WOR', volgnummer: 2 }, '20240110'));
      expect(f).toEqual(expect.objectContaining({ soort: 'Fo03', code: 'StUF058' }));
      expect(f.details).toMatch(/zaaktype 'WOR'.*zaaktype 'EZD'/);
      expect(await volgnummers(id)).toEqual([]);
    });

    it('opOmschrijving: matched in this zaaktype by omschrijving, stored as its statustype; an end status closes', async () => {
      const id = await maak('AZO');
      goed(await actualiseer(id, { zkt: 'EZD', volgnummer: 3, omschrijving: 'Afgehandeld' }, '20240311100000'));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '2', omschrijving: 'Afgehandeld' }));
      expect(tekst(await details(id), 'einddatum')).toBe('20240311');
      const f = schoneFout(await actualiseer(await maak('AZO'), { zkt: 'EZD', volgnummer: 2, omschrijving: 'In behandeling' }, '20240311'));
      expect(f.code).toBe('StUF058');
      expect(f.details).toMatch(/omschrijving 'In behandeling' bestaat niet bij zaaktype 'AZO'/);
    });

    it("opVolgnummer: matched by volgnummer, the other zaaktype's omschrijving replaced by this one's; unknown zaaktypen still refused", async () => {
      const id = await maak('AZV');
      goed(await actualiseer(id, { zkt: 'WOR', volgnummer: 2, omschrijving: 'In behandeling' }, '20240312'));
      expect(await huidigeStatus(id)).toEqual(expect.objectContaining({ volgnummer: '2', omschrijving: 'Intake' }));
      const f = schoneFout(await actualiseer(id, { zkt: 'ONBEKEND', volgnummer: 2 }, '20240313'));
      expect(f.code).toBe('StUF058');
      expect(f.details).toMatch(/zaaktype 'ONBEKEND' staat niet in de catalogus/);
    });
  });

  describe('waarden', () => {
    it('creeerZaak: an omitted field gets the fixed value, another from its extraElement; a sent value stays', async () => {
      const id = await maak('WRD', STANDAARD_ATTRIBUTEN + extra({ uitkomst: 'Verleend', streefdatum: '20240601' }));
      let o = await details(id);
      expect(tekst(o, 'toelichting')).toBe('Aangevraagd via het portaal');
      expect(tekst(o, 'resultaat', 'omschrijving')).toBe('Verleend');
      expect(tekst(o, 'einddatumGepland')).toBe('20240601');

      const eigen = await maak('WRD', '<ZKN:omschrijving>Testzaak</ZKN:omschrijving><ZKN:toelichting>Aan de balie</ZKN:toelichting>' +
        '<ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum><ZKN:einddatumGepland>20240701</ZKN:einddatumGepland>' +
        `<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>${extra({ streefdatum: '20240601' })}`);
      o = await details(eigen);
      expect(tekst(o, 'toelichting')).toBe('Aan de balie');
      expect(tekst(o, 'einddatumGepland')).toBe('20240701');
      expect(tekst(o, 'resultaat', 'omschrijving')).toBeUndefined();
    });

    it('updateZaak: a field the message omits is taken from its extraElement; a fixed value is not given again once cleared', async () => {
      const id = await maak('WRD');
      goed(await update(id, '<ZKN:toelichting>Aangevraagd via het portaal</ZKN:toelichting>', NIL('toelichting')));
      goed(await update(id, '', `<ZKN:omschrijving>Gewijzigd</ZKN:omschrijving>${extra({ uitkomst: 'Ingetrokken' })}`));
      const o = await details(id);
      expect(tekst(o, 'resultaat', 'omschrijving')).toBe('Ingetrokken');
      expect(tekst(o, 'toelichting')).toBeUndefined();
      expect(tekst(o, 'omschrijving')).toBe('Gewijzigd');
    });

    it('a value from an extraElement is checked as a sent value: refused with StUF055 naming the extraElement, nothing stored', async () => {
      const id = nieuwId();
      const f = schoneFout(await gw.stuur(d, 'creeerZaak', creeerZaak(d, { id, zaaktype: 'WRD', attributen: STANDAARD_ATTRIBUTEN + extra({ streefdatum: 'volgende week' }) })));
      expect(f).toEqual(expect.objectContaining({ soort: 'Fo03', code: 'StUF055', plek: 'client' }));
      expect(f.details).toMatch(/extraElement\[@naam='streefdatum'\].*geen geldige StUF-datum/);
      expect(f.details).not.toContain('volgende week');
      expect(await details(id)).toBeUndefined();
      const lang = schoneFout(await update(await maak('WRD'), '', extra({ uitkomst: 'x'.repeat(81) })));
      expect(lang.code).toBe('StUF055');
      expect(lang.details).toMatch(/uitkomst.*langer dan 80 tekens/);
    });
  });
});
