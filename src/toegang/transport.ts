// The credentials of one HTTP request: the Authorization header and, on a TLS connection, the client certificate.
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import { Clientcertificaat, Transport, leesBasic, normaliseerVingerafdruk, waaromOnleesbaar } from './identificatie';

function certificaatVan(socket: TLSSocket, caIngesteld: boolean): Clientcertificaat | undefined {
  const x509 = socket.getPeerX509Certificate?.();
  if (!x509) return undefined;
  const van = Date.parse(x509.validFrom);
  const tot = Date.parse(x509.validTo);
  return {
    vingerafdruk: normaliseerVingerafdruk(x509.fingerprint256),
    onderwerp: x509.subject,
    // Without server.tls.ca Node checks against the public root CAs: a subject they vouch for is not ours to trust.
    geverifieerd: caIngesteld && socket.authorized === true,
    ...(Number.isFinite(van) ? { geldigVanaf: van } : {}),
    ...(Number.isFinite(tot) ? { geldigTot: tot } : {}),
  };
}

/** `caIngesteld`: server.tls.ca is configured, so a verified certificate was signed by the municipality's own CA. */
export function transportVan(req: FastifyRequest, caIngesteld = false): Transport {
  // The address and connection count failed logins and let an already proven keep-alive connection through a block.
  const t: Transport = { adres: req.ip, verbinding: req.raw.socket };
  const header = req.headers.authorization;
  if (header !== undefined && header.trim() !== '') {
    const basic = leesBasic(header);
    if (basic) t.basic = basic;
    else t.onleesbareAanmelding = waaromOnleesbaar(header);
  }
  const socket = req.raw.socket as TLSSocket;
  if (socket && (socket as Partial<TLSSocket>).encrypted) {
    const certificaat = certificaatVan(socket, caIngesteld);
    if (certificaat) t.certificaat = certificaat;
  }
  return t;
}
