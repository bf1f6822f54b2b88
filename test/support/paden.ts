// Where the shared reference material lives (overridable), and where the suite writes the messages it receives.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(process.env.ZDS_SHARED ?? join(__dirname, '..', '..', '..', 'shared'));
export const SAMPLES = join(SHARED, 'samples');
export const VALIDATOR = join(SHARED, 'tools', 'StufValidate.java');
export const SCHEMAS = join(SHARED, 'schemas');
export const heeftShared = (): boolean => existsSync(VALIDATOR) && existsSync(join(SCHEMAS, 'zds12'));

/** Every SOAP answer and fault the suite receives is written here and validated after the run. */
export const BERICHTEN_MAP = resolve(process.env.ZDS_BERICHTEN_MAP ?? join(__dirname, '..', '..', 'test-output', 'berichten'));
