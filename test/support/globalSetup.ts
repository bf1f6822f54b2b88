// Starts every run with an empty archive of received messages.
import { mkdirSync, rmSync } from 'node:fs';
import { BERICHTEN_MAP } from './paden';

export default async function globalSetup(): Promise<void> {
  rmSync(BERICHTEN_MAP, { recursive: true, force: true });
  mkdirSync(BERICHTEN_MAP, { recursive: true });
}
