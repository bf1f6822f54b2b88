import { join } from 'node:path';
import { ConfigFout, loadConfig, parseConfig } from '../../src/config';
import { Zaaktypecatalogus } from '../../src/domain/zaaktypen';
import { STANDAARD_PROFIEL } from '../../src/domain/zaakProfiel';
import { controleerTransport } from '../../src/toegang/tls';

describe('config', () => {
  it('has sensible defaults with the two RZS reference zaaktypes', () => {
    const c = parseConfig({});
    expect(c.server.port).toBe(8080);
    expect(c.server.host).toBe('0.0.0.0');
    expect(c.database.path).toBe('./data/gateway.db');
    expect(c.zaaktypen.catalogus.map((z) => z.soort)).toEqual(['gezinsplan', 'levensdomeinplan']);
    expect(c.zaaktypen.catalogus[0].statustypen.find((s) => s.eindstatus)?.omschrijving).toBe('Zaak afgerond');
  });
  it('names the offending field', () => {
    expect(() => parseConfig({ server: { port: 'x' } })).toThrow(/server\.port/);
    expect(() => parseConfig({ zaaktypen: { catalogus: [{ code: 'ABCDEFGHIJKL', omschrijving: 'x' }] } })).toThrow(/zaaktypen\.catalogus\.0\.code/);
    expect(() => parseConfig({ onbekend: 1 })).toThrow(ConfigFout);
  });
  it('password cache and failed-login throttling: documented defaults, and limits that must be positive', () => {
    const c = parseConfig({});
    expect(c.toegang.wachtwoordCacheSeconden).toBe(300);
    expect(c.toegang.mislukteInlogs).toEqual({ perAdres: 20, perGebruiker: 10, vensterSeconden: 300, blokkeerSeconden: 300, vertragingMs: 1000 });
    expect(parseConfig({ toegang: { wachtwoordCacheSeconden: 0, mislukteInlogs: { perAdres: 5 } } }).toegang.mislukteInlogs.perAdres).toBe(5);
    expect(() => parseConfig({ toegang: { mislukteInlogs: { perGebruiker: 0 } } })).toThrow(/toegang\.mislukteInlogs\.perGebruiker/);
    expect(() => parseConfig({ toegang: { wachtwoordCacheSeconden: -1 } })).toThrow(/toegang\.wachtwoordCacheSeconden/);
    expect(() => parseConfig({ toegang: { mislukteInlogs: { onbekend: 1 } } })).toThrow(ConfigFout);
  });
  it('lets the environment override the file', () => {
    const c = loadConfig({ PORT: '9090', HOST: '127.0.0.1', DATABASE_PATH: '/tmp/x.db', LOG_LEVEL: 'warn' });
    expect(c.server.port).toBe(9090);
    expect(c.server.host).toBe('127.0.0.1');
    expect(c.database.path).toBe('/tmp/x.db');
    expect(c.log.level).toBe('warn');
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/server\.port/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/log\.level/);
  });

  it('accepts the example production configuration that docker-compose.yml uses', () => {
    const c = loadConfig({ GATEWAY_CONFIG: join(__dirname, '..', '..', 'config', 'voorbeeld-productie.yaml'), DATABASE_PATH: '/data/gateway.db' });
    expect(c.database.path).toBe('/data/gateway.db');
    expect(c.zaaktypen.onbekend).toBe('weigeren');
    expect(c.zaaktypen.catalogus.map((z) => z.code)).toEqual(['GZP', 'LDP', 'WMO01']);
    expect(c.stuf.ontvangers?.length).toBe(2);
    expect(c.bestemmingen.map((b) => b.naam)).toEqual(['regiesysteem', 'wmo']);
    expect(c.overdracht.backoffices).toEqual({ WMO01: 'wmo' });
    expect(new Zaaktypecatalogus(c.zaaktypen).profiel('WMO01')).toEqual(expect.objectContaining({ afsluiten: 'eindstatusWachtOpResultaat', statustypeAnderZaaktype: 'opOmschrijving' }));
    expect(c.rzs.eenPlanPerGezin).toBe('weiger');
    expect(c.signalen).toEqual(expect.objectContaining({ zaaktypen: ['WMO01'], bestemming: 'regiesysteem' }));
    expect(c.partners[0].afspraken).toEqual([{ zaaktype: 'ZN-BEGELEID', termijnDagen: 28, statussen: [2], documenten: ['Ondersteuningsplan'] }]);
    expect(c.archief.selectielijst.map((r) => `${r.zaaktype} ${String(r.resultaat)} ${r.nominatie}`)).toEqual([
      'GZP * vernietigen', 'LDP * vernietigen', 'WMO01 Toegekend,Verleend vernietigen', 'WMO01 * vernietigen',
    ]);
    expect(c.archief.selectielijst[2].brondatum).toEqual({ extraElement: 'eindeVoorziening' });
    expect(c.rapport.minimumAantal).toBe(10);
  });

  describe('destinations, subscriptions and the outbox', () => {
    const regie = { naam: 'regie', adres: 'http://127.0.0.1:9/OntvangAsynchroon', ontvanger: { applicatie: 'REGIESYSTEEM' } };
    it('fills defaults: every zaaktype and gebeurtenis, the RZS dialect, intern', () => {
      const c = parseConfig({ bestemmingen: [regie], abonnementen: [{ bestemming: 'regie' }] });
      expect(c.abonnementen[0]).toEqual({ bestemming: 'regie', zaaktypen: ['*'], gebeurtenissen: ['*'] });
      expect(c.bestemmingen[0].dialect).toBe('rzs');
      expect(c.notificaties.modus).toBe('intern');
      expect(c.bezorging.maxPogingen).toBe(10);
    });
    it('refuses references to destinations that do not exist, and duplicate names', () => {
      expect(() => parseConfig({ abonnementen: [{ bestemming: 'nergens' }] })).toThrow(/abonnementen\.0\.bestemming: bestemming 'nergens' staat niet onder bestemmingen/);
      expect(() => parseConfig({ bestemmingen: [regie, regie] })).toThrow(/bestemmingen\.1\.naam/);
      expect(() => parseConfig({ overdracht: { backoffices: { WMO01: 'wmo' } } })).toThrow(/overdracht\.backoffices\.WMO01/);
      expect(() => parseConfig({ bestemmingen: [regie], notificaties: { modus: 'extern' } })).toThrow(/notificaties\.abonnementenbeheer/);
    });
    it('refuses a gebeurtenis that is not one of the standard five, and a bad back-off', () => {
      expect(() => parseConfig({ bestemmingen: [regie], abonnementen: [{ bestemming: 'regie', gebeurtenissen: ['Zaak gewijzigd'] }] })).toThrow(/abonnementen\.0\.gebeurtenissen\.0/);
      expect(() => parseConfig({ bezorging: { eersteWachttijdSeconden: 100, maxWachttijdSeconden: 10 } })).toThrow(/eersteWachttijdSeconden/);
      expect(() => parseConfig({ bestemmingen: [{ ...regie, adres: 'ftp://x/y' }] })).toThrow(/bestemmingen\.0\.adres/);
    });
  });

  describe('ketenpartners', () => {
    const zorg = { naam: 'zorg', zender: { organisatie: '0777', applicatie: 'ZORGSYS' }, zaakidentificatie: ['0777'] };
    const app = (rol: string) => ({ zender: zorg.zender, rol, basic: { gebruikersnaam: 'zorg', wachtwoord: 'zorg-geheim-1' } });

    it('fills defaults: an hour old at most, a minute between failed questions, zds 1.2 with a 10 s timeout', () => {
      const [p] = parseConfig({ partners: [{ ...zorg, zds: { adres: 'http://partner/BeantwoordVraag' } }] }).partners;
      expect(p).toEqual(expect.objectContaining({ maxOuderdomMinuten: 60, wachtNaFoutSeconden: 60 }));
      expect(p.zds).toEqual(expect.objectContaining({ dialect: 'zds12', timeoutSeconden: 10 }));
    });

    it('refuses duplicates, a numbering that is our own gemeentecode, and a bad address', () => {
      expect(() => parseConfig({ partners: [zorg, zorg] })).toThrow(/partner 'zorg' komt meer dan eens voor/);
      expect(() => parseConfig({ partners: [{ ...zorg, zaakidentificatie: ['05'] }] })).toThrow(/partners\.0\.zaakidentificatie\.0.*gemeentecode 0599/);
      expect(() => parseConfig({ partners: [{ ...zorg, zds: { adres: 'ftp://x' } }] })).toThrow(/partners\.0\.zds\.adres/);
    });

    it('in beveiligd mode the partner must be a registered application with rol ketenpartner', () => {
      expect(() => parseConfig({ toegang: { modus: 'beveiligd', applicaties: [] }, partners: [zorg] })).toThrow(/staat niet onder toegang\.applicaties/);
      expect(() => parseConfig({ toegang: { modus: 'beveiligd', applicaties: [app('regie')] }, partners: [zorg] })).toThrow(/rol regie, verwacht ketenpartner/);
      expect(parseConfig({ toegang: { modus: 'beveiligd', applicaties: [app('ketenpartner')] }, partners: [zorg] }).partners).toHaveLength(1);
    });
  });

  describe('zaakprofielen', () => {
    const wmo = (profiel?: unknown, eindstatus = true) => ({
      code: 'WMO01', omschrijving: 'Aanvraag Wmo-voorziening',
      statustypen: [{ volgnummer: 1, omschrijving: 'Ontvangen' }, { volgnummer: 2, omschrijving: 'Afgehandeld', eindstatus }],
      ...(profiel ? { profiel } : {}),
    });
    const catalogus = (c: ReturnType<typeof parseConfig>) => new Zaaktypecatalogus(c.zaaktypen);

    it('without a profile every zaaktype closes as before: an end status sets einddatum, no default resultaat, another zaaktype refused', () => {
      const c = parseConfig({});
      expect(c.zaaktypen.profiel).toEqual({});
      expect(catalogus(c).profiel('GZP')).toEqual(STANDAARD_PROFIEL);
      expect(catalogus(c).profiel('ONBEKEND')).toEqual(STANDAARD_PROFIEL);
    });

    it("a zaaktype's keys override the default profile's; waarden merge per field; standaardResultaat null takes the default away", () => {
      const c = parseConfig({
        zaaktypen: {
          profiel: {
            afsluiten: 'einddatumZetEindstatus',
            standaardResultaat: { omschrijving: 'Afgehandeld' },
            waarden: { toelichting: { vast: 'Via het portaal' }, 'resultaat.toelichting': { uitExtraElement: 'uitkomst' } },
          },
          catalogus: [
            wmo({ afsluiten: 'eindstatusWachtOpResultaat', standaardResultaat: null, statustypeAnderZaaktype: 'opOmschrijving', waarden: { toelichting: { uitExtraElement: 'notitie' } } }),
            { ...wmo(), code: 'WMO02' },
          ],
        },
      });
      const k = catalogus(c);
      expect(k.profiel('WMO01')).toEqual({
        afsluiten: 'eindstatusWachtOpResultaat',
        statustypeAnderZaaktype: 'opOmschrijving',
        waarden: { toelichting: { uitExtraElement: 'notitie' }, 'resultaat.toelichting': { uitExtraElement: 'uitkomst' } },
      });
      expect(k.profiel('WMO02')).toEqual({
        afsluiten: 'einddatumZetEindstatus',
        standaardResultaat: { omschrijving: 'Afgehandeld' },
        statustypeAnderZaaktype: 'weigeren',
        waarden: { toelichting: { vast: 'Via het portaal' }, 'resultaat.toelichting': { uitExtraElement: 'uitkomst' } },
      });
      expect(k.profiel('ONBEKEND').afsluiten).toBe('einddatumZetEindstatus');
      expect(k.eindstatustype('WMO01')?.volgnummer).toBe(2);
    });

    it('names the field of an unknown way of closing, an unknown field to fill, and a value source that is neither or both', () => {
      expect(() => parseConfig({ zaaktypen: { profiel: { afsluiten: 'sluitNooit' } } })).toThrow(/zaaktypen\.profiel\.afsluiten/);
      expect(() => parseConfig({ zaaktypen: { catalogus: [wmo({ waarden: { identificatie: { vast: 'x' } } })] } })).toThrow(/zaaktypen\.catalogus\.0\.profiel\.waarden/);
      expect(() => parseConfig({ zaaktypen: { profiel: { waarden: { toelichting: {} } } } })).toThrow(/zaaktypen\.profiel\.waarden\.toelichting: geef precies één van vast en uitExtraElement/);
      expect(() => parseConfig({ zaaktypen: { profiel: { waarden: { toelichting: { vast: 'a', uitExtraElement: 'b' } } } } })).toThrow(/geef precies één/);
      expect(() => parseConfig({ zaaktypen: { profiel: { statustypeAnderZaaktype: 'altijd' } } })).toThrow(/zaaktypen\.profiel\.statustypeAnderZaaktype/);
      expect(() => parseConfig({ zaaktypen: { profiel: { standaardResultaat: { omschrijving: 'x'.repeat(81) } } } })).toThrow(/zaaktypen\.profiel\.standaardResultaat\.omschrijving/);
    });

    it('checks a fixed value as a sent value is checked: length, date, value list', () => {
      expect(() => parseConfig({ zaaktypen: { profiel: { waarden: { omschrijving: { vast: 'x'.repeat(81) } } } } })).toThrow(/zaaktypen\.profiel\.waarden\.omschrijving\.vast: .*langer dan 80 tekens/);
      expect(() => parseConfig({ zaaktypen: { profiel: { waarden: { startdatum: { vast: '2024-01-15' } } } } })).toThrow(/zaaktypen\.profiel\.waarden\.startdatum\.vast: .*geen geldige StUF-datum/);
      expect(() => parseConfig({ zaaktypen: { catalogus: [wmo({ waarden: { zaakniveau: { vast: '4' } } })] } })).toThrow(/zaaktypen\.catalogus\.0\.profiel\.waarden\.zaakniveau\.vast: .*geen geheel getal van 1 tot en met 3/);
      expect(() => parseConfig({ zaaktypen: { profiel: { waarden: { 'opschorting.indicatie': { vast: 'ja' } } } } })).toThrow(/opschorting\.indicatie\.vast: .*geen indicatie/);
      expect(parseConfig({ zaaktypen: { profiel: { waarden: { zaakniveau: { vast: '1' }, 'resultaat.omschrijving': { vast: 'Verleend' } } } } }).zaaktypen.profiel.waarden).toBeDefined();
    });

    it('refuses a default resultaat where the zaak waits for the consumer\'s, and closing by einddatum without an end status', () => {
      expect(() => parseConfig({ zaaktypen: { profiel: { afsluiten: 'eindstatusWachtOpResultaat', standaardResultaat: { omschrijving: 'x' } } } }))
        .toThrow(/zaaktypen\.profiel\.standaardResultaat: afsluiten eindstatusWachtOpResultaat wacht op het resultaat/);
      expect(() => parseConfig({ zaaktypen: { profiel: { standaardResultaat: { omschrijving: 'x' } }, catalogus: [wmo({ afsluiten: 'sluitMetEinddatumEnResultaat' })] } }))
        .toThrow(/zaaktypen\.catalogus\.0\.profiel\.standaardResultaat: .*standaardResultaat: null/);
      expect(parseConfig({ zaaktypen: { profiel: { standaardResultaat: { omschrijving: 'x' } }, catalogus: [wmo({ afsluiten: 'sluitMetEinddatumEnResultaat', standaardResultaat: null })] } }).zaaktypen.catalogus).toHaveLength(1);
      expect(() => parseConfig({ zaaktypen: { catalogus: [wmo({ afsluiten: 'einddatumZetEindstatus' }, false)] } }))
        .toThrow(/zaaktypen\.catalogus\.0\.profiel\.afsluiten: .*geen statustype met eindstatus: true/);
      expect(() => parseConfig({ zaaktypen: { profiel: { afsluiten: 'sluitMetEinddatumEnResultaat' }, catalogus: [wmo(undefined, false)] } }))
        .toThrow(/zaaktypen\.catalogus\.0\.statustypen: afsluiten sluitMetEinddatumEnResultaat \(uit zaaktypen\.profiel\)/);
    });
  });

  describe('start-up checks of what needs TLS (controleerTransport)', () => {
    const tls = { sleutel: '/pad/server.key', certificaat: '/pad/server.crt' };
    const wachtwoordApp = { zender: { organisatie: '0599', applicatie: 'REGIE' }, rol: 'regie', basic: { gebruikersnaam: 'regie', wachtwoord: 'regie-geheim-1' } };
    const certApp = (certificaat: Record<string, string>) => ({ zender: { organisatie: '0599', applicatie: 'KCC' }, rol: 'kcc', certificaat });
    const VINGER = 'AB'.repeat(32);
    const controle = (raw: Record<string, unknown>) => () => controleerTransport(parseConfig(raw));

    it('server.tlsBijProxy is off unless set', () => {
      expect(parseConfig({}).server.tlsBijProxy).toBe(false);
      expect(() => parseConfig({ server: { tlsBijProxy: 'ja' } })).toThrow(/server\.tlsBijProxy/);
    });

    it('basic auth in beveiligd mode needs server.tls, or server.tlsBijProxy which answers a warning instead', () => {
      const toegang = { modus: 'beveiligd', applicaties: [wachtwoordApp] };
      expect(controle({ toegang })).toThrow(/^configuratie: toegang\.applicaties\.0\.basic: applicatie 0599\/REGIE meldt zich aan met een wachtwoord, maar de gateway spreekt onversleuteld HTTP/);
      expect(controle({ toegang })).not.toThrow(/regie-geheim-1/);
      expect(controle({ toegang, server: { tls } })()).toEqual([]);
      expect(controle({ toegang, server: { tlsBijProxy: true } })()).toEqual([expect.stringMatching(/^configuratie: server\.tlsBijProxy: geen server\.tls: de wachtwoorden van 0599\/REGIE zijn alleen beschermd als de proxy/)]);
      expect(controle({ toegang: { modus: 'open', applicaties: [wachtwoordApp] } })()).toEqual([]);
    });

    it('a certificate registration needs server.tls (a proxy does not pass it on) and a clientCertificaat the gateway asks for', () => {
      const toegang = { modus: 'beveiligd', applicaties: [certApp({ vingerafdruk: VINGER })] };
      expect(controle({ toegang })).toThrow('configuratie: toegang.applicaties.0.certificaat: applicatie 0599/KCC meldt zich aan met een clientcertificaat, maar zonder server.tls ziet de gateway nooit een certificaat');
      expect(controle({ toegang, server: { tlsBijProxy: true } })).toThrow(/toegang\.applicaties\.0\.certificaat: .*ook niet achter een proxy/);
      expect(controle({ toegang: { ...toegang, modus: 'open' } })).toThrow(/toegang\.applicaties\.0\.certificaat/);
      expect(controle({ toegang, server: { tls: { ...tls, clientCertificaat: 'geen' } } })).toThrow(/toegang\.applicaties\.0\.certificaat: .*server\.tls\.clientCertificaat geen vraagt er nooit om/);
      expect(controle({ toegang, server: { tls } })()).toEqual([]);
    });

    it('a subject match needs server.tls.ca; a fingerprint does not', () => {
      const toegang = { modus: 'beveiligd', applicaties: [certApp({ vingerafdruk: VINGER, onderwerp: 'CN=kcc' })] };
      expect(controle({ toegang, server: { tls } })).toThrow(/^configuratie: toegang\.applicaties\.0\.certificaat\.onderwerp: .*server\.tls\.ca ontbreekt/);
      expect(controle({ toegang, server: { tls: { ...tls, ca: '/pad/ca.crt' } } })()).toEqual([]);
    });

    it('every refusal is one line naming its field', () => {
      const toegang = { modus: 'beveiligd', applicaties: [wachtwoordApp, certApp({ onderwerp: 'CN=kcc' })] };
      let melding = '';
      try {
        controleerTransport(parseConfig({ toegang }));
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigFout);
        melding = (e as Error).message;
      }
      expect(melding.split('\n').map((r) => r.split(': ')[1])).toEqual(['toegang.applicaties.0.basic', 'toegang.applicaties.1.certificaat']);
    });

    it('TLS settings of an outgoing connection to an http address are refused; a password over http is a warning', () => {
      const regie = { naam: 'regie', adres: 'http://regie.example/OntvangAsynchroon', ontvanger: { organisatie: '0599', applicatie: 'REGIESYSTEEM' } };
      expect(controle({ bestemmingen: [{ ...regie, certificaat: { ca: '/pad/ca.crt' } }] })).toThrow(/^configuratie: bestemmingen\.0\.certificaat: het adres http:\/\/regie\.example\/OntvangAsynchroon is http/);
      expect(controle({ bestemmingen: [{ ...regie, adres: 'https://regie.example/x', certificaat: { ca: '/pad/ca.crt' } }] })()).toEqual([]);
      const waarschuwingen = controle({ bestemmingen: [{ ...regie, basic: { gebruikersnaam: 'gw', wachtwoord: 'uitgaand-geheim' } }] })();
      expect(waarschuwingen).toEqual([expect.stringMatching(/^configuratie: bestemmingen\.0\.basic: het wachtwoord gaat onversleuteld naar http:/)]);
      expect(waarschuwingen.join('')).not.toContain('uitgaand-geheim');
      const zorg = { naam: 'zorg', zender: { organisatie: '0777', applicatie: 'ZORGSYS' }, zaakidentificatie: ['0777'] };
      expect(controle({ partners: [{ ...zorg, zds: { adres: 'http://partner/BeantwoordVraag', certificaat: { ca: '/pad/ca.crt' } } }] })).toThrow(/^configuratie: partners\.0\.zds\.certificaat: /);
    });
  });
});
