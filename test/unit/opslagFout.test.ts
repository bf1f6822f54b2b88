// Which store errors are a temporary unavailability (answered StUF046/StUF049, "bied het bericht later opnieuw aan")
// rather than an internal fault (StUF058): SQLite's codes, PostgreSQL's connection and resource classes, socket errors.
// Only the code is named: the message of a socket error holds the database's address.
import { tijdelijkeOpslagfout } from '../../src/soap/opslagFout';

const fout = (code: unknown) => Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code });

describe('tijdelijkeOpslagfout', () => {
  it.each([
    ['SQLITE_BUSY'],
    ['SQLITE_IOERR_WRITE'],
    ['08006'], // connection_failure
    ['08001'], // sqlclient_unable_to_establish_sqlconnection
    ['57P01'], // admin_shutdown
    ['57P02'], // crash_shutdown
    ['57P03'], // cannot_connect_now
    ['53300'], // too_many_connections
    ['53100'], // disk_full
    ['40001'], // serialization_failure after the store's retries
    ['40P01'], // deadlock_detected
    ['ECONNREFUSED'],
    ['ECONNRESET'],
    ['ETIMEDOUT'],
    ['EAI_AGAIN'],
  ])('%s is temporary, and only the code is named', (code) => {
    expect(tijdelijkeOpslagfout(fout(code))).toBe(code);
  });

  it.each([
    ['23505'], // unique_violation: a real conflict, not the database being away
    ['23502'], // not_null_violation
    ['42P01'], // undefined_table: a programming or migration error
    ['22P02'], // invalid_text_representation
    ['57014'], // query_canceled: class 57 is not temporary as a whole
    ['ERR_ASSERTION'],
    ['sqlite_busy'],
    [42],
    [undefined],
  ])('%s is no temporary store failure', (code) => {
    expect(tijdelijkeOpslagfout(fout(code))).toBeUndefined();
  });

  it.each([
    ['Connection terminated unexpectedly'],
    ['Connection terminated due to connection timeout'],
    ['Connection terminated'],
    ['timeout exceeded when trying to connect'],
    ['Client has encountered a connection error and is not queryable'],
    ['Query read timeout'],
  ])('node-postgres without a code: "%s" is temporary, named as no connection', (melding) => {
    expect(tijdelijkeOpslagfout(new Error(melding))).toBe('geen verbinding');
  });

  it('node-postgres messages count only as the whole message, and only without a code of another kind', () => {
    expect(tijdelijkeOpslagfout(new Error('Connection terminated unexpectedly while reading 111222333'))).toBeUndefined();
    expect(tijdelijkeOpslagfout(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ERR_X' }))).toBeUndefined();
  });

  it('without an error object or a code: no temporary store failure', () => {
    expect(tijdelijkeOpslagfout(undefined)).toBeUndefined();
    expect(tijdelijkeOpslagfout(null)).toBeUndefined();
    expect(tijdelijkeOpslagfout('SQLITE_BUSY')).toBeUndefined();
    expect(tijdelijkeOpslagfout(new Error('SQLITE_BUSY: database is locked'))).toBeUndefined();
  });
});
