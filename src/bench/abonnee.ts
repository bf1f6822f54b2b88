// A subscriber for the notification case: its own process (like the ceiling) that answers every notification with
// a Bv03 and counts them; GET /aantal tells the bench how many arrived, so it can time how fast the outbox drains.
//
// Env: PORT, HOST.
import Fastify from 'fastify';
import { envelope } from '../soap/envelope';
import { bv03 } from '../stuf/berichten';
import { leesStuurgegevens } from '../stuf/stuurgegevens';
import { leesEnvelope } from '../soap/envelope';

async function start(): Promise<void> {
  let aantal = 0;
  const app = Fastify();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, b, done) => done(null, b));
  app.get('/aantal', async () => ({ aantal }));
  app.post('/*', async (req, reply) => {
    aantal++;
    const sg = leesStuurgegevens(leesEnvelope(String(req.body)).body);
    return reply.code(200).header('content-type', 'text/xml; charset=utf-8').send(envelope('1.1', bv03(sg, { applicatie: 'ABONNEE' })));
  });
  await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
}

start().catch((e) => {
  process.stderr.write(`subscriber failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
