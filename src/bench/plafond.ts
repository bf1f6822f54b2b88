// The ceiling: a bare Fastify server with one POST route that returns a fixed answer (the body and content type
// the gateway gave for the same case). Started as its own process, like the gateway, so that both are measured
// in the same topology: one server process, the load generator in another. Inside the bench process it would
// share an event loop (and a core) with autocannon and so report a lower, flattering ceiling.
//
// Env: PORT, HOST, PLAFOND_ANTWOORD (file with the body), PLAFOND_CONTENT_TYPE.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

async function start(): Promise<void> {
  const body = readFileSync(process.env.PLAFOND_ANTWOORD!, 'utf8');
  const contentType = process.env.PLAFOND_CONTENT_TYPE ?? 'text/xml; charset=utf-8';
  const app = Fastify();
  // Reading the request as text is the least any SOAP server does (Fastify would answer text/xml with 415).
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, b, done) => done(null, b));
  app.post('/*', async (_req, reply) => reply.code(200).header('content-type', contentType).send(body));
  await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
}

start().catch((e) => {
  process.stderr.write(`ceiling server failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
