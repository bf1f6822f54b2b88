// A SOAP fault for failures before a message could be read at all (transport errors, unknown endpoints, a caller
// refused before its body is parsed): Fo02 or Fo03 by the endpoint, the SOAP version by the content type.
import { foutbericht } from '../stuf/berichten';
import { StufFout } from '../stuf/fout';
import { Systeem } from '../stuf/stuurgegevens';
import { SoapVersie, contentType, faultEnvelope } from './envelope';
import { HttpAntwoord, foutSoortVoor } from './verwerker';

/** SOAP 1.2 travels as application/soap+xml, also as the root type of a MTOM request; everything else is read as 1.1. */
export function soapVersieVan(contentTypeHeader: string | undefined): SoapVersie {
  return /application\/soap\+xml/i.test(contentTypeHeader ?? '') ? '1.2' : '1.1';
}

export function foutAntwoord(pad: string, fout: StufFout, eigen: Systeem, versie: SoapVersie = '1.1'): HttpAntwoord & { body: string } {
  const detail = foutbericht(foutSoortVoor(pad), fout, {}, eigen);
  return { status: 500, contentType: contentType(versie), body: faultEnvelope(versie, fout.plek, fout.omschrijving, detail) };
}

/** A fault as a raw HTTP/1.1 response, for a connection HTTP itself gave up on; the connection closes after it. */
export function ruwFoutAntwoord(fout: StufFout, eigen: Systeem): string {
  const a = foutAntwoord('/', fout, eigen);
  return `HTTP/1.1 500 Internal Server Error\r\nContent-Type: ${a.contentType}\r\nContent-Length: ${Buffer.byteLength(a.body)}\r\nConnection: close\r\n\r\n${a.body}`;
}
