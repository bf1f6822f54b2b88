// The credentials of one HTTP request: the Authorization header and, on a TLS connection, the client certificate.
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import { Transport, leesBasic, normaliseerVingerafdruk } from './identificatie';

/** A certificate subject as `CN=…, O=…` (the order of the certificate), for matching `certificaat.onderwerp`. */
function onderwerpTekst(subject: Record<string, string | string[]> | undefined): string {
  if (!subject) return '';
  return Object.entries(subject)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

export function transportVan(req: FastifyRequest): Transport {
  const t: Transport = {};
  const basic = leesBasic(req.headers.authorization);
  if (basic) t.basic = basic;
  const socket = req.raw.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate === 'function') {
    const cert = socket.getPeerCertificate();
    if (cert && cert.fingerprint256) {
      t.certificaat = {
        vingerafdruk: normaliseerVingerafdruk(cert.fingerprint256),
        onderwerp: onderwerpTekst(cert.subject as unknown as Record<string, string | string[]>),
        geverifieerd: socket.authorized === true,
      };
    }
  }
  return t;
}
