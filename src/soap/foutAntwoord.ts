// A SOAP fault for failures before a message could be read at all (transport errors, unknown endpoints).
import { foutbericht } from '../stuf/berichten';
import { StufFout } from '../stuf/fout';
import { Systeem } from '../stuf/stuurgegevens';
import { contentType, faultEnvelope } from './envelope';
import { HttpAntwoord, foutSoortVoor } from './verwerker';

export function foutAntwoord(pad: string, fout: StufFout, eigen: Systeem): HttpAntwoord {
  const detail = foutbericht(foutSoortVoor(pad), fout, {}, eigen);
  return { status: 500, contentType: contentType('1.1'), body: faultEnvelope('1.1', fout.plek, fout.omschrijving, detail) };
}
