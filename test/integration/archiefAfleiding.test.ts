// The selectielijst (issue 19, item 1): a closing zaak, or one whose resultaat changes, gets archiefnominatie and
// datumVernietigingDossier from its zaaktype's rule, for each brondatum rule (einddatum, an extraElement), in both
// dialects, read back with geefZaakdetails (the teardown validates every answer). What a message sets itself is kept;
// a closed zaak without a rule is onbepaald, listed by `archief onbepaald` and derived by `archief afleiden` once the
// rule is there; a reopened zaak loses derived values. The configuration's checks name the rule and field.
import type { Config } from '../../src/config';
import { ConfigFout, parseConfig } from '../../src/config';
import { leidOnbepaaldAf } from '../../src/archief/onbepaald';
import { archiefOpdracht } from '../../src/archief/opdracht';
import { telOp } from '../../src/archief/afleiding';
import { TestGateway, startGateway } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { Dialect, Dienst, STANDAARD_ATTRIBUTEN, actie, creeerZaak, geefZaakdetails, medewerker, wijzig } from '../support/dialecten';
import { goed, objectUit, tekst } from '../support/antwoorden';

const STATUSTYPEN = [{ volgnummer: 1, omschrijving: 'Ontvangen' }, { volgnummer: 2, omschrijving: 'Afgehandeld', eindstatus: true }];

const SELECTIELIJST = [
  { zaaktype: 'ARC01', resultaat: 'Afgehandeld', nominatie: 'vernietigen', bewaartermijn: { jaren: 1, maanden: 1 }, brondatum: 'einddatum' },
  { zaaktype: 'ARC01', resultaat: ['Toegekend', 'T01'], nominatie: 'blijvend_bewaren' },
  { zaaktype: 'ARC02', resultaat: '*', nominatie: 'vernietigen', bewaartermijn: { jaren: 10 }, brondatum: { extraElement: 'datumBesluit' } },
];

const CONFIG = {
  zaaktypen: {
    catalogus: [
      { code: 'ARC01', omschrijving: 'Archief einddatum', statustypen: STATUSTYPEN, profiel: { standaardResultaat: { omschrijving: 'Afgehandeld' } } },
      { code: 'ARC02', omschrijving: 'Archief extraElement', statustypen: STATUSTYPEN },
      { code: 'ARC03', omschrijving: 'Archief zonder regel', statustypen: STATUSTYPEN },
    ],
  },
  archief: { selectielijst: SELECTIELIJST },
};

const einddatum = (d: string) => `<ZKN:einddatum>${d}</ZKN:einddatum>`;
const resultaat = (omschrijving: string) => `<ZKN:resultaat><ZKN:omschrijving>${omschrijving}</ZKN:omschrijving></ZKN:resultaat>`;
const extra = (velden: Record<string, string>) =>
  `<StUF:extraElementen>${Object.entries(velden).map(([n, w]) => `<StUF:extraElement naam="${n}">${w}</StUF:extraElement>`).join('')}</StUF:extraElementen>`;
const NIL = (naam: string) => `<ZKN:${naam} xsi:nil="true" StUF:noValue="geenWaarde"/>`;
const GEEN_STATUS = '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T" xsi:nil="true" StUF:noValue="geenWaarde"/>';
const eindstatus = (datum: string) =>
  '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
  `<ZKN:volgnummer>2</ZKN:volgnummer><ZKN:omschrijving>Afgehandeld</ZKN:omschrijving></ZKN:gerelateerde><ZKN:datumStatusGezet>${datum}</ZKN:datumStatusGezet>` +
  `<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde>${medewerker('mdw042')}</ZKN:gerelateerde></ZKN:isGezetDoor></ZKN:heeft>`;

describe('the configuration', () => {
  const fout = (selectielijst: unknown[], zaaktypen: Record<string, unknown> = {}) => {
    try {
      parseConfig({ zaaktypen, archief: { selectielijst } });
    } catch (e) {
      if (e instanceof ConfigFout) return e.message;
      throw e;
    }
    return '';
  };

  it('names the rule and field of what cannot be applied', () => {
    expect(fout([{ zaaktype: 'X', resultaat: 'A', nominatie: 'vernietigen' }])).toMatch(/archief\.selectielijst\.0\.bewaartermijn: nominatie vernietigen zonder bewaartermijn/);
    expect(fout([{ zaaktype: 'X', resultaat: 'A', nominatie: 'weggooien', bewaartermijn: { jaren: 1 } }])).toMatch(/archief\.selectielijst\.0\.nominatie/);
    expect(fout([
      { zaaktype: 'X', resultaat: 'Toegekend', nominatie: 'blijvend_bewaren' },
      { zaaktype: 'X', resultaat: [' toegekend '], nominatie: 'vernietigen', bewaartermijn: { jaren: 1 } },
    ])).toMatch(/archief\.selectielijst\.1\.resultaat: zaaktype 'X' met resultaat ' ?toegekend ?' staat al in regel 0/);
    expect(fout([{ zaaktype: 'X', resultaat: '*', nominatie: 'blijvend_bewaren', brondatum: { extraElement: '' } }])).toMatch(/archief\.selectielijst\.0\.brondatum/);
    expect(fout([{ zaaktype: 'ONB', resultaat: '*', nominatie: 'blijvend_bewaren' }], { onbekend: 'weigeren' })).toMatch(/archief\.selectielijst\.0\.zaaktype: zaaktype 'ONB' staat niet in de catalogus/);
    expect(fout([{ zaaktype: 'X', resultaat: 'A', nominatie: 'vernietigen', bewaartermijn: { jaren: 0 }, extra: 1 }])).toMatch(/archief\.selectielijst\.0/);
    expect(fout(SELECTIELIJST, CONFIG.zaaktypen)).toBe('');
  });

  it('counts the term in months from the brondatum, a missing day becoming the last of the month', () => {
    expect(telOp('20240131', 1, 1)).toBe('20250228');
    expect(telOp('20240229', 1, 0)).toBe('20250228');
    expect(telOp('20231130', 0, 3)).toBe('20240229');
    expect(telOp('20240515', 0, 0)).toBe('20240515');
    expect(telOp('20241215', 2, 13)).toBe('20280115');
  });
});

describe.each(['zds12', 'zds11'] as Dialect[])('derivation in %s', (d) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(CONFIG);
  });
  afterAll(() => gw.sluit());

  let teller = 0;
  const stuur = (dienst: Dienst, xml: string) =>
    gw.stuur(inEnvelope(xml), { actie: actie(d, dienst), pad: dienst === 'geefZaakdetails' ? '/BeantwoordVraag' : '/OntvangAsynchroon' });
  async function maak(zaaktype: string, attributen = STANDAARD_ATTRIBUTEN): Promise<string> {
    const id = `0599ARC${d}${process.pid % 10000}${++teller}`;
    goed(await stuur('creeerZaak', creeerZaak(d, { id, zaaktype, attributen })));
    return id;
  }
  const update = async (id: string, oud: string, nieuw: string) => goed(await stuur('updateZaak', wijzig(d, 'updateZaak', id, oud, nieuw)));
  const archief = async (id: string) => {
    const o = objectUit(await stuur('geefZaakdetails', geefZaakdetails(d, id)));
    return { nominatie: tekst(o, 'archiefnominatie'), datum: tekst(o, 'datumVernietigingDossier'), einddatum: tekst(o, 'einddatum') };
  };
  const kolommen = (id: string) =>
    gw.app.gateway.store.sql.een<{ archiefnominatie: string | null; archiefactiedatum: string | null; archiefbron: string | null }>(
      'SELECT archiefnominatie, archiefactiedatum, archiefbron FROM zaak WHERE identificatie = ?', [id],
    );

  it('brondatum einddatum: the end status closes the zaak with its default resultaat; the rule of that resultaat applies', async () => {
    const id = await maak('ARC01');
    expect(await archief(id)).toEqual({ nominatie: undefined, datum: undefined, einddatum: undefined });
    goed(await stuur('actualiseerZaakstatus', wijzig(d, 'actualiseerZaakstatus', id, GEEN_STATUS, eindstatus('20240131103000'))));
    expect(await archief(id)).toEqual({ nominatie: 'N', datum: '20250228', einddatum: '20240131' });
    expect(await kolommen(id)).toEqual({ archiefnominatie: 'N', archiefactiedatum: '20250228', archiefbron: 'selectielijst' });
    // The resultaat changes: the rule of the new one (an alias of Toegekend) keeps the dossier for good, without date.
    await update(id, resultaat('Afgehandeld'), resultaat('T01'));
    expect(await archief(id)).toEqual({ nominatie: 'J', datum: undefined, einddatum: '20240131' });
    expect(await kolommen(id)).toEqual({ archiefnominatie: 'J', archiefactiedatum: null, archiefbron: 'selectielijst' });
  });

  it('brondatum einddatum: an einddatum and resultaat sent by updateZaak, then a changed einddatum', async () => {
    const id = await maak('ARC01');
    await update(id, NIL('einddatum'), `${einddatum('20230615')}${resultaat('afgehandeld')}`);
    expect(await archief(id)).toEqual({ nominatie: 'N', datum: '20240715', einddatum: '20230615' });
    await update(id, einddatum('20230615'), einddatum('20230701'));
    expect((await archief(id)).datum).toBe('20240801');
  });

  it('brondatum extraElement: the date in the named extraElement, again when it changes; missing it is onbepaald', async () => {
    const id = await maak('ARC02');
    await update(id, NIL('einddatum'), `${einddatum('20240301')}${resultaat('Geweigerd')}${extra({ datumBesluit: '20230515' })}`);
    expect(await archief(id)).toEqual({ nominatie: 'N', datum: '20330515', einddatum: '20240301' });
    await update(id, extra({ datumBesluit: '20230515' }), extra({ datumBesluit: '20231001' }));
    expect((await archief(id)).datum).toBe('20331001');

    const zonder = await maak('ARC02');
    await update(zonder, NIL('einddatum'), `${einddatum('20240301')}${resultaat('Geweigerd')}`);
    expect(await archief(zonder)).toEqual({ nominatie: undefined, datum: undefined, einddatum: '20240301' });
    expect(await kolommen(zonder)).toEqual({ archiefnominatie: null, archiefactiedatum: null, archiefbron: 'onbepaald' });
    // The date arrives later: derived then.
    await update(zonder, NIL('extraElementen'), extra({ datumBesluit: '2023-02-01' }));
    expect(await archief(zonder)).toEqual({ nominatie: 'N', datum: '20330201', einddatum: '20240301' });
  });

  it('what the message sets is kept, also when the resultaat changes later', async () => {
    const id = await maak('ARC01');
    await update(id, NIL('einddatum'), `${einddatum('20240101')}${resultaat('Afgehandeld')}<ZKN:archiefnominatie>J</ZKN:archiefnominatie><ZKN:datumVernietigingDossier>20990101</ZKN:datumVernietigingDossier>`);
    expect(await archief(id)).toEqual({ nominatie: 'J', datum: '20990101', einddatum: '20240101' });
    await update(id, resultaat('Afgehandeld'), resultaat('Toegekend'));
    expect(await archief(id)).toEqual({ nominatie: 'J', datum: '20990101', einddatum: '20240101' });
    expect((await kolommen(id))?.archiefbron).toBe('bericht');
    // Both cleared by a message: derived again from the selectielijst.
    await update(id, '<ZKN:archiefnominatie>J</ZKN:archiefnominatie><ZKN:datumVernietigingDossier>20990101</ZKN:datumVernietigingDossier>', `${NIL('archiefnominatie')}${NIL('datumVernietigingDossier')}`);
    expect(await archief(id)).toEqual({ nominatie: 'J', datum: undefined, einddatum: '20240101' });
    expect((await kolommen(id))?.archiefbron).toBe('selectielijst');
  });

  it('a reopened zaak loses the derived values; closing again derives them again', async () => {
    const id = await maak('ARC01');
    await update(id, NIL('einddatum'), `${einddatum('20240110')}${resultaat('Afgehandeld')}`);
    expect((await archief(id)).nominatie).toBe('N');
    await update(id, einddatum('20240110'), NIL('einddatum'));
    expect(await archief(id)).toEqual({ nominatie: undefined, datum: undefined, einddatum: undefined });
    expect(await kolommen(id)).toEqual({ archiefnominatie: null, archiefactiedatum: null, archiefbron: null });
    await update(id, NIL('einddatum'), einddatum('20240210'));
    expect(await archief(id)).toEqual({ nominatie: 'N', datum: '20250310', einddatum: '20240210' });
  });

  it('a scope naming only the archive fields answers them, and nothing of the zaak it did not ask for', async () => {
    const id = await maak('ARC01');
    await update(id, NIL('einddatum'), `${einddatum('20240229')}${resultaat('Afgehandeld')}`);
    const scope = '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/>' +
      '<ZKN:archiefnominatie xsi:nil="true"/><ZKN:datumVernietigingDossier xsi:nil="true"/></ZKN:object></ZKN:scope>';
    const o = objectUit(await stuur('geefZaakdetails', geefZaakdetails(d, id, scope)));
    expect([tekst(o, 'identificatie'), tekst(o, 'archiefnominatie'), tekst(o, 'datumVernietigingDossier')]).toEqual([id, 'N', '20250329']);
    expect(tekst(o, 'einddatum')).toBeUndefined();
  });

  it('a closed zaak without a rule is onbepaald: listed with its reason, derived once the selectielijst has a rule', async () => {
    const id = await maak('ARC03');
    await update(id, NIL('einddatum'), `${einddatum('20200101')}${resultaat('Ingetrokken')}`);
    expect(await archief(id)).toEqual({ nominatie: undefined, datum: undefined, einddatum: '20200101' });
    const uit: string[] = [];
    expect(await archiefOpdracht(gw.config, ['onbepaald', '--json'], (t) => void uit.push(t))).toBe(0);
    const lijst = JSON.parse(uit.join('')) as { zaak: string; zaaktype: string; reden: string }[];
    expect(lijst.find((r) => r.zaak === id)).toEqual(expect.objectContaining({ zaaktype: 'ARC03', reden: 'geen selectielijstregel voor zaaktype ARC03 met dit resultaat' }));

    const aangevuld: Config = parseConfig({ ...CONFIG, database: gw.config.database, archief: { selectielijst: [...SELECTIELIJST, { zaaktype: 'ARC03', resultaat: 'ingetrokken', nominatie: 'vernietigen', bewaartermijn: { jaren: 2 } }] } });
    const telling = await leidOnbepaaldAf(gw.app.gateway.store, aangevuld);
    expect(telling.afgeleid).toBeGreaterThanOrEqual(1);
    expect(await archief(id)).toEqual({ nominatie: 'N', datum: '20220101', einddatum: '20200101' });
    expect(await kolommen(id)).toEqual({ archiefnominatie: 'N', archiefactiedatum: '20220101', archiefbron: 'selectielijst' });
  });
});
