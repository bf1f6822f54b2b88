// What the soap-package client tests share: calling an operation while keeping every request the client built from
// our WSDL (validated against the schemas at the end of each test file), and catching the fault of a call.
import * as soap from 'soap';

export type SoapClient = soap.Client & Record<string, (args: unknown) => Promise<[Record<string, any>, string]>>;

export class Opname {
  /** Every request the soap package built, by operation and sequence number. */
  readonly verzoeken: Record<string, string> = {};

  async roep(client: SoapClient, operatie: string, args: unknown): Promise<Record<string, any>> {
    try {
      const [antwoord] = await client[`${operatie}Async`](args);
      return antwoord;
    } finally {
      this.verzoeken[`${operatie}-${Object.keys(this.verzoeken).length + 1}`] = client.lastRequest!;
    }
  }

  /** The operations called, in order. */
  operaties(): string[] {
    return Object.keys(this.verzoeken).map((k) => k.replace(/-\d+$/, ''));
  }
}

/** The error a rejected call ends with. */
export const fout = (p: Promise<unknown>) => p.then(() => { throw new Error('verwacht een SOAP-fault'); }, (e: unknown) => e as Error & { root?: any });

/** The soap package parses a repeating element as an object when it occurs once. */
export const alsLijst = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Puts a test gateway on a real loopback port (the soap client fetches the WSDL over HTTP); returns its base URL. */
export async function luister(gw: { app: { listen(o: { port: number; host: string }): Promise<unknown>; server: { address(): unknown } } }): Promise<string> {
  await gw.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(gw.app.server.address() as { port: number }).port}`;
}
