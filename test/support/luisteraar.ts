// A test's own HTTP(S) server on a loopback port that can be brought down at once: stopping destroys the open
// connections too (keep-alive ones would otherwise hold close() until they time out), and it can listen again.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export class Luisteraar {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  /** The port it listens on; 0 before the first start (then a free one is taken). */
  port = 0;

  /** Listens with this server on its port (the first time a free one) on 127.0.0.1. */
  async luister(server: Server): Promise<number> {
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((klaar, mislukt) => {
      server.once('error', mislukt);
      server.listen(this.port, '127.0.0.1', () => klaar());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this.port;
  }

  /** Down: the port refuses connections until luister() is called again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((klaar) => server.close(() => klaar()));
  }
}
