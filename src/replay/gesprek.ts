// A recorded conversation: a folder with gesprek.yaml naming its steps (request file, SOAPAction, endpoint,
// expected answer file, and the notifications the step must cause). Integration testers replay them against a
// gateway to see that nothing changed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

const notificatie = z.strictObject({
  /** The destination it must be delivered to: the first path segment of its adres (`{ontvanger}/<naam>/…`). */
  bestemming: z.string().min(1),
  /** The file with the expected message (the whole SOAP envelope, as delivered). */
  bericht: z.string().min(1),
});

const stap = z.strictObject({
  verzoek: z.string().min(1),
  actie: z.string().optional(),
  pad: z.string().startsWith('/').default('/OntvangAsynchroon'),
  antwoord: z.string().min(1),
  /** The HTTP status the answer must come with (200, or 500 for a fault). */
  status: z.number().int().default(200),
  /** What the gateway must deliver because of this step, and nothing else: per destination in this order. */
  notificaties: z.array(notificatie).default([]),
});

const gespreksbestand = z.strictObject({
  omschrijving: z.string(),
  /** Configuration overrides for the gateway the conversation is replayed against in-process. */
  configuratie: z.record(z.string(), z.unknown()).default({}),
  stappen: z.array(stap).min(1),
});

export type Stap = z.infer<typeof stap>;

export interface Gesprek {
  map: string;
  omschrijving: string;
  configuratie: Record<string, unknown>;
  stappen: (Omit<Stap, 'notificaties'> & { verzoekXml: string; antwoordPad: string; notificaties: { bestemming: string; pad: string }[] })[];
}

export function leesGesprek(map: string): Gesprek {
  const bestand = join(map, 'gesprek.yaml');
  if (!existsSync(bestand)) throw new Error(`${bestand} bestaat niet`);
  const r = gespreksbestand.safeParse(YAML.parse(readFileSync(bestand, 'utf8')));
  if (!r.success) throw new Error(`${bestand}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return {
    map,
    omschrijving: r.data.omschrijving,
    configuratie: r.data.configuratie,
    stappen: r.data.stappen.map((s) => ({
      ...s,
      verzoekXml: readFileSync(join(map, s.verzoek), 'utf8'),
      antwoordPad: join(map, s.antwoord),
      notificaties: s.notificaties.map((n) => ({ bestemming: n.bestemming, pad: join(map, n.bericht) })),
    })),
  };
}
