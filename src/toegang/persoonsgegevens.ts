// Whether an answer carries personal data, and whose: the protocol is written for answers with natural persons or
// document content. Read from the answer itself, so no operation can forget to report it.
import { XElement, isNil } from '../stuf/xml';

export interface Persoonsgegevens {
  personen: boolean;
  bsns: string[];
  documentinhoud: boolean;
}

export function persoonsgegevensIn(bericht: XElement): Persoonsgegevens {
  const bsns = new Set<string>();
  let personen = false;
  let documentinhoud = false;
  const stap = (e: XElement) => {
    if (isNil(e)) return;
    if (e.local === 'natuurlijkPersoon') personen = true;
    else if (e.local === 'inp.bsn') {
      const bsn = e.text.trim();
      if (bsn) bsns.add(bsn);
    } else if (e.local === 'inhoud' && (e.binair !== undefined || e.text.trim() !== '')) documentinhoud = true;
    for (const c of e.children) stap(c);
  };
  stap(bericht);
  return { personen, bsns: [...bsns].sort(), documentinhoud };
}
