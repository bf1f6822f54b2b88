// Reading a notification trigger: what is taken over, what is refused with which StUF fault, and the lenient cases.
import { leesNotificatie } from '../../src/notificaties/notificatieLezen';
import { Afwijkingen } from '../../src/stuf/entiteit';
import { StufFout } from '../../src/stuf/fout';
import { parseXml } from '../../src/stuf/xml';
import { initieerNotificeer, Trigger } from '../support/rzsBerichten';

const lees = (xml: string, strikt = false) => {
  const afw = new Afwijkingen(strikt);
  const meldingen: string[] = [];
  const n = leesNotificatie(parseXml(xml), { zendendeApplicatieNaam: 'zendendeApplicatie', afw, meldingen });
  return { n, afwijkingen: afw.lijst, meldingen };
};
const trigger = (t: Trigger = {}) => initieerNotificeer({ zaak: '0599ZAAK00001', ...t });

function fout(f: () => unknown): { code: string; details: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof StufFout) return { code: e.code, details: e.details };
    throw e;
  }
  throw new Error('verwacht een StufFout');
}

describe('leesNotificatie', () => {
  it('takes over zaak, zaaktype, status, gebeurtenis and zendende applicatie', () => {
    const { n, afwijkingen, meldingen } = lees(trigger({
      zaaktype: { code: 'WMO01', omschrijving: 'Aanvraag Wmo-voorziening' },
      gebeurtenis: 'Actualiseer  zaakstatus',
      status: { zktCode: 'WMO01', volgnummer: '0002', code: 'INBEH', omschrijving: 'In behandeling', ingangsdatumObject: '20240101', datumStatusGezet: '20240115103000' },
    }));
    expect(n).toEqual({
      zaak: '0599ZAAK00001',
      zaaktype: { code: 'WMO01', omschrijving: 'Aanvraag Wmo-voorziening' },
      gebeurtenis: 'Actualiseer zaakstatus',
      status: { zktCode: 'WMO01', volgnummer: '0002', code: 'INBEH', omschrijving: 'In behandeling', ingangsdatumObject: '20240101', datumStatusGezet: '20240115103000' },
      zendendeApplicatie: { applicatie: 'REGIESYSTEEM' },
    });
    expect([afwijkingen, meldingen]).toEqual([[], []]);
  });

  it('nil status elements are no value; a heeft without content is no status', () => {
    expect(lees(trigger({ status: { volgnummer: '1' } })).n.status).toEqual({ volgnummer: '1' });
    const leeg = trigger().replace('</RZS:object>', '<ZKN:heeft StUF:entiteittype="ZAKSTT" xsi:nil="true" StUF:noValue="geenWaarde"/></RZS:object>');
    expect(lees(leeg).n.status).toBeUndefined();
  });

  it('without zendende applicatie: a note for the log, no deviation', () => {
    const { n, afwijkingen, meldingen } = lees(trigger({ zendendeApplicatie: null }));
    expect(n.zendendeApplicatie).toBeUndefined();
    expect(afwijkingen).toEqual([]);
    expect(meldingen).toEqual(['geen extraElement zendendeApplicatie: de zendende applicatie is onbekend, dus niemand wordt overgeslagen']);
  });

  it('refuses what the outgoing notification could not carry, naming the place', () => {
    expect(fout(() => lees(trigger({ status: { volgnummer: '12345' } })))).toEqual({ code: 'StUF055', details: "object/heeft/gerelateerde/volgnummer: '12345' is geen volgnummer (1 tot 4 cijfers)" });
    expect(fout(() => lees(trigger({ status: { code: 'VEEL-TE-LANG' } })))).toEqual({ code: 'StUF055', details: 'object/heeft/gerelateerde/code: waarde is langer dan 10 tekens' });
    expect(fout(() => lees(trigger({ status: { datumStatusGezet: '2024-01-15' } }))).details).toMatch(/^object\/heeft\/datumStatusGezet: de waarde \(10 tekens\) is geen geldig StUF-tijdstip/);
    expect(fout(() => lees(trigger({ zaak: 'ab' })))).toEqual({ code: 'StUF055', details: 'object/identificatie: een zaakidentificatie is 5 tot 40 tekens lang' });
    const zonderIsVan = trigger().replace(/<ZKN:isVan[\s\S]*<\/ZKN:isVan>/, '');
    expect(fout(() => lees(zonderIsVan))).toEqual({ code: 'StUF055', details: 'object/isVan ontbreekt: een notificatie noemt het zaaktype' });
    const zonderExtra = trigger().replace(/<StUF:extraElementen>[\s\S]*<\/StUF:extraElementen>/, '');
    expect(fout(() => lees(zonderExtra))).toEqual({ code: 'StUF055', details: 'object/extraElementen ontbreekt: het extraElement gebeurtenis is verplicht' });
  });

  it('namespaces count by URI: an object in the ZKN namespace is refused, whatever its prefix', () => {
    const verkeerd = trigger().replace(/<(\/?)RZS:object/g, '<$1ZKN:object');
    expect(fout(() => lees(verkeerd))).toEqual({
      code: 'StUF055',
      details: 'initieerNotificeerOverZaak_Di01/object staat in namespace http://www.egem.nl/StUF/sector/zkn/0310; verwacht RZS (http://www.stufstandaarden.nl/koppelvlak/rzs0310)',
    });
    const anderePrefix = trigger().replace(/RZS:/g, 'r:').replace('xmlns:RZS=', 'xmlns:r=');
    expect(lees(anderePrefix).n.zaak).toBe('0599ZAAK00001');
  });

  it('lenient about a missing zaaktype code and a second isVan; strict refuses them', () => {
    const zonderCode = trigger({ zaaktype: { omschrijving: 'Iets' } });
    expect(lees(zonderCode).afwijkingen).toEqual(['object/isVan/gerelateerde/code ontbreekt; alleen abonnementen op alle zaaktypen krijgen deze notificatie']);
    expect(fout(() => lees(zonderCode, true)).code).toBe('StUF055');
    const tweeIsVan = trigger().replace(/(<ZKN:isVan[\s\S]*<\/ZKN:isVan>)/, '$1$1');
    expect(lees(tweeIsVan).afwijkingen).toEqual(['object/isVan komt 2 keer voor; RZS staat er één toe, de eerste telt']);
  });
});
