// The check every secured test gateway runs on its log when it closes (test/support/gateway.ts).
import { parseConfig } from '../../src/config';
import { persoonsgegevensInLog } from '../support/gateway';

const config = parseConfig({
  server: { tlsBijProxy: true },
  toegang: { modus: 'beveiligd', applicaties: [{ zender: { organisatie: '0599', applicatie: 'REGIE' }, rol: 'regie', basic: { gebruikersnaam: 'regie', wachtwoord: 'Zeer-Geheim-42' } }] },
});

describe('persoonsgegevensInLog', () => {
  it('finds a BSN (nine digits passing the elfproef) and a configured password, and masks them in what it reports', () => {
    const gevonden = persoonsgegevensInLog(['{"msg":"verwerkt","bsn":"999993653"}', '{"msg":"login","x":"Zeer-Geheim-42"}'], config);
    expect(gevonden).toHaveLength(2);
    expect(gevonden.join()).not.toContain('999993653');
    expect(gevonden.join()).not.toContain('Zeer-Geheim-42');
  });

  it('lets other numbers pass: nine digits failing the elfproef, longer runs, referentienummers, the nine-digit tail of an identificatie', () => {
    expect(persoonsgegevensInLog(['{"time":1733350000000,"ref":"REF-123456789","n":"123456788","zaak":"0599INOZ999993653"}'], config)).toEqual([]);
  });
});
