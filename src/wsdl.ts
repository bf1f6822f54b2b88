// Serves our own WSDLs and schemas (wsdl/, xsd/) with our address in them: GET <endpoint>?wsdl gives the ZDS 1.2
// WSDL of that port (?wsdl&dialect=zds11 the ZDS 1.1 one, ?wsdl&dialect=rzs the RZS OntvangAsynchroon); the schemas
// they import are under /xsd/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config';
import type { Dialect } from './stuf/namespaces';
import { escapeAttr } from './stuf/xml';
import { ENDPOINTS, Endpoint, endpointVan } from './soap/endpoints';

const ENDPOINT_LIJST = ENDPOINTS.join(', ');

export const ADRES_PLAATSHOUDER = '{{ADRES}}';

/** The repository root, whether running from src/ (ts-jest) or dist/ (node). */
export function projectMap(): string {
  for (const kandidaat of [join(__dirname, '..'), join(__dirname, '..', '..')]) {
    if (existsSync(join(kandidaat, 'wsdl')) && existsSync(join(kandidaat, 'package.json'))) return kandidaat;
  }
  throw new Error('wsdl/ niet gevonden naast de gateway');
}

/** Files by lower-cased name: endpoints are matched case-insensitively, like the SOAP endpoints themselves. */
function leesMap(map: string, extensie: string): Map<string, string> {
  const bestanden = new Map<string, string>();
  if (!existsSync(map)) return bestanden;
  for (const f of readdirSync(map)) if (f.endsWith(extensie)) bestanden.set(f.toLowerCase(), readFileSync(join(map, f), 'utf8'));
  return bestanden;
}

// The Host header ends up inside XML attributes: only a plain host[:port] is used, anything else falls back.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function basisAdres(req: FastifyRequest, config: Config): string {
  if (config.server.publiekAdres) return escapeAttr(config.server.publiekAdres.replace(/\/+$/, ''));
  const eerste = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h)?.split(',')[0].trim();
  const doorgestuurd = eerste(req.headers['x-forwarded-proto']);
  const proto = doorgestuurd === 'https' || doorgestuurd === 'http' ? doorgestuurd : req.protocol;
  const host = [eerste(req.headers['x-forwarded-host']), req.headers.host].find((h) => h !== undefined && HOST.test(h));
  return `${proto}://${host ?? `localhost:${config.server.port}`}`;
}

/** The ZDS dialects, and RZS: its four messages have a WSDL of their own, for the OntvangAsynchroon port only. */
type WsdlDialect = Dialect | 'rzs';

/** The vrije berichten port is VerwerkSynchroonVrijBericht in ZDS 1.2 and VrijeBerichten in ZDS 1.1; either name works. */
const VRIJE_BERICHTEN: Record<Dialect, string> = { zds12: 'VerwerkSynchroonVrijBericht', zds11: 'VrijeBerichten' };

function wsdlBestand(endpoint: Endpoint, dialect: WsdlDialect): string {
  const vrij = endpoint === 'VrijeBerichten' || endpoint === 'VerwerkSynchroonVrijBericht';
  return `${dialect}-${vrij && dialect !== 'rzs' ? VRIJE_BERICHTEN[dialect] : endpoint}.wsdl`;
}

export function registreerWsdl(app: FastifyInstance, config: Config): void {
  const root = projectMap();
  const wsdls = leesMap(join(root, 'wsdl'), '.wsdl');
  const xsds = leesMap(join(root, 'xsd'), '.xsd');
  const vul = (tekst: string, req: FastifyRequest) => tekst.split(ADRES_PLAATSHOUDER).join(basisAdres(req, config));
  const xml = 'text/xml; charset=utf-8';

  app.get('/*', async (req, reply) => {
    const [pad, query = ''] = req.url.split('?');
    // Query keys case-insensitively: toolkits ask ?wsdl, ?WSDL or ?Wsdl.
    const params = new Map([...new URLSearchParams(query)].map(([k, v]) => [k.toLowerCase(), v]));
    // Also under a reverse-proxy prefix (/zds/xsd/...), as the schemas' own imports point there.
    const xsdPlek = pad.lastIndexOf('/xsd/');
    if (xsdPlek >= 0) {
      const xsd = xsds.get(pad.slice(xsdPlek + '/xsd/'.length).toLowerCase());
      if (!xsd) return reply.code(404).send({ fout: `schema ${pad} bestaat niet` });
      return reply.header('content-type', xml).send(vul(xsd, req));
    }
    const endpoint = endpointVan(pad);
    if (!params.has('wsdl')) {
      return reply.code(404).send({ fout: `niets op ${pad}; SOAP-berichten gaan met POST, de WSDL staat op ${pad}?wsdl` });
    }
    const gevraagd = params.get('dialect')?.toLowerCase();
    const dialect: WsdlDialect = gevraagd === 'zds11' || gevraagd === 'rzs' ? gevraagd : 'zds12';
    const wsdl = endpoint && wsdls.get(wsdlBestand(endpoint, dialect).toLowerCase());
    if (!wsdl) return reply.code(404).send({ fout: `geen WSDL voor ${pad} (${dialect}); endpoints: ${dialect === 'rzs' ? 'OntvangAsynchroon' : ENDPOINT_LIJST}` });
    return reply.header('content-type', xml).send(vul(wsdl, req));
  });
}
