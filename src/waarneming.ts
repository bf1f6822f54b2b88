// What the gateway observes about its own traffic, for whoever wants to know: the metrics (metrics/) count it, the
// message journal (journaal/) records it. The soap layer, the outbox worker and the partner mirror report here; they
// import neither feature. A failing observer is logged, never passed on to the message it observes.

/** Who started an exchange: a caller's request to us, or a message we sent. */
export type Richting = 'in' | 'uit';

/** What kind of exchange: a request to one of our endpoints, or what we send (outbox messages, partner questions). */
export type UitwisselingSoort = 'verzoek' | 'notificatie' | 'overdracht' | 'partnervraag';

/** One message exchange, request and answer, in either direction. Holds no document content. */
export interface Uitwisseling {
  /** When the request arrived (in) or was sent (uit). */
  tijd: Date;
  richting: Richting;
  soort: UitwisselingSoort;
  /** in: our endpoint path; uit: the destination's or partner's name. */
  endpoint: string;
  /** The SOAPAction (or action parameter / WS-Addressing Action) the request carried. */
  actie?: string;
  /** Our operation (in), or the message's berichtsoort and entity (uit), when known. */
  operatie?: string;
  dialect?: string;
  zender?: string;
  ontvanger?: string;
  referentienummer?: string;
  crossRefnummer?: string;
  zaken: string[];
  /**
   * How it ended: the answer's berichtcode (Bv03, La01, Du02, …), the StUF foutcode of a fault (StUF055, …), or
   * `transport` when no StUF answer came back (uit only).
   */
  uitkomst: string;
  /** The StUF foutcode, when the exchange ended in a fault. */
  foutcode?: string;
  /** HTTP status of the answer (0 when none arrived). */
  httpStatus: number;
  ms: number;
  /** Bytes of the request and of the answer (0 when unknown, e.g. a streamed answer of unknown length). */
  grootteVerzoek: number;
  grootteAntwoord: number;
  /** A resend recognised by (zender, referentienummer): answered again without processing it again. */
  herhaald?: boolean;
  /** in only: the message was refused before it could be read (no parseable envelope). */
  onleesbaar?: boolean;
  /** Attempt number of an outbox message (uit). */
  poging?: number;
  /** The request and answer as text, document content left out; computed only when an observer asks. */
  verzoek?: () => string;
  antwoord?: () => string;
}

export interface Waarnemer {
  uitwisseling?(u: Uitwisseling): void;
  /** A protocol row was written (lezen or schrijven), committed. */
  protocolRegel?(soort: string): void;
}

export class Waarnemingen {
  private readonly waarnemers: Waarnemer[] = [];

  constructor(private readonly bijFout: (e: unknown) => void = () => {}) {}

  voegToe(w: Waarnemer): void {
    this.waarnemers.push(w);
  }

  uitwisseling(u: Uitwisseling): void {
    for (const w of this.waarnemers) this.veilig(() => w.uitwisseling?.(u));
  }

  protocolRegel(soort: string): void {
    for (const w of this.waarnemers) this.veilig(() => w.protocolRegel?.(soort));
  }

  private veilig(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.bijFout(e);
    }
  }
}

const isNaamTeken = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2e || c === 0x5f;
/** How far back a prefix is read before `inhoud`. */
const MAX_PREFIX = 64;

/**
 * A message as text without document content: every `inhoud` element (the only element of the ZKN and StUF schemas
 * that carries it) is kept, empty; an `inhoud` that is never closed loses everything after its start tag. An MTOM
 * part is never in the text anyway (xop:Include points to it). One pass over the occurrences of `inhoud`, each looked
 * at once: linear in the text, also for a refused message built to make a regular expression backtrack.
 */
export function zonderInhoud(xml: string): string {
  if (!xml.includes('inhoud')) return xml;
  const delen: string[] = [];
  let vanaf = 0;
  /** The qualified name of the inhoud element we are in, while in one. */
  let binnen: string | undefined;
  /** The first '>' at or after the occurrence looked at (-1: none left); reused until it lies behind us. */
  let gt = 0;
  for (let i = xml.indexOf('inhoud'); i >= 0; i = xml.indexOf('inhoud', i + 6)) {
    const na = xml.charCodeAt(i + 6);
    if (!(na === 0x3e || na === 0x2f || na === 0x20 || na === 0x09 || na === 0x0a || na === 0x0d)) continue; // a longer name
    let j = i - 1;
    if (xml.charCodeAt(j) === 0x3a) for (j--; j >= 0 && i - j <= MAX_PREFIX && isNaamTeken(xml.charCodeAt(j)); j--);
    const qname = xml.slice(j + 1, i + 6);
    if (binnen === undefined && xml.charCodeAt(j) === 0x3c) {
      if (gt !== -1 && gt < i) gt = xml.indexOf('>', i);
      if (gt === -1) break;
      if (xml.charCodeAt(gt - 1) === 0x2f) continue; // <inhoud/>: nothing in it
      delen.push(xml.slice(vanaf, gt + 1));
      vanaf = gt + 1;
      binnen = qname;
    } else if (binnen === qname && xml.charCodeAt(j) === 0x2f && xml.charCodeAt(j - 1) === 0x3c) {
      vanaf = j - 1; // the content is skipped: copying resumes at the end tag
      binnen = undefined;
    }
  }
  if (binnen === undefined) delen.push(xml.slice(vanaf));
  return delen.join('');
}
