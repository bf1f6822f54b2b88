// The operations this gateway serves. A new service is one module here and one line below.
import { Operatie } from '../soap/operatie';
import { actualiseerZaakstatus } from './actualiseerZaakstatus';
import { creeerZaak } from './creeerZaak';
import { geefZaakdetails } from './geefZaakdetails';
import { geefZaakstatus } from './geefZaakstatus';
import { genereerZaakIdentificatie } from './genereerZaakIdentificatie';
import { updateZaak } from './updateZaak';
import { genereerDocumentIdentificatie } from './genereerDocumentIdentificatie';
import { voegZaakdocumentToe } from './voegZaakdocumentToe';
import { maakZaakdocument } from './maakZaakdocument';
import { geefLijstZaakdocumenten } from './geefLijstZaakdocumenten';
import { geefZaakdocumentLezen } from './geefZaakdocumentLezen';
import { geefZaakdocumentBewerken } from './geefZaakdocumentBewerken';
import { updateZaakdocument } from './updateZaakdocument';
import { cancelCheckout } from './cancelCheckout';
import { ontkoppelZaakdocument } from './ontkoppelZaakdocument';
import { genereerBesluitIdentificatie } from './genereerBesluitIdentificatie';
import { voegBesluitToe } from './voegBesluitToe';
import { updateBesluit } from './updateBesluit';
import { geefBesluitdetails } from './geefBesluitdetails';
import { geefLijstBesluiten } from './geefLijstBesluiten';
import { zoekZaken } from './zoekZaken';
import { overdragenZaak } from './overdragenZaak';
import { bevestigOverdragenZaak } from './bevestigOverdragenZaak';
import { initieerNotificeerOverZaak } from './initieerNotificeerOverZaak';
import { ONTVANG_BEVESTIGINGEN } from './ontvangBevestiging';

export const OPERATIES: Operatie[] = [
  genereerZaakIdentificatie,
  creeerZaak,
  updateZaak,
  actualiseerZaakstatus,
  geefZaakstatus,
  geefZaakdetails,
  genereerDocumentIdentificatie,
  voegZaakdocumentToe,
  maakZaakdocument,
  geefLijstZaakdocumenten,
  geefZaakdocumentLezen,
  geefZaakdocumentBewerken,
  updateZaakdocument,
  cancelCheckout,
  ontkoppelZaakdocument,
  genereerBesluitIdentificatie,
  voegBesluitToe,
  updateBesluit,
  geefBesluitdetails,
  geefLijstBesluiten,
  zoekZaken,
  overdragenZaak,
  bevestigOverdragenZaak,
  initieerNotificeerOverZaak,
  ...ONTVANG_BEVESTIGINGEN,
];
