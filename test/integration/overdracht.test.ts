// overdragenZaak (rzs.md §7, A15, A27; zds.md §2.17): the gateway routes a regiesysteem's handover (Di01) to the
// backoffice that takes the zaak and relays the backoffice's answer (Du01) back, both through the outbox to real SOAP
// receivers on loopback ports. Checked: both flavours and the conversion between them, what the receivers get
// (SOAPAction, unchanged zender and referentienummer), the handover's status through delivery and answer, the
// behandelaar an acceptance registers, how geefZaakdetails shows it, and the refusals (StUF043, StUF058, StUF064,
// StUF052) that record nothing.
import { NS } from '../../src/stuf/namespaces';
import { attr, child, children, path } from '../../src/stuf/xml';
import type { Overdracht } from '../../src/store/overdrachten';
import { TestGateway, startGateway } from '../support/gateway';
import { Ontvangen, TestOntvanger, tekstVan } from '../support/ontvanger';
import { inEnvelope, sample, ZDS12 } from '../support/soap';
import { HttpAntwoord, goed, objectUit, schoneFout } from '../support/antwoorden';
import { Dialect, actie, geefZaakdetails } from '../support/dialecten';
import { creeerZaak } from '../support/zdsBerichten';
import { APPLICATIES, aanmelding, als, beveiligd } from '../support/planBerichten';
import { Di01, Du01, RZS_ACTIE, RZS_ACTIE_STUF, Smaak, ZDS12_ACTIE, overdrachtActie, overdragenZaakDi01, overdragenZaakDu01 } from '../support/overdrachtBerichten';

// maxPogingen high: a backoffice that is down must still be there to deliver to when it comes back.
const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2, maxPogingen: 200 };

const WMO = { code: 'WMO01', omschrijving: 'Aanvraag Wmo-voorziening' };
const JEUGD = { code: 'JGD01', omschrijving: 'Jeugdhulp' };

const regie = new TestOntvanger('regie', 'REGIESYSTEEM');
const wmo = new TestOntvanger('wmo', 'WMO-BACKOFFICE');
const jeugd = new TestOntvanger('jeugd', 'JEUGD-BACKOFFICE');
let gw: TestGateway;

/** A destination that is this receiver (organisatie 0599 + its applicatie). */
const bestemming = (o: TestOntvanger, extra: Record<string, unknown> = {}) => ({
  naam: o.naam,
  adres: o.adres,
  ontvanger: { organisatie: '0599', applicatie: o.applicatie },
  ...extra,
});

beforeAll(async () => {
  await Promise.all([regie, wmo, jeugd].map((o) => o.start()));
  gw = await startGateway({
    bestemmingen: [
      bestemming(regie),
      bestemming(wmo, { behandelaar: { identificatie: 'OEH-WMO', naam: 'Team Wmo' } }),
      bestemming(jeugd, { dialect: 'zds12' }),
    ],
    overdracht: { backoffices: { [WMO.code]: 'wmo', [JEUGD.code]: 'jeugd' } },
    bezorging: SNEL,
  });
});

afterAll(async () => {
  await gw?.sluit();
  await Promise.all([regie, wmo, jeugd].map((o) => o.stop()));
});

afterEach(() => {
  for (const o of [regie, wmo, jeugd]) o.gedrag = 'bv03';
});

let teller = 0;
const nieuwId = () => `0599OVZ${process.pid}${++teller}`;
const nieuweRef = (prefix: string) => `${prefix}-${process.pid}-${++teller}`;

const store = () => gw.app.gateway.store;

async function maakZaak(g: TestGateway, zaaktype: { code: string; omschrijving: string }, opties: { zender?: string; headers?: Record<string, string> } = {}): Promise<string> {
  const id = nieuwId();
  const xml = creeerZaak({ id, zaaktype: zaaktype.code, zaaktypeOmschrijving: zaaktype.omschrijving, sturing: { zender: opties.zender ?? 'REGIESYSTEEM' } });
  goed(await g.stuur(inEnvelope(xml), { actie: `${ZDS12}creeerZaak_ZakLk01`, headers: opties.headers }));
  return id;
}

const stuurDi01 = (s: Smaak, o: Di01, opties: { actie?: string; g?: TestGateway; headers?: Record<string, string> } = {}) =>
  (opties.g ?? gw).stuur(inEnvelope(overdragenZaakDi01(s, o)), { actie: opties.actie ?? overdrachtActie(s, 'Di01'), headers: opties.headers });
const stuurDu01 = (s: Smaak, o: Du01, opties: { actie?: string; g?: TestGateway; headers?: Record<string, string> } = {}) =>
  (opties.g ?? gw).stuur(inEnvelope(overdragenZaakDu01(s, o)), { actie: opties.actie ?? overdrachtActie(s, 'Du01'), headers: opties.headers });

/** The Bv03 of an accepted message, with the crossRefnummer it carries. */
function bv03(r: HttpAntwoord): string | undefined {
  const b = goed(r);
  expect(`{${b.ns}}${b.local}`).toBe(`{${NS.stuf}}Bv03Bericht`);
  return tekstVan(b, 'stuurgegevens', 'crossRefnummer');
}

/** The message this receiver got with this referentienummer (waits for it). */
async function ontvangen(o: TestOntvanger, ref: string, ms = 15000): Promise<Ontvangen> {
  const eind = Date.now() + ms;
  for (;;) {
    const m = o.ontvangen.find((x) => x.stuurgegevens.referentienummer === ref);
    if (m) return m;
    if (Date.now() > eind) throw new Error(`${o.naam}: geen bericht met referentienummer ${ref} na ${ms} ms`);
    await o.wachtOp(o.ontvangen.length + 1, Math.max(1, eind - Date.now())).catch(() => undefined);
  }
}

async function wachtTot<T>(f: () => Promise<T | undefined | false>, ms = 15000): Promise<T> {
  const eind = Date.now() + ms;
  for (;;) {
    const w = await f();
    if (w) return w;
    if (Date.now() > eind) throw new Error(`voorwaarde niet bereikt na ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const overdracht = async (ref: string, g = gw): Promise<Overdracht | undefined> => (await g.app.gateway.store.overdrachten.metReferentie(ref))[0];
const metStatus = (ref: string, status: Overdracht['status'], g = gw) => wachtTot(async () => {
  const o = await overdracht(ref, g);
  return o?.status === status && o;
});

/** What a received handover message says, as comparable data. */
function inhoud(m: Ontvangen) {
  const object = child(m.root, 'object');
  const sg = m.stuurgegevens;
  return {
    actie: m.actie,
    root: `{${m.root.ns}}${m.root.local}`,
    kinderen: [...new Set(m.root.children.map((c) => c.ns))],
    zender: sg.zender?.applicatie,
    ontvanger: sg.ontvanger?.applicatie,
    referentienummer: sg.referentienummer,
    tijdstipBericht: sg.tijdstipBericht,
    crossRefnummer: sg.crossRefnummer,
    functie: sg.functie,
    meldingen: children(m.root, 'melding').map((x) => x.text),
    zaak: tekstVan(object, 'identificatie'),
    zaaktype: tekstVan(object, 'isVan', 'gerelateerde', 'code'),
    antwoord: tekstVan(object, 'antwoord'),
  };
}

/** geefZaakdetails (scope alles): the extraElementen by naam and the organisatorische eenheden that are heeftAlsUitvoerende. */
async function details(d: Dialect, id: string) {
  const object = objectUit(await gw.stuur(inEnvelope(geefZaakdetails(d, id)), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag' }));
  const extra = Object.fromEntries(children(child(object, 'extraElementen'), 'extraElement').map((e) => [attr(e, '', 'naam'), e.text]));
  const behandelaars = children(object, 'heeftAlsUitvoerende').flatMap((r) => {
    const oeh = path(r, 'gerelateerde', 'organisatorischeEenheid');
    return oeh ? [{ identificatie: tekstVan(oeh, 'identificatie'), naam: tekstVan(oeh, 'naam'), omschrijving: tekstVan(r, 'omschrijving') }] : [];
  });
  return { extra, behandelaars };
}

const RZS = `{${NS.rzs}}`;
const ZDS = `{${NS.zds}}`;

describe('overdragenZaak', () => {
  it('RZS: the backoffice gets the Di01 as sent and accepts; the regiesysteem gets the Du01; geefZaakdetails shows the handover and its behandelaar', async () => {
    const zaak = await maakZaak(gw, WMO);
    const ref = nieuweRef('OVZ');
    const di01: Di01 = { zaak, zaaktype: WMO.code, omschrijving: WMO.omschrijving, ref, ontvanger: 'WMO-BACKOFFICE', meldingen: ['Graag in behandeling nemen: huishoudelijke hulp'] };
    expect(bv03(await stuurDi01('rzs', di01))).toBe(ref);

    expect(inhoud(await ontvangen(wmo, ref))).toEqual({
      actie: `${RZS_ACTIE}overdragenZaak`,
      root: `${RZS}overdragenZaak_Di01`,
      kinderen: [NS.rzs],
      zender: 'REGIESYSTEEM',
      ontvanger: 'WMO-BACKOFFICE',
      referentienummer: ref,
      tijdstipBericht: '20240116090000000',
      crossRefnummer: undefined,
      functie: 'overdragenZaak',
      meldingen: ['Graag in behandeling nemen: huishoudelijke hulp'],
      zaak,
      zaaktype: WMO.code,
      antwoord: undefined,
    });
    expect(await metStatus(ref, 'afgeleverd')).toMatchObject({ zaak, zaaktypeCode: WMO.code, aanvragerBestemming: 'regie', backoffice: 'wmo', dialect: 'rzs' });
    expect((await details('zds12', zaak)).extra).toMatchObject({ 'overdracht.status': 'afgeleverd', 'overdracht.backoffice': 'WMO-BACKOFFICE' });

    // A resend of the Di01 is the same message: answered again, recorded and sent once.
    expect(bv03(await stuurDi01('rzs', di01))).toBe(ref);
    expect(await store().overdrachten.van(zaak)).toHaveLength(1);
    expect(await store().uitgaand.lijst({ zaak, soort: 'overdragenZaak_Di01' })).toHaveLength(1);

    const antwoordRef = nieuweRef('ACK');
    const du01: Du01 = { zaak, antwoord: 'Overdracht geaccepteerd', ref: antwoordRef, cross: ref, zender: 'WMO-BACKOFFICE' };
    expect(bv03(await stuurDu01('rzs', du01))).toBe(antwoordRef);
    expect(inhoud(await ontvangen(regie, antwoordRef))).toEqual({
      actie: `${RZS_ACTIE}bevestigOverdragenZaak`,
      root: `${RZS}overdragenZaak_Du01`,
      kinderen: [NS.rzs],
      zender: 'WMO-BACKOFFICE',
      ontvanger: 'REGIESYSTEEM',
      referentienummer: antwoordRef,
      tijdstipBericht: '20240116143000000',
      crossRefnummer: ref,
      functie: 'overdragenZaak',
      meldingen: [],
      zaak,
      zaaktype: undefined,
      antwoord: 'Overdracht geaccepteerd',
    });
    expect(await overdracht(ref)).toMatchObject({ status: 'geaccepteerd', antwoordReferentienummer: antwoordRef });

    for (const d of ['zds12', 'zds11'] as const) {
      const { extra, behandelaars } = await details(d, zaak);
      expect(extra).toEqual({ 'overdracht.status': 'geaccepteerd', 'overdracht.backoffice': 'WMO-BACKOFFICE', 'overdracht.datum': expect.stringMatching(/^\d{17}$/) });
      expect(behandelaars).toEqual([{ identificatie: 'OEH-WMO', naam: 'Team Wmo', omschrijving: 'Behandelaar' }]);
    }

    // A resend of the Du01 gets its Bv03 again and changes nothing; another answer to a settled handover is unknown.
    expect(bv03(await stuurDu01('rzs', du01))).toBe(antwoordRef);
    expect((await details('zds12', zaak)).behandelaars).toHaveLength(1);
    expect(await store().uitgaand.lijst({ zaak, soort: 'overdragenZaak_Du01' })).toHaveLength(1);
    const nogEens = schoneFout(await stuurDu01('rzs', { ...du01, ref: nieuweRef('ACK'), antwoord: 'Overdracht geweigerd' }));
    expect(nogEens).toMatchObject({ soort: 'Fo03', code: 'StUF043', plek: 'client' });
    expect(nogEens.details).toContain('al beantwoord (geaccepteerd');
    expect((await overdracht(ref))?.status).toBe('geaccepteerd');
  });

  it('ZDS 1.2: a backoffice speaking ZDS 1.2 refuses; the melding is kept, the regiesysteem gets the Du01 in ZDS 1.2, no behandelaar', async () => {
    const zaak = await maakZaak(gw, JEUGD);
    const ref = nieuweRef('OVZ12');
    expect(bv03(await stuurDi01('zds12', { zaak, zaaktype: JEUGD.code, omschrijving: JEUGD.omschrijving, ref, ontvanger: 'JEUGD-BACKOFFICE' }))).toBe(ref);
    expect(inhoud(await ontvangen(jeugd, ref))).toMatchObject({
      actie: `${ZDS12_ACTIE}overdragenZaak_Di01`, root: `${ZDS}overdragenZaak_Di01`, kinderen: [NS.zkn], zender: 'REGIESYSTEEM', ontvanger: 'JEUGD-BACKOFFICE', zaak, zaaktype: JEUGD.code,
    });
    await metStatus(ref, 'afgeleverd');

    const antwoordRef = nieuweRef('NAK');
    const reden = 'Geen indicatie afgegeven';
    expect(bv03(await stuurDu01('zds12', { zaak, antwoord: 'Overdracht geweigerd', ref: antwoordRef, cross: ref, zender: 'JEUGD-BACKOFFICE', meldingen: [reden] }))).toBe(antwoordRef);
    expect(inhoud(await ontvangen(regie, antwoordRef))).toMatchObject({
      actie: `${ZDS12_ACTIE}overdragenZaak_Du01`, root: `${ZDS}overdragenZaak_Du01`, kinderen: [NS.zkn], zender: 'JEUGD-BACKOFFICE', ontvanger: 'REGIESYSTEEM',
      crossRefnummer: ref, meldingen: [reden], antwoord: 'Overdracht geweigerd',
    });
    expect(await overdracht(ref)).toMatchObject({ status: 'geweigerd', melding: reden, dialect: 'zds12' });
    const { extra, behandelaars } = await details('zds12', zaak);
    expect(extra).toMatchObject({ 'overdracht.status': 'geweigerd', 'overdracht.backoffice': 'JEUGD-BACKOFFICE' });
    expect(behandelaars).toEqual([]);
  });

  it('a backoffice configured for ZDS 1.2 gets an RZS Di01 converted and addressed to it; its ZDS 1.2 Du01 reaches the regiesysteem as RZS', async () => {
    const zaak = await maakZaak(gw, JEUGD);
    const ref = nieuweRef('OVZ');
    // Addressed to the gateway itself: the zaaktype table chooses the backoffice. The StUF-rule SOAPAction works too.
    const di01 = { zaak, zaaktype: JEUGD.code, omschrijving: JEUGD.omschrijving, ref, meldingen: ['Gezin met drie kinderen'] };
    expect(bv03(await stuurDi01('rzs', di01, { actie: `${RZS_ACTIE_STUF}overdragenZaak` }))).toBe(ref);
    expect(inhoud(await ontvangen(jeugd, ref))).toEqual({
      actie: `${ZDS12_ACTIE}overdragenZaak_Di01`,
      root: `${ZDS}overdragenZaak_Di01`,
      kinderen: [NS.zkn],
      zender: 'REGIESYSTEEM',
      ontvanger: 'JEUGD-BACKOFFICE',
      referentienummer: ref,
      tijdstipBericht: '20240116090000000',
      crossRefnummer: undefined,
      functie: 'overdragenZaak',
      meldingen: ['Gezin met drie kinderen'],
      zaak,
      zaaktype: JEUGD.code,
      antwoord: undefined,
    });
    expect(tekstVan(child(child((await ontvangen(jeugd, ref)).root, 'object'), 'isVan'), 'gerelateerde', 'omschrijving')).toBe(JEUGD.omschrijving);

    const antwoordRef = nieuweRef('ACK');
    expect(bv03(await stuurDu01('zds12', { zaak, antwoord: 'Overdracht geaccepteerd', ref: antwoordRef, cross: ref, zender: 'JEUGD-BACKOFFICE', ontvanger: 'ZDSGW' }))).toBe(antwoordRef);
    expect(inhoud(await ontvangen(regie, antwoordRef))).toMatchObject({
      actie: `${RZS_ACTIE}bevestigOverdragenZaak`, root: `${RZS}overdragenZaak_Du01`, kinderen: [NS.rzs], zender: 'JEUGD-BACKOFFICE', ontvanger: 'REGIESYSTEEM',
      crossRefnummer: ref, antwoord: 'Overdracht geaccepteerd',
    });
    // Without a configured behandelaar: the backoffice's applicatie and its destination's name.
    expect((await details('zds11', zaak)).behandelaars).toEqual([{ identificatie: 'JEUGD-BACKOFFICE', naam: 'jeugd', omschrijving: 'Behandelaar' }]);
  });

  it('a Du01 with an unknown crossRefnummer, from another backoffice, for another zaak or without crossRefnummer is refused and changes nothing', async () => {
    const zaak = await maakZaak(gw, WMO);
    const ref = nieuweRef('OVZ');
    bv03(await stuurDi01('rzs', { zaak, zaaktype: WMO.code, ref }));
    await ontvangen(wmo, ref);
    await metStatus(ref, 'afgeleverd');
    const du01 = (o: Partial<Du01>): Du01 => ({ zaak, antwoord: 'Overdracht geaccepteerd', ref: nieuweRef('ACK'), cross: ref, zender: 'WMO-BACKOFFICE', ...o });

    const onbekend = schoneFout(await stuurDu01('rzs', du01({ cross: 'BESTAAT-NIET-1' })));
    expect(onbekend).toMatchObject({ soort: 'Fo03', code: 'StUF043', plek: 'client' });
    expect(onbekend.details).toMatch(/^crossRefnummer BESTAAT-NIET-1 onbekend/);
    const andere = schoneFout(await stuurDu01('zds12', du01({ zender: 'JEUGD-BACKOFFICE' })));
    expect(andere).toMatchObject({ code: 'StUF043' });
    expect(andere.details).toContain('JEUGD-BACKOFFICE (bestemming jeugd)');
    const vreemd = schoneFout(await stuurDu01('rzs', du01({ zender: 'ONBEKENDE-BO' })));
    expect(vreemd).toMatchObject({ code: 'StUF043' });
    expect(vreemd.details).toContain('geen geconfigureerde bestemming');
    const andereZaak = schoneFout(await stuurDu01('rzs', du01({ zaak: '0599ANDEREZAAK1' })));
    expect(andereZaak).toMatchObject({ code: 'StUF058' });
    expect(andereZaak.details).toContain(`(zaak ${zaak})`);
    const zonder = overdragenZaakDu01('rzs', du01({})).replace(/<StUF:crossRefnummer>.*<\/StUF:crossRefnummer>/, '');
    expect(schoneFout(await gw.stuur(inEnvelope(zonder), { actie: overdrachtActie('rzs', 'Du01') }))).toMatchObject({ code: 'StUF055' });

    expect((await overdracht(ref))?.status).toBe('afgeleverd');
    expect(await store().uitgaand.lijst({ zaak, soort: 'overdragenZaak_Du01' })).toEqual([]);
    expect((await details('zds12', zaak)).behandelaars).toEqual([]);
  });

  it('a Di01 for an unknown zaak, of another zaaktype, without a backoffice, from an unknown aanvrager or to the aanvrager itself is refused and records nothing', async () => {
    const zaak = await maakZaak(gw, WMO);
    const zonderBackoffice = await maakZaak(gw, { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' });
    const voor = { overdrachten: (await store().overdrachten.lijst()).length, uitgaand: (await store().uitgaand.lijst()).length };
    const weiger = async (o: Partial<Di01>, code: string, details: string[]) => {
      const f = schoneFout(await stuurDi01('rzs', { zaak, zaaktype: WMO.code, ref: nieuweRef('OVZ'), ...o }));
      expect(f).toMatchObject({ soort: 'Fo03', code });
      for (const d of details) expect(f.details).toContain(d);
    };
    await weiger({ zaak: '0599BESTAATNIET' }, 'StUF064', ['0599BESTAATNIET']);
    await weiger({ zaaktype: JEUGD.code }, 'StUF058', [JEUGD.code, WMO.code, zaak]);
    await weiger({ zaak: zonderBackoffice, zaaktype: 'B1026' }, 'StUF058', ['B1026', 'overdracht.backoffices']);
    await weiger({ zender: 'ONBEKEND-REGIE' }, 'StUF058', ['ONBEKEND-REGIE', 'bestemmingen']);
    await weiger({ ontvanger: 'REGIESYSTEEM' }, 'StUF058', ['de aanvrager zelf']);
    expect({ overdrachten: (await store().overdrachten.lijst()).length, uitgaand: (await store().uitgaand.lijst()).length }).toEqual(voor);
  });

  it('a backoffice that is down: the handover stays aangeboden and is delivered when the backoffice is back', async () => {
    const zaak = await maakZaak(gw, WMO);
    const ref = nieuweRef('OVZ');
    await wmo.stop();
    try {
      bv03(await stuurDi01('rzs', { zaak, zaaktype: WMO.code, ref, ontvanger: 'WMO-BACKOFFICE' }));
      const bericht = await wachtTot(async () => (await store().uitgaand.lijst({ zaak, soort: 'overdragenZaak_Di01' })).find((u) => u.pogingen >= 2));
      expect(bericht).toMatchObject({ status: 'wachtend', bestemming: 'wmo', referentienummer: ref });
      expect((await overdracht(ref))?.status).toBe('aangeboden');
    } finally {
      await wmo.start();
    }
    expect(inhoud(await ontvangen(wmo, ref)).zaak).toBe(zaak);
    await metStatus(ref, 'afgeleverd');
  });

  it('a backoffice that refuses the Di01 itself (Fo03 plek client): the handover is onbestelbaar and its message dead', async () => {
    const zaak = await maakZaak(gw, WMO);
    const ref = nieuweRef('OVZ');
    wmo.gedrag = 'fo03-client';
    bv03(await stuurDi01('rzs', { zaak, zaaktype: WMO.code, ref }));
    await metStatus(ref, 'onbestelbaar');
    expect(await store().uitgaand.lijst({ zaak, soort: 'overdragenZaak_Di01' })).toEqual([expect.objectContaining({ status: 'dood', pogingen: 1 })]);
    expect((await details('zds12', zaak)).extra).toMatchObject({ 'overdracht.status': 'onbestelbaar' });
  });

  it('the shared RZS samples: the Di01 reaches the backoffice and the Du01 the regiesysteem with their own referentienummers', async () => {
    // The samples' parties are of organisatie 0999: destinations without organisatie match them (rzs.md A23).
    const zonderOrganisatie = (o: TestOntvanger) => ({ naam: o.naam, adres: o.adres, ontvanger: { applicatie: o.applicatie } });
    const g = await startGateway({ bestemmingen: [zonderOrganisatie(regie), zonderOrganisatie(wmo)], bezorging: SNEL });
    try {
      const zaak = '0999WMO000000000123';
      goed(await g.stuur(inEnvelope(creeerZaak({ id: zaak, zaaktype: WMO.code, zaaktypeOmschrijving: WMO.omschrijving, sturing: { zender: 'REGIESYSTEEM', organisatie: '0999' } })), { actie: `${ZDS12}creeerZaak_ZakLk01` }));
      expect(bv03(await g.stuur(inEnvelope(sample('rzs/overdragenZaak_Di01.xml')), { actie: `${RZS_ACTIE}overdragenZaak` }))).toBe('OVZ-2024-000007');
      expect(inhoud(await ontvangen(wmo, 'OVZ-2024-000007'))).toMatchObject({ zender: 'REGIESYSTEEM', ontvanger: 'WMO-BACKOFFICE', zaak, meldingen: ['Graag in behandeling nemen: huishoudelijke hulp'] });
      expect(bv03(await g.stuur(inEnvelope(sample('rzs/overdragenZaak_Du01.xml')), { actie: `${RZS_ACTIE}bevestigOverdragenZaak` }))).toBe('WMO-ACK-000311');
      expect(inhoud(await ontvangen(regie, 'WMO-ACK-000311'))).toMatchObject({ crossRefnummer: 'OVZ-2024-000007', antwoord: 'Overdracht geaccepteerd' });
      expect((await overdracht('OVZ-2024-000007', g))?.status).toBe('geaccepteerd');
    } finally {
      await g.sluit();
    }
  });

  it('in beveiligd mode only the regie hands a zaak over; the backoffice answers with its own credentials', async () => {
    const bo = new TestOntvanger('bo', APPLICATIES.backoffice.applicatie);
    await bo.start();
    const g = await startGateway({
      ...beveiligd(),
      bestemmingen: [bestemming(regie), bestemming(bo)],
      bezorging: SNEL,
    });
    try {
      const zaak = await maakZaak(g, WMO, { zender: APPLICATIES.regie.applicatie, headers: aanmelding('regie') });
      const di01 = (zender: string): Di01 => ({ zaak, zaaktype: WMO.code, ref: nieuweRef('OVZ'), zender, ontvanger: APPLICATIES.backoffice.applicatie });
      const doorBackoffice = schoneFout(await stuurDi01('rzs', di01(APPLICATIES.backoffice.applicatie), { g, headers: aanmelding('backoffice') }));
      expect(doorBackoffice).toMatchObject({ code: 'StUF052' });
      expect(doorBackoffice.details).toContain('rol regie');
      expect(await g.app.gateway.store.overdrachten.lijst()).toEqual([]);

      const opdracht = di01(als('regie').zender!);
      bv03(await stuurDi01('rzs', opdracht, { g, headers: aanmelding('regie') }));
      expect(inhoud(await ontvangen(bo, opdracht.ref)).zaak).toBe(zaak);
      const antwoordRef = nieuweRef('ACK');
      const du01: Du01 = { zaak, antwoord: 'Overdracht geaccepteerd', ref: antwoordRef, cross: opdracht.ref, zender: APPLICATIES.backoffice.applicatie };
      bv03(await stuurDu01('rzs', du01, { g, headers: aanmelding('backoffice') }));
      expect(inhoud(await ontvangen(regie, antwoordRef)).antwoord).toBe('Overdracht geaccepteerd');
      expect((await overdracht(opdracht.ref, g))?.status).toBe('geaccepteerd');
    } finally {
      await g.sluit();
      await bo.stop();
    }
  });
});
