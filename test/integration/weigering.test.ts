// What a refusal reveals (issue 15 point 3): every read answers a zaak, document or besluit the caller may not see
// exactly as one that does not exist, so that nobody can probe which identificaties exist and of what kind. The
// answers are compared byte for byte, apart from the stuurgegevens and the identificatie that was asked for, with
// stuf.onbekendObject leegAntwoord (an empty La01 for both) and fout (the same StUF064 for both). Only the log
// says which it was.
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { ZDS12, inEnvelope } from '../support/soap';
import { Dialect, actie, creeerZaak, geefZaakdetails, geefZaakstatus } from '../support/dialecten';
import { goed, schoneFout } from '../support/antwoorden';
import { APPLICATIES, aanmelding, beveiligd, TestRol } from '../support/planBerichten';
import * as doc from '../support/documentBerichten';
import * as bsl from '../support/besluitBerichten';
import { ZAKLV01_ACTIE, zoekZaken } from '../support/zoekBerichten';

const CONFIG = beveiligd({ perRol: { backoffice: { zaaktypen: { lezen: ['WMO01'], schrijven: ['WMO01'] } } } });

/** The message as the role's application sends it: its zender in the stuurgegevens. */
const alsZender = (xml: string, rol: TestRol) =>
  xml.replace(/(<StUF:zender>(?:(?!<\/StUF:zender>).)*?<StUF:applicatie>)[^<]*(<\/StUF:applicatie>)/, `$1${APPLICATIES[rol].applicatie}$2`);

/** The answer without what differs per message by nature: stuurgegevens, and the identificatie asked for. */
const zonderStuurgegevens = (body: string, id: string) =>
  body.replace(/<([\w-]+:)?stuurgegevens[\s>][\s\S]*?<\/\1?stuurgegevens>/g, '<stuurgegevens/>').split(id).join('{ID}');

describe.each(['leegAntwoord', 'fout'] as const)('onbekendObject %s', (onbekendObject) => {
  describe.each(['zds12', 'zds11'] as const)('%s', (d: Dialect) => {
    let gw: TestGateway;
    const gevangen = vangLog();
    const p = `W${d === 'zds12' ? '12' : '11'}${onbekendObject === 'fout' ? 'F' : 'L'}`;
    const VERBORGEN = `0599${p}JZ001`; // JZ01: not in the backoffice's lezen list
    const ONBEKEND = `0599${p}JZ999`;
    const DOC_VERBORGEN = `${p}-DOC-JZ`;
    const DOC_ONBEKEND = `${p}-DOC-NIET`;
    const BSL_VERBORGEN = `${p}-BSL-JZ`;
    const BSL_ONBEKEND = `${p}-BSL-NIET`;

    const stuur = (rol: TestRol, xml: string, soapActie: string, pad: string) =>
      gw.stuur(inEnvelope(alsZender(xml, rol)), { actie: soapActie, pad, headers: aanmelding(rol) });
    const docVraag = (dienst: doc.DocDienst, xml: string) => stuur('backoffice', xml, doc.docActie(d, dienst), doc.docPad(dienst));
    const zds12Vraag = (xml: string, naam: string) => stuur('backoffice', xml, ZDS12 + naam, '/BeantwoordVraag');

    beforeAll(async () => {
      gw = await startGateway({ ...CONFIG, stuf: { onbekendObject } }, undefined, gevangen.log);
      const regie = (xml: string, soapActie: string, pad = '/OntvangAsynchroon') => stuur('regie', xml, soapActie, pad);
      goed(await regie(creeerZaak(d, { id: VERBORGEN, zaaktype: 'JZ01' }), actie(d, 'creeerZaak')));
      goed(await regie(doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: DOC_VERBORGEN, zaken: [VERBORGEN], titel: 'Verslag', tekst: 'inhoud' }), doc.docActie(d, 'voegZaakdocumentToe'), doc.docPad('voegZaakdocumentToe')));
      if (d === 'zds12') goed(await regie(bsl.voegBesluitToe({ id: BSL_VERBORGEN, zaak: VERBORGEN }), ZDS12 + 'voegBesluitToe_Di01'));
    });
    afterAll(() => gw.sluit());

    /** Asks `vraag` for the hidden and the unknown identificatie; both answers must be the same. */
    async function gelijkeAntwoorden(vraag: (id: string) => Promise<{ status: number; body: string }>, verborgen: string, onbekend: string) {
      const a = await vraag(verborgen);
      const b = await vraag(onbekend);
      expect(zonderStuurgegevens(a.body, verborgen)).toBe(zonderStuurgegevens(b.body, onbekend));
      expect(a.status).toBe(b.status);
      return a;
    }

    /** The expected form of the one answer: a fault StUF064 naming no zaaktype, or an empty La01. */
    function verwachtVorm(r: { status: number; body: string; headers?: Record<string, unknown> }, altijdFout = false) {
      expect(r.body).not.toContain('JZ01');
      expect(r.body).not.toContain('StUF052');
      if (onbekendObject === 'fout' || altijdFout) {
        const f = schoneFout(r as Parameters<typeof schoneFout>[0]);
        expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF064' });
      } else {
        expect(r.status).toBe(200);
        expect(r.body).not.toContain('antwoord>');
      }
    }

    const zaakVragen: [string, (id: string) => Promise<{ status: number; body: string; headers: Record<string, unknown> }>][] = [
      ['geefZaakdetails', (id) => stuur('backoffice', geefZaakdetails(d, id), actie(d, 'geefZaakdetails'), '/BeantwoordVraag')],
      ['geefZaakstatus', (id) => stuur('backoffice', geefZaakstatus(d, id), actie(d, 'geefZaakstatus'), '/BeantwoordVraag')],
      ['geefLijstZaakdocumenten', (id) => docVraag('geefLijstZaakdocumenten', doc.geefLijst(d, id))],
    ];

    it.each(zaakVragen)('%s: a zaak the caller may not read is answered as one that does not exist', async (_naam, vraag) => {
      verwachtVorm(await gelijkeAntwoorden(vraag, VERBORGEN, ONBEKEND));
    });

    it('geefZaakdocumentLezen: a document the caller may not read is answered as one that does not exist', async () => {
      verwachtVorm(await gelijkeAntwoorden((id) => docVraag('geefZaakdocumentLezen', doc.geefLezen(d, id)), DOC_VERBORGEN, DOC_ONBEKEND));
    });

    it('geefZaakdocumentBewerken (a Di02, without an empty answer): StUF064 for both', async () => {
      const r = await gelijkeAntwoorden((id) => docVraag('geefZaakdocumentBewerken', doc.bewerken(d, id, { zender: APPLICATIES.backoffice.applicatie })), DOC_VERBORGEN, DOC_ONBEKEND);
      verwachtVorm(r, true);
    });

    it('zoekZaken on one identificatie: the same answer for both', async () => {
      const vraag = (id: string) => stuur('backoffice', zoekZaken({ identificatie: id }), ZAKLV01_ACTIE, '/BeantwoordVraag');
      // A plain zakLv01 naming only an identificatie is the 1.1 geefZaakdetails: the same rule applies.
      verwachtVorm(await gelijkeAntwoorden(vraag, VERBORGEN, ONBEKEND));
    });

    if (d === 'zds12') {
      it('geefBesluitdetails: a besluit of a zaak the caller may not read is answered as one that does not exist', async () => {
        verwachtVorm(await gelijkeAntwoorden((id) => zds12Vraag(bsl.geefBesluitdetails(id), 'geefBesluitdetails_BslLv01'), BSL_VERBORGEN, BSL_ONBEKEND));
      });

      it('geefLijstBesluiten: a zaak the caller may not read is answered as one that does not exist', async () => {
        verwachtVorm(await gelijkeAntwoorden((id) => zds12Vraag(bsl.geefLijstBesluiten(id), 'geefLijstBesluiten_ZakLv01'), VERBORGEN, ONBEKEND));
      });
    }

    it('the regie application, which may read the zaak, still gets it', async () => {
      const r = await stuur('regie', geefZaakdetails(d, VERBORGEN), actie(d, 'geefZaakdetails'), '/BeantwoordVraag');
      expect(r.status).toBe(200);
      expect(r.body).toContain(VERBORGEN);
    });

    it('the log says which it was: hidden (with the reason, no person) or not existing', () => {
      const log = gevangen.regels.join('');
      expect(log).toContain(`Zaak ${VERBORGEN} bestaat, maar de aanroeper mag haar niet zien`);
      expect(log).toContain(`Zaak ${ONBEKEND} bestaat niet`);
      expect(log).toContain(`Document ${DOC_VERBORGEN} bestaat, maar de aanroeper mag haar niet zien`);
      expect(log).toContain(`Document ${DOC_ONBEKEND} bestaat niet`);
      if (d === 'zds12') expect(log).toContain(`Besluit ${BSL_VERBORGEN} bestaat, maar de aanroeper mag haar niet zien`);
      expect(log).not.toMatch(/Basic |geheim-1/);
    });
  });
});
