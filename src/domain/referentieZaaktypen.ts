// The two reference zaaktypes of Regie- en Zaakservices (Bijlage B and C, rzs.md section 8).
// Their official identification (SOCDM821002193-1/-2) does not fit ZKT/code (max 10), so the codes are
// the gemeente's choice (rzs.md A1); GZP and LDP are our defaults, as in the RZS samples.

const statustypen = (plan: string) => [
  { volgnummer: 1, omschrijving: plan === 'gezinsplan' ? 'Signaal geregistreerd' : 'Zaak geregistreerd', eindstatus: false },
  { volgnummer: 2, omschrijving: plan === 'gezinsplan' ? 'Gezinsplan opgesteld' : 'Levensdomeinplan opgesteld', eindstatus: false },
  { volgnummer: 3, omschrijving: plan === 'gezinsplan' ? 'Gezinsplan uitgevoerd' : 'Levensdomeinplan uitgevoerd', eindstatus: false },
  { volgnummer: 4, omschrijving: 'Zaak afgerond', eindstatus: true },
];

export const REFERENTIE_ZAAKTYPEN = [
  {
    code: 'GZP',
    omschrijving: 'Opstellen en uitvoeren gezinsplan',
    soort: 'gezinsplan' as const,
    statustypen: statustypen('gezinsplan'),
  },
  {
    code: 'LDP',
    omschrijving: 'Opstellen en uitvoeren levensdomeinplan',
    soort: 'levensdomeinplan' as const,
    statustypen: statustypen('levensdomeinplan'),
  },
];
