// Serves our own WSDLs and schemas (wsdl/, xsd/) with our address in them: GET <endpoint>?wsdl gives the ZDS 1.2
// WSDL of that port (?wsdl&dialect=zds11 the ZDS 1.1 one); the schemas they import are under /xsd/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config';

export const ADRES_PLAATSHOUDER = '{{ADRES}}';

/** The repository root, whether running from src/ (ts-jest) or dist/ (node). */
export function projectMap(): string {
  for (const kandidaat of [join(__dirname, '..'), join(__dirname, '..', '..')]) {
    if (existsSync(join(kandidaat, 'wsdl')) && existsSync(join(kandidaat, 'package.json'))) return kandidaat;
  }
  throw new Error('wsdl/ niet gevonden naast de gateway');
}

function leesMap(map: string, extensie: string): Map<string, string> {
  const bestanden = new Map<string, string>();
  if (!existsSync(map)) return bestanden;
  for (const f of readdirSync(map)) if (f.endsWith(extensie)) bestanden.set(f, readFileSync(join(map, f), 'utf8'));
  return bestanden;
}

function basisAdres(req: FastifyRequest, config: Config): string {
  if (config.server.publiekAdres) return config.server.publiekAdres.replace(/\/+$/, '');
  const proto = (req.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0] ?? req.protocol;
  const host = (req.headers['x-forwarded-host'] as string | undefined) ?? req.headers.host ?? `localhost:${config.server.port}`;
  return `${proto}://${host}`;
}

export function registreerWsdl(app: FastifyInstance, config: Config): void {
  const root = projectMap();
  const wsdls = leesMap(join(root, 'wsdl'), '.wsdl');
  const xsds = leesMap(join(root, 'xsd'), '.xsd');
  const vul = (tekst: string, req: FastifyRequest) => tekst.split(ADRES_PLAATSHOUDER).join(basisAdres(req, config));

  app.get('/*', async (req, reply) => {
    const [pad, query = ''] = req.url.split('?');
    const params = new URLSearchParams(query);
    if (pad.startsWith('/xsd/')) {
      const xsd = xsds.get(pad.slice('/xsd/'.length));
      if (!xsd) return reply.code(404).send({ fout: `schema ${pad} bestaat niet` });
      return reply.header('content-type', 'text/xml; charset=utf-8').send(vul(xsd, req));
    }
    const endpoint = pad.replace(/\/+$/, '').split('/').pop() ?? '';
    if (!params.has('wsdl')) {
      return reply.code(404).send({ fout: `niets op ${pad}; SOAP-berichten gaan met POST, de WSDL staat op ${pad}?wsdl` });
    }
    const dialect = params.get('dialect') === 'zds11' ? 'zds11' : 'zds12';
    const naam = endpoint === 'VrijeBerichten' && dialect === 'zds12' ? 'VerwerkSynchroonVrijBericht' : endpoint;
    const wsdl = wsdls.get(`${dialect}-${naam}.wsdl`) ?? wsdls.get(`${dialect}-${endpoint}.wsdl`);
    if (!wsdl) return reply.code(404).send({ fout: `geen WSDL voor ${endpoint} (${dialect})` });
    return reply.header('content-type', 'text/xml; charset=utf-8').send(vul(wsdl, req));
  });
}
