// What a failed refresh may show readers of a mirror: why the partner could not be asked, never where it lives.
import { zonderAdres } from '../../src/partners/zonderAdres';
import type { PartnerConfig } from '../../src/partners/configSchema';

const partner = (adres: string, wsdl?: string) => ({ naam: 'zorg', zds: { adres, ...(wsdl ? { wsdl } : {}) } }) as unknown as PartnerConfig;
const ADRES = '[adres van de partner]';

describe('zonderAdres', () => {
  it('replaces the configured address, its host with port and its host name', () => {
    const p = partner('https://zorg.intern.example:8443/zds/BeantwoordVraag');
    expect(zonderAdres('niet bereikbaar: getaddrinfo ENOTFOUND zorg.intern.example', p)).toBe(`niet bereikbaar: getaddrinfo ENOTFOUND ${ADRES}`);
    expect(zonderAdres('connect ETIMEDOUT zorg.intern.example:8443', p)).toBe(`connect ETIMEDOUT ${ADRES}`);
    expect(zonderAdres('POST https://zorg.intern.example:8443/zds/BeantwoordVraag gaf 502', p)).toBe(`POST ${ADRES} gaf 502`);
  });

  it('replaces any URL and IP address, also of a WSDL or a redirect the configuration does not name', () => {
    const p = partner('http://10.1.2.3:8080/BeantwoordVraag', '/etc/zdsgw/zorg.wsdl');
    expect(zonderAdres('niet bereikbaar: connect ECONNREFUSED 10.1.2.3:8080', p)).toBe(`niet bereikbaar: connect ECONNREFUSED ${ADRES}`);
    expect(zonderAdres('WSDL /etc/zdsgw/zorg.wsdl niet te lezen: ENOENT', p)).toBe(`WSDL ${ADRES} niet te lezen: ENOENT`);
    expect(zonderAdres('doorgestuurd naar http://elders.example/x?y=1 en 192.168.0.9', undefined)).toBe(`doorgestuurd naar ${ADRES} en ${ADRES}`);
    expect(zonderAdres('connect ECONNREFUSED ::1:8080 of [fe80::1]:443', undefined)).toBe(`connect ECONNREFUSED ${ADRES} of ${ADRES}`);
  });

  it('leaves the reason, StUF codes and times alone', () => {
    const tekst = 'fout: StUF064 Zaak 0777Z0001 is niet gevonden (om 10:15:00)';
    expect(zonderAdres(tekst, partner('http://127.0.0.1:9000/BeantwoordVraag'))).toBe(tekst);
  });
});
