// Values a simple type accepts: an enumeration's value, a string generated from its pattern (a small generator for
// the XSD regex subset the StUF schemas use: classes, ranges, escapes, groups, alternatives, quantifiers), lengths
// and digits respected. StUF dates and timestamps are typed as digits or a digit pattern, which a date-blind
// generator would fill with impossible dates: those are recognised by their type name and given a real one.
import type { SimpelType } from './schemaModel';

const DATUM = '20240115';
const TIJDSTIP = '20240115103000000';

/** A string matching one XSD regular expression (the first alternative, the least repetitions). */
export function uitPatroon(patroon: string): string {
  let i = 0;
  const volgende = () => patroon[i++];
  function escape(c: string): string[] {
    switch (c) {
      case 'd': return ['1'];
      case 's': return [' '];
      case 'w': return ['a'];
      case 'i': return ['a'];
      case 'c': return ['a'];
      case 'n': return ['\n'];
      case 't': return ['\t'];
      case 'p': {
        // \p{...}: a Unicode category; a letter satisfies the ones the schemas use.
        while (patroon[i] !== '}') i++;
        i++;
        return ['a'];
      }
      default: return [c];
    }
  }
  function klasse(): string {
    let negatie = false;
    if (patroon[i] === '^') { negatie = true; i++; }
    const leden: string[] = [];
    const bereiken: [string, string][] = [];
    while (i < patroon.length && patroon[i] !== ']') {
      let c = volgende();
      if (c === '\\') c = escape(volgende())[0];
      if (patroon[i] === '-' && patroon[i + 1] !== ']' && patroon[i + 1] !== undefined) {
        i++;
        let tot = volgende();
        if (tot === '\\') tot = escape(volgende())[0];
        bereiken.push([c, tot]);
      } else leden.push(c);
    }
    i++;
    if (!negatie) return bereiken.length ? bereiken[0][0] : leden[0];
    for (const kandidaat of 'aA1 x') {
      if (!leden.includes(kandidaat) && !bereiken.some(([a, b]) => kandidaat >= a && kandidaat <= b)) return kandidaat;
    }
    return 'q';
  }
  function alternatieven(): string {
    const takken = [reeks()];
    while (patroon[i] === '|') { i++; takken.push(reeks()); }
    return takken[0];
  }
  function reeks(): string {
    let uit = '';
    while (i < patroon.length && patroon[i] !== '|' && patroon[i] !== ')') {
      let atoom: string;
      const c = volgende();
      if (c === '(') { atoom = alternatieven(); i++; }
      else if (c === '[') atoom = klasse();
      else if (c === '\\') atoom = escape(volgende())[0];
      else if (c === '.') atoom = 'a';
      else atoom = c;
      let n = 1;
      const q = patroon[i];
      if (q === '?' || q === '*') { n = 0; i++; }
      else if (q === '+') { n = 1; i++; }
      else if (q === '{') {
        const eind = patroon.indexOf('}', i);
        n = Number(patroon.slice(i + 1, eind).split(',')[0]);
        i = eind + 1;
      }
      uit += atoom.repeat(n);
    }
    return uit;
  }
  return alternatieven();
}

/** Whether a value matches an XSD pattern (whole value; XSD has no anchors). */
export function pastOp(patroon: string, waarde: string): boolean {
  try {
    return new RegExp(`^(?:${patroon.replace(/\\i/g, '[A-Za-z_:]').replace(/\\c/g, '[-.\\w:]')})$`, 'u').test(waarde);
  } catch {
    return true; // a construct JS cannot read: leave the judgement to the validator
  }
}

function opLengte(t: SimpelType, basis: string): string {
  const min = t.length ?? t.minLength ?? 0;
  const max = t.length ?? t.maxLength ?? Infinity;
  let w = basis;
  while (w.length < min) w += 'x';
  if (w.length > max) w = w.slice(0, max);
  return w;
}

function getal(t: SimpelType): string {
  const min = t.minInclusive !== undefined ? Number(t.minInclusive) : t.minExclusive !== undefined ? Number(t.minExclusive) + 1 : undefined;
  const max = t.maxInclusive !== undefined ? Number(t.maxInclusive) : t.maxExclusive !== undefined ? Number(t.maxExclusive) - 1 : undefined;
  let n = 1;
  if (/negativeInteger/.test(t.basis) && !/nonNegative/.test(t.basis)) n = -1;
  if (t.basis === 'nonPositiveInteger') n = 0;
  if (min !== undefined && n < min) n = min;
  if (max !== undefined && n > max) n = max;
  return String(n);
}

/** A value of the type; `hint` is the element or attribute name (dates and timestamps), `keuze` picks an enumeration value. */
export function waardeVan(t: SimpelType, hint = '', keuze = 0): string {
  if (t.enumeratie?.length) return t.enumeratie[keuze % t.enumeratie.length];
  if (t.unie?.length) return waardeVan(t.unie[0], hint, keuze);
  if (t.lijst) return waardeVan(t.lijst, hint, keuze);
  const naam = `${t.naam} ${hint}`;
  const kandidaten: string[] = [];
  if (/tijdstip/i.test(naam)) kandidaten.push(TIJDSTIP);
  if (/datum|date/i.test(naam)) kandidaten.push(DATUM);
  if (/jaar/i.test(naam)) kandidaten.push('2024');
  if (/bsn/i.test(naam)) kandidaten.push('111222333');
  switch (t.basis) {
    case 'date': return '2024-01-15';
    case 'dateTime': return '2024-01-15T10:30:00';
    case 'time': return '10:30:00';
    case 'gYear': return '2024';
    case 'boolean': return 'true';
    case 'base64Binary': return 'RGVra2luZw==';
    case 'anyURI': return t.patronen.length ? opLengte(t, uitPatroon(t.patronen[t.patronen.length - 1][0])) : 'http://example.org/dekking';
    case 'decimal': case 'integer': case 'int': case 'long': case 'short': case 'byte': case 'positiveInteger':
    case 'nonNegativeInteger': case 'unsignedInt': case 'unsignedLong': case 'unsignedShort': case 'unsignedByte':
    case 'negativeInteger': case 'nonPositiveInteger': case 'double': case 'float': {
      if (t.totalDigits === 8 && /datum/i.test(naam)) return DATUM;
      for (const k of kandidaten) if (/^\d+$/.test(k) && (t.totalDigits === undefined || k.length <= t.totalDigits) && t.patronen.every((stap) => stap.some((p) => pastOp(p, k)))) return k;
      if (t.patronen.length) return uitPatroon(t.patronen[t.patronen.length - 1][0]);
      return getal(t);
    }
    default:
      break;
  }
  const pastAlles = (w: string) =>
    t.patronen.every((stap) => stap.some((p) => pastOp(p, w))) &&
    w.length >= (t.length ?? t.minLength ?? 0) && w.length <= (t.length ?? t.maxLength ?? Infinity);
  for (const k of kandidaten) if (pastAlles(k)) return k;
  if (t.patronen.length) {
    for (const stap of [...t.patronen].reverse()) for (const p of stap) {
      const w = uitPatroon(p);
      if (pastAlles(w)) return w;
    }
    return uitPatroon(t.patronen[t.patronen.length - 1][0]);
  }
  return opLengte(t, 'Dekking');
}
