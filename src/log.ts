// The logger. Log lines carry ids and referentienummers, never BSNs, names or document content; the redaction
// list is a second line of defence for fields that must never be printed even if someone logs an object whole
// (a PostgreSQL error's `detail` repeats the values of the row it refused, e.g. "Key (bsn)=(...) already exists").
import pino, { Logger } from 'pino';

export const NOOIT_LOGGEN = ['*.bsn', '*.inp.bsn', '*.geslachtsnaam', '*.voornamen', '*.inhoud', 'body', '*.body', '*.detail'];

export function maakLogger(level: string, bestemming?: pino.DestinationStream): Logger {
  return pino({ level, base: { svc: 'zds-gateway' }, redact: { paths: NOOIT_LOGGEN, censor: '[verborgen]' } }, bestemming);
}
