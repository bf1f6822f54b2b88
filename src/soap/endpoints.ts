// The SOAP endpoints: the portType names of the ZDS WSDLs (and the ZDS 1.1 name of the vrije berichten port).
export const ENDPOINTS = ['BeantwoordVraag', 'OntvangAsynchroon', 'VerwerkSynchroonVrijBericht', 'VrijeBerichten'] as const;

export type Endpoint = (typeof ENDPOINTS)[number];

/** The endpoint a path names: its last segment, case-insensitively, so that a reverse-proxy prefix (/zds/...) works. */
export function endpointVan(url: string): Endpoint | undefined {
  const pad = url.split('?')[0].replace(/\/+$/, '');
  const laatste = pad.slice(pad.lastIndexOf('/') + 1).toLowerCase();
  return ENDPOINTS.find((e) => e.toLowerCase() === laatste);
}
