// Builds the Fastify instance from a configuration. Tests use app.inject; main.ts listens on a port.
import type { IncomingMessage } from 'node:http';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Config } from './config';
import type { Store } from './store';
import { openStore } from './store/openen';
import { gereedheid } from './gereedheid';
import { versie } from './versie';
import { Metrieken } from './metrics/metrics';
import { Zaaktypecatalogus } from './domain/zaaktypen';
import { OPERATIES } from './operations';
import { Dispatcher } from './soap/dispatch';
import { ENDPOINTS, endpointVan } from './soap/endpoints';
import { Gateway } from './soap/operatie';
import { HttpAntwoord, Verwerker } from './soap/verwerker';
import { TeGrootFout, TeLaatFout, leesLichaam } from './soap/lichaam';
import { foutAntwoord, soapVersieVan } from './soap/foutAntwoord';
import { clientFoutAfhandeling, verbindingOpties } from './soap/verbinding';
import { StufFout, schemaFout } from './stuf/fout';
import { maakLogger } from './log';
import { registreerWsdl } from './wsdl';
import { Toegangsregister, Transport } from './toegang/identificatie';
import { transportVan } from './toegang/transport';
import { controleerTransport, httpsOpties } from './toegang/tls';
import { Bestemmingen } from './uitgaand/bestemmingen';
import { Bezorger } from './uitgaand/bezorger';
import { Partners } from './partners/partners';
import { Ververser } from './partners/verversen';
import { partnersZonderVermelding } from './partners/bereik';
import { SoapVerzender } from './uitgaand/verzender';
import { naOverdrachtBezorging } from './overdracht/bezorging';
import { Waarnemingen } from './waarneming';
import { Journaalschrijver } from './journaal/journaal';
import { Opschoner } from './bewaren/opschoner';
import { Termijnbewaker } from './partners/termijnbewaker';


export interface AppOpties {
  config: Config;
  store?: Store;
  log?: Logger;
}

export interface GatewayApp extends FastifyInstance {
  gateway: Gateway;
  /** The message journal's writer, when the journal is on: `leeg()` waits until what was reported is written. */
  journaal?: Journaalschrijver;
}

/** SOAP 1.1 carries the action in the SOAPAction header, SOAP 1.2 in the action parameter of the content type. */
function soapActie(req: FastifyRequest): string | undefined {
  const header = req.headers.soapaction;
  if (typeof header === 'string' && header.trim() !== '') return header;
  const m = /;\s*action\s*=\s*("([^"]*)"|[^;\s]+)/i.exec(req.headers['content-type'] ?? '');
  return m ? (m[2] ?? m[1]) : undefined;
}

export async function bouwApp(opties: AppOpties): Promise<GatewayApp> {
  const { config } = opties;
  // Before anything is opened: unusable PEM files or password hashes stop start-up with a ConfigFout.
  const transportWaarschuwingen = controleerTransport(config);
  const https = config.server.tls ? httpsOpties(config.server.tls) : undefined;
  const toegang = new Toegangsregister(config.toegang);
  const log = opties.log ?? maakLogger(config.log.level);
  for (const w of transportWaarschuwingen) log.warn(w);
  // A pooled PostgreSQL connection that broke while idle: the pool replaces it, so it is a warning, not a crash.
  const store = opties.store ?? (await openStore(config.database, { bijFout: (e) => log.warn({ fout: e.message }, 'databaseverbinding verbroken') }));
  const bestemmingen = new Bestemmingen(config.bestemmingen);
  const waarneming = new Waarnemingen((e) => log.error({ err: e }, 'waarnemer faalde'));
  // Label values only from what is known before any message: the operations and the configured names (src/metrics).
  const metrieken = config.metrics.aan
    ? new Metrieken({ store, log, operaties: OPERATIES.map((o) => o.naam), bestemmingen: config.bestemmingen.map((b) => b.naam), partners: config.partners.map((p) => p.naam) })
    : undefined;
  if (metrieken) waarneming.voegToe(metrieken);
  const gateway: Gateway = { config, store, catalogus: new Zaaktypecatalogus(config.zaaktypen), log, toegang, bestemmingen, partners: new Partners(config.partners), waarneming };
  gateway.ververser = new Ververser(gateway);
  for (const { applicatie, melding } of partnersZonderVermelding(config, gateway.partners)) log.warn({ applicatie }, melding);
  await store.abonnementen.zetConfig(config.abonnementen);
  const bezorger = new Bezorger(store, bestemmingen, config.bezorging, new SoapVerzender(config.bezorging.timeoutSeconden * 1000), log.child({ onderdeel: 'bezorger' }), naOverdrachtBezorging(), waarneming);
  gateway.bezorger = bezorger;
  const journaal = config.journaal.aan ? new Journaalschrijver(store, config, log.child({ onderdeel: 'journaal' })) : undefined;
  if (journaal) waarneming.voegToe(journaal);
  const opschoner = new Opschoner(store, config, log.child({ onderdeel: 'opschonen' }));
  const termijnbewaker = new Termijnbewaker(gateway, log.child({ onderdeel: 'partnertermijnen' }));
  const dispatcher = new Dispatcher(OPERATIES, log);
  const verwerker = new Verwerker(gateway, dispatcher);

  // No Fastify request log: the verwerker writes one line per message. The HTTP server keeps the header and request
  // clocks and the header size; what it refuses is answered with a SOAP fault by clientFoutAfhandeling.
  const verbinding = verbindingOpties(config.server);
  const basis = { bodyLimit: config.server.bodyLimit, requestTimeout: verbinding.requestTimeout, clientErrorHandler: clientFoutAfhandeling(config, log) };
  const app = (https ? Fastify({ ...basis, https: { ...https, ...verbinding } }) : Fastify({ ...basis, http: verbinding })) as unknown as GatewayApp;
  app.decorate('gateway', gateway);
  app.decorate('journaal', journaal);
  app.addHook('onReady', async () => bezorger.start());
  app.addHook('onReady', async () => opschoner.start());
  app.addHook('onReady', async () => termijnbewaker.start());
  // One hook, in this order (Fastify runs onClose hooks last-added first): the worker records the outcome of the
  // messages it is sending, the purge and the check of partner terms end after their current batch, the journal
  // writes what waits, then the store closes.
  app.addHook('onClose', async () => {
    await bezorger.stop();
    await opschoner.stop();
    await termijnbewaker.stop();
    await journaal?.leeg();
    if (!opties.store) await store.sluit();
  });

  // Every body is read as bytes, whatever content type a client sets; the verwerker decodes charset and MTOM.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req: FastifyRequest, stroom: IncomingMessage) => leesLichaam(stroom, config.server.bodyLimit));

  /** A request refused before the verwerker read it (transport, credentials, unknown endpoint): reported as unreadable. */
  const meldGeweigerd = (req: FastifyRequest, reply: FastifyReply, a: HttpAntwoord & { body: string }, fout: StufFout) => {
    const lengte = Number(req.headers['content-length']);
    waarneming.uitwisseling({
      tijd: new Date(Date.now() - reply.elapsedTime), richting: 'in', soort: 'verzoek', endpoint: req.url.split('?')[0], actie: soapActie(req),
      zaken: [], uitkomst: fout.code, foutcode: fout.code, httpStatus: a.status, ms: reply.elapsedTime, onleesbaar: true,
      grootteVerzoek: Number.isFinite(lengte) ? lengte : 0, grootteAntwoord: Buffer.byteLength(a.body), verzoek: () => '', antwoord: () => a.body,
    });
    return a;
  };

  const stuurAntwoord = (reply: FastifyReply, a: HttpAntwoord) => {
    reply.code(a.status).header('content-type', a.contentType);
    if (a.lengte !== undefined) reply.header('content-length', a.lengte);
    return reply.send(a.body);
  };

  // Transport-level failures (too large, too slow, unreadable body, no credentials) still get a StUF fault, never a
  // bare HTTP error.
  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, req, reply) => {
    let fout: StufFout;
    if (err instanceof StufFout) {
      fout = err;
    } else if (err instanceof TeLaatFout) {
      // The client is still sending: after the fault the connection closes instead of waiting for the rest.
      reply.header('connection', 'close');
      fout = new StufFout('StUF055', `Het HTTP-verzoek was niet binnen ${config.server.verzoekTimeoutSeconden} s compleet (server.verzoekTimeoutSeconden); de verbinding wordt gesloten`);
    } else if (err instanceof TeGrootFout || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      fout = new StufFout('StUF055', `Bericht is groter dan de ingestelde limiet van ${config.server.bodyLimit} bytes`);
    } else if (err.statusCode && err.statusCode < 500) {
      fout = schemaFout(`Het HTTP-verzoek kon niet gelezen worden: ${err.message}`);
    } else {
      log.error({ err }, 'onverwachte fout in de HTTP-laag');
      fout = new StufFout('StUF058', 'Interne fout in de gateway; niets is verwerkt');
    }
    if (fout.plek === 'client') log.warn({ fout: fout.code, details: fout.voorLog ?? fout.details }, 'geweigerd');
    stuurAntwoord(reply, meldGeweigerd(req, reply, foutAntwoord(req.url, fout, config.stuf.zender, soapVersieVan(req.headers['content-type'])), fout));
  });

  app.get('/health', async (_req, reply) => {
    const ok = await store.isBruikbaar();
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'database niet bruikbaar' });
  });
  // For an orchestrator: live asks nothing (restart only a process that no longer answers), ready asks everything
  // this instance needs to take traffic.
  app.get('/health/live', async (_req, reply) => reply.send({ status: 'ok' }));
  app.get('/health/ready', async (_req, reply) => {
    const g = await gereedheid(store, bezorger);
    return reply.code(g.gereed ? 200 : 503).send(g);
  });
  app.get('/version', async (_req, reply) => reply.send(versie()));
  // For Prometheus, without credentials like /health: counts and sizes, no data of a zaak.
  if (metrieken) app.get('/metrics', async (_req, reply) => reply.type(metrieken.contentType).send(await metrieken.tekst()));

  registreerWsdl(app, config);

  const caIngesteld = config.server.tls?.ca !== undefined;
  const transporten = new WeakMap<FastifyRequest, Transport>();
  /**
   * Credentials before parsing: a caller the transport does not identify (or identifies wrongly) is refused before
   * its message is read; its body is read to its end and dropped, so the refusal reaches it and costs no parsing.
   */
  const aanmelding = async (req: FastifyRequest, reply: FastifyReply) => {
    const transport = transportVan(req, caIngesteld);
    transporten.set(req, transport);
    try {
      await toegang.controleerAanmelding(transport);
    } catch (e) {
      try {
        await leesLichaam(req.raw, config.server.bodyLimit, { weggooien: true });
      } catch {
        reply.header('connection', 'close'); // too slow or too long even to drop: answered, then closed
      }
      throw e;
    }
  };

  app.post('/*', { preParsing: aanmelding }, async (req, reply) => {
    const endpoint = endpointVan(req.url);
    if (!endpoint) {
      const fout = new StufFout('StUF040', `Onbekend endpoint ${req.url.split('?')[0]}; gebruik /${ENDPOINTS.join(', /')}`);
      return stuurAntwoord(reply, meldGeweigerd(req, reply, foutAntwoord(req.url, fout, config.stuf.zender, soapVersieVan(req.headers['content-type'])), fout));
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return stuurAntwoord(reply, await verwerker.verwerk({ body, contentType: req.headers['content-type'], soapAction: soapActie(req), pad: req.url, transport: transporten.get(req) ?? transportVan(req, caIngesteld) }));
  });

  return app;
}
