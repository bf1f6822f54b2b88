// The front door (issue 13): every attack class measured on the old reader, at a bounded size, refused with StUF055
// plek client (Fo02/Fo03 as the message decides), nothing stored, and a normal creeerZaak succeeding afterwards.
// Sizes here are small: whether the cost stays linear is measured by `npm run bench` (the attack case), not here.
import { startGateway, TestGateway } from '../support/gateway';
import { goed, objectUit, schoneFout } from '../support/antwoorden';
import { inEnvelope, ZDS12 } from '../support/soap';
import * as m from '../support/zdsBerichten';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ invoer: { maxElementen: 5000, maxTekstLengte: 64 * 1024, maxTekstTotaal: 256 * 1024 } });
});
afterAll(async () => gw.sluit());

let n = 0;
const nieuwId = () => `0599VD${String(++n).padStart(6, '0')}`;
const CREEER = ZDS12 + 'creeerZaak_ZakLk01';

/** A creeerZaak whose envelope text the attack may change; sent as bytes when a Buffer. */
async function stuur(body: string | Buffer, opties: { contentType?: string; actie?: string } = {}) {
  const r = await gw.app.inject({
    method: 'POST',
    url: '/OntvangAsynchroon',
    payload: body,
    headers: { 'content-type': opties.contentType ?? 'text/xml; charset=utf-8', soapaction: opties.actie ?? CREEER },
  });
  return { status: r.statusCode, body: r.body, headers: r.headers };
}

async function bestaat(id: string): Promise<boolean> {
  const r = await gw.stuur(inEnvelope(m.geefZaakdetails(id)), { actie: ZDS12 + 'geefZaakdetails_ZakLv01', pad: '/BeantwoordVraag' });
  return objectUit(r) !== undefined;
}

/** Refused as the client's mistake, with the details matching; then the gateway still takes a normal zaak. */
async function geweigerd(r: { status: number; body: string; headers: Record<string, unknown> }, details: RegExp, soort = 'Fo03') {
  const f = schoneFout(r);
  expect([f.soort, f.code, f.plek]).toEqual([soort, 'StUF055', 'client']);
  expect(f.details).toMatch(details);
  const id = nieuwId();
  expect(goed(await gw.stuur(inEnvelope(m.creeerZaak({ id })), { actie: CREEER })).local).toBe('Bv03Bericht');
}

/** The envelope of a creeerZaak with `voor` before the root and `in` inside the zaak's omschrijving. */
function zaakMet(id: string, opties: { voor?: string; omschrijving?: string; object?: string } = {}): string {
  const attributen = `<ZKN:omschrijving>${opties.omschrijving ?? 'Zaak'}</ZKN:omschrijving><ZKN:startdatum>20240115</ZKN:startdatum>`;
  const xml = inEnvelope(m.creeerZaak({ id, attributen: attributen + (opties.object ?? '') }));
  return (opties.voor ?? '') + xml;
}

describe('DOCTYPE, ook verstopt', () => {
  it('40.000 commentaren die <!DOCTYPE noemen zijn commentaar: de zaak wordt gewoon aangemaakt', async () => {
    const id = nieuwId();
    const r = await stuur(zaakMet(id, { voor: '<!--<!DOCTYPE-->'.repeat(40_000) }));
    expect(goed(r).local).toBe('Bv03Bericht');
    expect(await bestaat(id)).toBe(true);
  });

  it.each([
    ['na veel commentaar', '<!--<!DOCTYPE-->'.repeat(1000) + '<!DOCTYPE a [<!ENTITY lol9 "x">]>'],
    ['achter een commentaar met <![CDATA[', '<!--<![CDATA[--><!DOCTYPE a [<!ENTITY lol9 "x">]>'],
    ['vooraan', '<!DOCTYPE a>'],
  ])('een echte DOCTYPE %s: StUF055, &lol9; niet opgeslagen', async (_naam, voor) => {
    const id = nieuwId();
    await geweigerd(await stuur(zaakMet(id, { voor, omschrijving: 'a &lol9; b' })), /DOCTYPE is niet toegestaan/);
    expect(await bestaat(id)).toBe(false);
  });
});

describe('XML die niet well-formed is, wordt nooit bevestigd', () => {
  it.each([
    ['een niet gedeclareerde entiteit', { omschrijving: 'a &naam; b' }, /undefined entity &naam;/],
    ['een NUL-teken', { omschrijving: 'a\u0000b' }, /Invalid character|disallowed character/],
    ['&#0;', { omschrijving: 'a&#0;b' }, /invalid character|character entity/],
    [']]> in tekst', { omschrijving: 'a]]>b' }, /well-formed/],
    ['een onbekende XML-versie', { voor: '<?xml version="1.7"?>' }, /XML-versie '1.7'/],
    ['een processing instruction die niet sluit', { omschrijving: '<?pi niet gesloten' }, /well-formed/],
  ])('%s: StUF055 client, niets opgeslagen', async (_naam, opties, details) => {
    const id = nieuwId();
    await geweigerd(await stuur(zaakMet(id, opties)), details);
    expect(await bestaat(id)).toBe(false);
  });

  it('ongeldige UTF-8 wordt geweigerd, niet als U+FFFD opgeslagen', async () => {
    const id = nieuwId();
    const [voor, na] = zaakMet(id, { omschrijving: 'SPLITS' }).split('SPLITS');
    const body = Buffer.concat([Buffer.from(voor, 'utf8'), Buffer.from([0x63, 0x61, 0x66, 0xc3, 0x28]), Buffer.from(na, 'utf8')]);
    await geweigerd(await stuur(body), /geen geldige utf-8/);
    expect(await bestaat(id)).toBe(false);
  });

  it('twee byte order marks: de tweede is tekst vóór de root', async () => {
    const id = nieuwId();
    await geweigerd(await stuur('\uFEFF\uFEFF' + zaakMet(id, { voor: '<?xml version="1.0" encoding="UTF-8"?>' })), /well-formed/);
    expect(await bestaat(id)).toBe(false);
  });

  it('ongeldige UTF-8 diep in een groot bericht (in stukken gedecodeerd) wordt net zo geweigerd', async () => {
    const id = nieuwId();
    const [voor, na] = zaakMet(id, { voor: '<!--x-->'.repeat(80_000), omschrijving: 'SPLITS' }).split('SPLITS');
    const body = Buffer.concat([Buffer.from(voor, 'utf8'), Buffer.from([0xe2, 0x82]), Buffer.from(na, 'utf8')]);
    await geweigerd(await stuur(body), /geen geldige utf-8/);
    expect(await bestaat(id)).toBe(false);
  });

  it('UTF-16 met BOM wordt als UTF-16 gelezen', async () => {
    const id = nieuwId();
    const tekst = zaakMet(id, { omschrijving: 'Zaak met é' });
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tekst, 'utf16le')]);
    expect(goed(await stuur(body, { contentType: 'text/xml' })).local).toBe('Bv03Bericht');
    expect(await bestaat(id)).toBe(true);
  });
});

describe('limieten: een fout meteen, met de naam van de limiet', () => {
  it('nesting dieper dan invoer.maxDiepte (100): StUF055 client, niet StUF058 server', async () => {
    const diep = '<ZKN:x>'.repeat(150) + '</ZKN:x>'.repeat(150);
    await geweigerd(await stuur(zaakMet(nieuwId(), { object: `<ZKN:anderZaakObject>${diep}</ZKN:anderZaakObject>` })), /invoer\.maxDiepte = 100/);
  });

  it('meer attributen dan invoer.maxAttributen op één element', async () => {
    const attrs = Array.from({ length: 5000 }, (_, i) => ` a${i}="x"`).join('');
    await geweigerd(await stuur(zaakMet(nieuwId(), { object: `<ZKN:toelichting${attrs}>x</ZKN:toelichting>` })), /invoer\.maxAttributen = 64/);
  });

  it('meer elementen dan invoer.maxElementen', async () => {
    await geweigerd(await stuur(zaakMet(nieuwId(), { object: '<ZKN:kenmerk/>'.repeat(6000) })), /invoer\.maxElementen = 5000/);
  });

  it('een naam langer dan invoer.maxNaamLengte', async () => {
    await geweigerd(await stuur(zaakMet(nieuwId(), { object: `<ZKN:${'n'.repeat(5000)}/>` })), /invoer\.maxNaamLengte = 256/);
  });

  it('een tekst langer dan invoer.maxTekstLengte, ook verdeeld over stukken', async () => {
    await geweigerd(await stuur(zaakMet(nieuwId(), { omschrijving: 'x'.repeat(700 * 1024) })), /invoer\.maxTekstLengte = 65536/);
  });

  it('meer tekst in totaal dan invoer.maxTekstTotaal, elke tekst binnen zijn eigen limiet', async () => {
    const stuk = `<ZKN:toelichting>${'x'.repeat(60 * 1024)}</ZKN:toelichting>`;
    await geweigerd(await stuur(zaakMet(nieuwId(), { object: stuk.repeat(6) })), /invoer\.maxTekstTotaal = 262144/);
  });

  it('een attribuutwaarde langer dan invoer.maxTekstLengte', async () => {
    await geweigerd(await stuur(zaakMet(nieuwId(), { object: `<ZKN:toelichting a="${'x'.repeat(70 * 1024)}">x</ZKN:toelichting>` })), /invoer\.maxTekstLengte/);
  });
});

describe('MTOM', () => {
  const mtom = (delen: number, kop = 'Content-ID: <d@x>') => {
    const env = zaakMet(nieuwId());
    const stukken = [`--g\r\nContent-Type: application/xop+xml; type="text/xml"\r\nContent-ID: <root@x>\r\n\r\n${env}\r\n`];
    for (let i = 0; i < delen; i++) stukken.push(`--g\r\n${kop}\r\n\r\n\r\n\r\n\r\n`);
    stukken.push('--g--\r\n');
    return stukken.join('');
  };
  const CT = 'multipart/related; type="application/xop+xml"; boundary="g"; start="<root@x>"; start-info="text/xml"';

  it('meer delen dan invoer.mtomMaxDelen (100)', async () => {
    await geweigerd(await stuur(mtom(2000), { contentType: CT }), /invoer\.mtomMaxDelen = 100/);
  });

  it('kopregels groter dan invoer.mtomMaxKopBytes', async () => {
    await geweigerd(await stuur(mtom(1, `X-Lang: ${'a'.repeat(20_000)}`), { contentType: CT }), /invoer\.mtomMaxKopBytes = 8192/);
  });

  it('een deel zonder einde van de kopregels', async () => {
    const body = `--g\r\nContent-ID: <root@x>\r\n${'\r\n'.repeat(0)}zonder lege regel--g--\r\n`;
    await geweigerd(await stuur(body, { contentType: CT }), /multipart/);
  });
});

describe('een vraag die de lezer weigert is een Fo02', () => {
  it('geefZaakdetails met een DOCTYPE', async () => {
    const r = await gw.stuur('<!DOCTYPE a>' + inEnvelope(m.geefZaakdetails('0599VD000001')), { actie: ZDS12 + 'geefZaakdetails_ZakLv01', pad: '/BeantwoordVraag' });
    await geweigerd(r, /DOCTYPE/, 'Fo02');
  });
});
