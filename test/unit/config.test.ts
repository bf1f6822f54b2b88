import { join } from 'node:path';
import { ConfigFout, loadConfig, parseConfig } from '../../src/config';

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
  });
});
