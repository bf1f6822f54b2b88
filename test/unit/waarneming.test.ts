// zonderInhoud: the journal's texts keep every inhoud element, empty; also for refused messages built against it.
import { Waarnemingen, zonderInhoud } from '../../src/waarneming';

describe('zonderInhoud', () => {
  it('empties every inhoud element, whatever its prefix, and leaves the rest as it was', () => {
    expect(zonderInhoud('<a><ZKN:inhoud b="1">QUJD</ZKN:inhoud><inhoud/><inhoud x="y"/><inhoudje>k</inhoudje><inhoud>ZZ</inhoud></a>'))
      .toBe('<a><ZKN:inhoud b="1"></ZKN:inhoud><inhoud/><inhoud x="y"/><inhoudje>k</inhoudje><inhoud></inhoud></a>');
    expect(zonderInhoud('<a><x:inhoud>1</y:inhoud>2</x:inhoud>rest</a>')).toBe('<a><x:inhoud></x:inhoud>rest</a>');
    expect(zonderInhoud('<geen>document</geen>')).toBe('<geen>document</geen>');
  });

  it('drops everything after an inhoud that is never closed', () => {
    expect(zonderInhoud('<a><inhoud>QUJDREVG')).toBe('<a><inhoud>');
  });

  it('reads a text full of unclosed or unmatched inhoud tags in one pass', () => {
    expect(zonderInhoud('<a:inhoud>'.repeat(400_000))).toBe('<a:inhoud>');
    expect(zonderInhoud(`${'<inhoud '.repeat(400_000)}`)).toBe('<inhoud '.repeat(400_000));
    expect(zonderInhoud(`<b:inhoud>x${'</c:inhoud>'.repeat(200_000)}</b:inhoud>`)).toBe('<b:inhoud></b:inhoud>');
  });
});

it('a failing observer is reported, and the others still hear of the exchange', () => {
  const fouten: unknown[] = [];
  const gehoord: string[] = [];
  const w = new Waarnemingen((e) => fouten.push(e));
  w.voegToe({ uitwisseling: () => { throw new Error('stuk'); } });
  w.voegToe({ uitwisseling: (u) => void gehoord.push(u.uitkomst), protocolRegel: (s) => void gehoord.push(s) });
  w.uitwisseling({ tijd: new Date(), richting: 'in', soort: 'verzoek', endpoint: '/x', zaken: [], uitkomst: 'Bv03', httpStatus: 200, ms: 1, grootteVerzoek: 1, grootteAntwoord: 1 });
  w.protocolRegel('lezen');
  expect(gehoord).toEqual(['Bv03', 'lezen']);
  expect(fouten).toHaveLength(1);
});
