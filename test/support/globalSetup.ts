// Starts every run with an empty archive of received messages, and says which database the run uses. The
// PostgreSQL run (ZDS_TEST_DATABASE=postgres) gets a throwaway cluster, whose URL the test files find in
// ZDS_TEST_POSTGRES_URL; globalTeardown stops it. A URL given beforehand (a server of CI's own) is used instead.
import { mkdirSync, rmSync } from 'node:fs';
import { BERICHTEN_MAP } from './paden';
import { Cluster, startCluster, stopCluster } from './postgres';

declare global {
  // Shared with globalTeardown, which runs in the same context.
  var zdsgwCluster: Cluster | undefined;
}

export default async function globalSetup(): Promise<void> {
  rmSync(BERICHTEN_MAP, { recursive: true, force: true });
  mkdirSync(BERICHTEN_MAP, { recursive: true });
  if (process.env.ZDS_TEST_DATABASE !== 'postgres') {
    process.stdout.write('\ndatabase: SQLite (een bestand per testgateway)\n');
    return;
  }
  if (process.env.ZDS_TEST_POSTGRES_URL) {
    process.stdout.write(`\ndatabase: PostgreSQL op ${new URL(process.env.ZDS_TEST_POSTGRES_URL).host} (ZDS_TEST_POSTGRES_URL), een database per testgateway\n`);
    return;
  }
  const cluster = await startCluster();
  globalThis.zdsgwCluster = cluster;
  process.env.ZDS_TEST_POSTGRES_URL = cluster.url;
  // An interrupted run still removes its cluster.
  process.once('exit', () => {
    if (globalThis.zdsgwCluster) stopCluster(globalThis.zdsgwCluster);
  });
  process.stdout.write(`\ndatabase: PostgreSQL, wegwerpcluster op ${new URL(cluster.url).host} in ${cluster.map}, een database per testgateway\n`);
}
