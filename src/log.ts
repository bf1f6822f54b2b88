// The logger. Log lines carry ids and referentienummers, never BSNs, names or document content; the redaction
// list is a second line of defence for fields that must never be printed even if someone logs an object whole.
import pino, { Logger } from 'pino';

export const NOOIT_LOGGEN = ['*.bsn', '*.inp.bsn', '*.geslachtsnaam', '*.voornamen', '*.inhoud', 'body', '*.body'];

export function maakLogger(level: string, bestemming?: pino.DestinationStream): Logger {
  return pino({ level, base: { svc: 'zds-gateway' }, redact: { paths: NOOIT_LOGGEN, censor: '[verborgen]' } }, bestemming);
}
