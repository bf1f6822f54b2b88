// What the archief subcommands share: who acts (--door), a zaak named on the command line, a list number, a limit.
import { GebruikFout } from '../opdracht/argumenten';

/** --door: who acts, recorded with the hold, the list or the destruction. */
export function door(sub: string, waarde: string | undefined, waarom: string): string {
  const w = waarde?.trim();
  if (!w) throw new GebruikFout(`archief ${sub}: geef --door WIE (${waarom})`);
  if (w.length > 200) throw new GebruikFout(`archief ${sub}: --door is langer dan 200 tekens`);
  return w;
}

/** The one zaak identificatie after the subcommand. */
export function eenZaak(sub: string, argumenten: string[], gebruik: string): string {
  if (argumenten.length !== 1 || !argumenten[0].trim()) throw new GebruikFout(`archief ${sub}: geef één zaakidentificatie\n${gebruik}`);
  return argumenten[0].trim();
}

/** A list number (the first column of `archief vernietig --lijst`). */
export function lijstnummer(sub: string, optie: string, w: string): number {
  if (!/^[1-9]\d{0,15}$/.test(w)) throw new GebruikFout(`archief ${sub}: ${optie}: '${w}' is geen lijstnummer (een positief geheel getal)`);
  return Number(w);
}

export function limiet(sub: string, w: string | undefined, standaard: number): number {
  if (w === undefined) return standaard;
  if (!/^[1-9]\d{0,6}$/.test(w)) throw new GebruikFout(`archief ${sub}: --limiet: '${w}' is geen aantal (1 tot 9999999)`);
  return Number(w);
}

/** JJJJMMDD as JJJJ-MM-DD for people; anything else as it is. */
export const datum = (w: string | null | undefined): string => (w && /^\d{8}$/.test(w) ? `${w.slice(0, 4)}-${w.slice(4, 6)}-${w.slice(6)}` : (w ?? '-'));
