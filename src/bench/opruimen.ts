// Cleaning up what the benchmark leaves behind (child processes, temporary directories), on a normal end, a
// failure or Ctrl-C. The actions are synchronous so that they can also run from the process 'exit' event.

type Actie = () => void;

const acties = new Set<Actie>();
let geinstalleerd = false;

function voerUit(): void {
  for (const a of [...acties].reverse()) {
    acties.delete(a);
    try {
      a();
    } catch {
      // cleaning up the rest matters more than one failure
    }
  }
}

/** Registers a cleanup action; the returned function runs it now (once) and unregisters it. */
export function bijAfsluiten(actie: Actie): () => void {
  installeer();
  acties.add(actie);
  return () => {
    if (acties.delete(actie)) actie();
  };
}

function installeer(): void {
  if (geinstalleerd) return;
  geinstalleerd = true;
  process.on('exit', voerUit);
  for (const signaal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signaal, () => {
      process.stderr.write(`\nbench: ${signaal} received, cleaning up\n`);
      voerUit();
      process.exit(130);
    });
  }
}
