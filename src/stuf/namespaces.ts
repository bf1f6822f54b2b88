// The namespaces of the StUF family. Incoming messages are matched on these URIs, never on prefixes.
export const NS = {
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  stuf: 'http://www.egem.nl/StUF/StUF0301',
  zkn: 'http://www.egem.nl/StUF/sector/zkn/0310',
  bg: 'http://www.egem.nl/StUF/sector/bg/0310',
  zds: 'http://www.stufstandaarden.nl/koppelvlak/zds0120',
  rzs: 'http://www.stufstandaarden.nl/koppelvlak/rzs0310',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xmime: 'http://www.w3.org/2005/05/xmlmime',
  gml: 'http://www.opengis.net/gml',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Prefixes used on output; the conventional ones of the standard, so that traces read like the samples. */
export const PREFIX_BY_NS: Record<string, string> = {
  [NS.soap11]: 'soapenv',
  [NS.soap12]: 'env',
  [NS.stuf]: 'StUF',
  [NS.zkn]: 'ZKN',
  [NS.bg]: 'BG',
  [NS.zds]: 'ZDS',
  [NS.rzs]: 'RZS',
  [NS.xsi]: 'xsi',
  [NS.xmime]: 'xmime',
  [NS.gml]: 'gml',
};

/** SOAPAction bases of the two ZDS dialects. */
export const ACTION_BASE = {
  zds12: 'http://www.stufstandaarden.nl/koppelvlak/zds0120/',
  zds11: 'http://www.egem.nl/StUF/sector/zkn/0310/',
  stuf: 'http://www.egem.nl/StUF/StUF0301/',
} as const;

/** The wire dialect of a message: ZDS 1.2 roots live in zds0120, ZDS 1.1 (and plain StUF-ZKN) roots in ZKN. */
export type Dialect = 'zds12' | 'zds11';
