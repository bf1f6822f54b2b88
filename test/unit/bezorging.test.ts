// The pure parts of delivery: the back-off between attempts, and what an answer means for the outbox (rzs.md A10,
// §6.5: a Bv03 or Bv01 is delivered, a fault with plek client is final, anything else is worth another attempt).
import { wachttijdMs } from '../../src/uitgaand/bezorger';
import { beoordeel } from '../../src/uitgaand/verzender';
import { bestemmingSchema, bezorgingSchema } from '../../src/uitgaand/configSchema';
import { envelope, faultEnvelope } from '../../src/soap/envelope';
import { bv03, foutbericht } from '../../src/stuf/berichten';
import { StufFout } from '../../src/stuf/fout';
import { NS } from '../../src/stuf/namespaces';
import { antwoordStuurgegevens } from '../../src/stuf/stuurgegevens';
import { el } from '../../src/stuf/xml';

describe('wachttijdMs: de eerste wachttijd, verdubbeld na elke mislukte poging, tot het maximum', () => {
  const b = bezorgingSchema.parse({ eersteWachttijdSeconden: 10, maxWachttijdSeconden: 300 });

  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [4, 80_000],
    [5, 160_000],
    [6, 300_000],
    [50, 300_000],
  ])('na %i mislukte poging(en): %i ms', (pogingen, ms) => {
    expect(wachttijdMs(b, pogingen)).toBe(ms);
  });

  it('nog geen mislukte poging telt als de eerste; fracties van seconden blijven', () => {
    expect(wachttijdMs(b, 0)).toBe(10_000);
    expect(wachttijdMs({ ...b, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5 }, 3)).toBeCloseTo(400);
    expect(wachttijdMs({ ...b, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5 }, 4)).toBeCloseTo(500);
  });

  it('de standaardinstellingen: 10 s, dan verdubbelen tot een uur', () => {
    const standaard = bezorgingSchema.parse({});
    expect([1, 2, 9, 10, 20].map((n) => wachttijdMs(standaard, n))).toEqual([10_000, 20_000, 2_560_000, 3_600_000, 3_600_000]);
  });
});

describe('beoordeel: wat het antwoord van een bestemming betekent', () => {
  const verzoek = { berichtcode: 'Di01', zender: { organisatie: '0599', applicatie: 'ZDSGW' }, ontvanger: { organisatie: '0599', applicatie: 'ABONNEE' }, referentienummer: 'GW1', tijdstipBericht: '20240115103000000', functie: 'notificeerOverZaak' };
  const eigen = { organisatie: '0599', applicatie: 'ABONNEE' };
  const fo03 = (plek: 'client' | 'server', versie: '1.1' | '1.2' = '1.1') => {
    const fout = plek === 'client' ? new StufFout('StUF058', 'object/identificatie is onbekend', 'client') : new StufFout('StUF046', 'database niet bereikbaar', 'server');
    return faultEnvelope(versie, plek, fout.omschrijving, foutbericht('Fo03', fout, verzoek, eigen));
  };

  it('Bv03 en Bv01 (synchroon) zijn afgeleverd, in SOAP 1.1 en 1.2', () => {
    expect(beoordeel({ status: 200, body: envelope('1.1', bv03(verzoek, eigen)) })).toMatchObject({ soort: 'afgeleverd', berichtcode: 'Bv03' });
    expect(beoordeel({ status: 200, body: envelope('1.2', bv03(verzoek, eigen)) })).toMatchObject({ soort: 'afgeleverd', berichtcode: 'Bv03' });
    const bv01 = el(NS.stuf, 'Bv01Bericht', [antwoordStuurgegevens(NS.stuf, verzoek, eigen, { berichtcode: 'Bv01', volledig: true })]);
    expect(beoordeel({ status: 200, body: envelope('1.1', bv01) })).toMatchObject({ soort: 'afgeleverd', berichtcode: 'Bv01' });
  });

  it('Fo03 met plek client: geweigerd (niet opnieuw), met code, plek en details in de fouttekst', () => {
    expect(beoordeel({ status: 500, body: fo03('client') })).toMatchObject({ soort: 'geweigerd', foutcode: 'StUF058', fout: expect.stringMatching(/^Fo03: StUF058: plek client: .*: object\/identificatie is onbekend$/) });
  });

  it('Fo03 met plek server: mislukt (opnieuw proberen)', () => {
    expect(beoordeel({ status: 500, body: fo03('server') })).toMatchObject({ soort: 'mislukt', foutcode: 'StUF046', fout: expect.stringMatching(/^Fo03: StUF046: plek server: .*database niet bereikbaar$/) });
  });

  it('SOAP 1.2-fault: de plek in de Fo03 beslist; zonder StUF-detail beslist de Code (Sender of Receiver)', () => {
    expect(beoordeel({ status: 500, body: fo03('client', '1.2') }).soort).toBe('geweigerd');
    expect(beoordeel({ status: 500, body: fo03('server', '1.2') }).soort).toBe('mislukt');
    const kaal = (code: string) =>
      `<env:Envelope xmlns:env="${NS.soap12}"><env:Body><env:Fault><env:Code><env:Value>env:${code}</env:Value></env:Code>` +
      `<env:Reason><env:Text xml:lang="nl">kapot</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`;
    expect(beoordeel({ status: 500, body: kaal('Sender') })).toMatchObject({ soort: 'geweigerd', fout: 'kapot' });
    expect(beoordeel({ status: 500, body: kaal('Receiver') })).toMatchObject({ soort: 'mislukt', fout: 'kapot' });
  });

  it('SOAP 1.1-fault zonder StUF-detail: faultcode Client is geweigerd, Server mislukt', () => {
    const kaal = (code: string) =>
      `<s:Envelope xmlns:s="${NS.soap11}"><s:Body><s:Fault><faultcode>s:${code}</faultcode><faultstring>niet goed</faultstring></s:Fault></s:Body></s:Envelope>`;
    expect(beoordeel({ status: 500, body: kaal('Client') })).toMatchObject({ soort: 'geweigerd', fout: 'niet goed' });
    expect(beoordeel({ status: 500, body: kaal('Server') })).toMatchObject({ soort: 'mislukt', fout: 'niet goed' });
  });

  it('geen SOAP (een proxy die 502 geeft, een leeg antwoord): mislukt, met de HTTP-status', () => {
    expect(beoordeel({ status: 502, body: 'Bad   Gateway\n' })).toMatchObject({ soort: 'mislukt', fout: 'HTTP 502: geen SOAP-antwoord (Bad Gateway )' });
    expect(beoordeel({ status: 202, body: '' })).toMatchObject({ soort: 'mislukt', fout: expect.stringMatching(/^HTTP 202: geen SOAP-antwoord/) });
  });

  it('SOAP met iets anders dan Bv03/Bv01: mislukt, met wat er wel kwam', () => {
    const bv02 = `<s:Envelope xmlns:s="${NS.soap11}"><s:Body><StUF:Bv02Bericht xmlns:StUF="${NS.stuf}"/></s:Body></s:Envelope>`;
    expect(beoordeel({ status: 200, body: bv02 })).toMatchObject({ soort: 'mislukt', fout: `HTTP 200: antwoord is geen Bv03 maar {${NS.stuf}}Bv02Bericht` });
    expect(beoordeel({ status: 200, body: '<html><body>Welkom</body></html>' })).toMatchObject({ soort: 'mislukt', fout: 'HTTP 200: antwoord is geen Bv03 maar {}html' });
  });
});

describe('bestemming.certificaat: clientcertificaat en/of de CA van de bestemming', () => {
  const bestemming = (certificaat: unknown) =>
    bestemmingSchema.safeParse({ naam: 'abonnee', adres: 'https://abonnee.example/OntvangAsynchroon', ontvanger: { applicatie: 'ABONNEE' }, certificaat });

  it('sleutel en certificaat samen, met of zonder ca; of alleen ca (een bestemming met basic achter een eigen CA)', () => {
    expect(bestemming({ sleutel: '/k.pem', certificaat: '/c.pem' }).success).toBe(true);
    expect(bestemming({ sleutel: '/k.pem', certificaat: '/c.pem', ca: '/ca.pem' }).success).toBe(true);
    expect(bestemming({ ca: '/ca.pem' }).success).toBe(true);
  });

  it('een sleutel zonder certificaat (of omgekeerd), of niets, wordt geweigerd met een uitleg', () => {
    expect(bestemming({ sleutel: '/k.pem', ca: '/ca.pem' }).error?.issues.map((i) => i.message)).toEqual(['geef sleutel en certificaat samen (het clientcertificaat), of geen van beide']);
    expect(bestemming({ certificaat: '/c.pem' }).error?.issues.map((i) => i.message)).toEqual(['geef sleutel en certificaat samen (het clientcertificaat), of geen van beide']);
    expect(bestemming({}).error?.issues.map((i) => i.message)).toEqual(['geef een clientcertificaat (sleutel en certificaat) en/of ca']);
  });
});
