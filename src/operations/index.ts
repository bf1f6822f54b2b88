// The operations this gateway serves. A new service is one module here and one line below.
import { Operatie } from '../soap/operatie';
import { actualiseerZaakstatus } from './actualiseerZaakstatus';
import { creeerZaak } from './creeerZaak';
import { geefZaakdetails } from './geefZaakdetails';
import { geefZaakstatus } from './geefZaakstatus';
import { genereerZaakIdentificatie } from './genereerZaakIdentificatie';
import { updateZaak } from './updateZaak';

export const OPERATIES: Operatie[] = [
  genereerZaakIdentificatie,
  creeerZaak,
  updateZaak,
  actualiseerZaakstatus,
  geefZaakstatus,
  geefZaakdetails,
];
