/** Word counts for the ~500-word summaries, in the workshops' languages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, wordProgress, words } from '../../shared/questionnaire/wordCount';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['The cluster needs a vision.', 5],
    // accents, precomposed and combining, count as letters
    ['Übergänge für Klein- und Mittelunternehmen', 5],
    ['Cafe\u0301 crème à la française', 5],
    ['Čezmejno sodelovanje grozdov v Sloveniji je šibko.', 7],
    ['Coopération transfrontalière: les pôles de compétitivité', 6],
    ["L'innovazione dell'industria è più forte in città", 7],
    ["l'économie d'aujourd'hui", 2],
    // hyphenated words are one word
    ['cross-regional match-making for spin-offs', 4],
    ['state-of-the-art', 1],
    // numbers with separators, letters with digits
    ['We met 3 times, 1,000 firms and 2.5 FTE; budget €40.000', 11],
    ['S3 and Industry 4.0', 4],
    ['e.g. the firm Lesnina d.o.o. and z.B. www.s3platform.eu', 8],
    ['Few/too many players', 4],
    ['20% of 300 companies', 4],
    // bullets and symbols alone are not words
    ['- one\n- two\n• three\n· four\n* five', 5],
    ['biotech & health — ICT', 3],
    ['“clubs” and “old boys networks”', 5],
  ])('counts %j as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('returns the words it counted', () => {
    expect(words("Klein- und Mittelunternehmen, l'industria 4.0")).toEqual([
      'Klein-',
      'und',
      'Mittelunternehmen',
      "l'industria",
      '4.0',
    ]);
  });

  it('counts a ~500-word text and its progress against the target', () => {
    const text = Array.from({ length: 250 }, (_, i) => `beseda${i} čez`).join(' ');
    expect(countWords(text)).toBe(500);
    expect(wordProgress(text, 500)).toEqual({ words: 500, target: 500, ratio: 1 });
    expect(wordProgress('two words', 0).ratio).toBe(0);
  });

  it('property: n words joined by any whitespace count n; counts add up over a gap', () => {
    const word = fc.stringMatching(/^[a-zA-Zäöüčšžéèàç0-9]{1,12}$/);
    const gap = fc.constantFrom(' ', '\n', '\t', '  ', ' - ', ', ', '. ');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), gap, (list, sep) => {
        expect(countWords(list.join(sep))).toBe(list.length);
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(countWords(`${a} \n ${b}`)).toBe(countWords(a) + countWords(b));
      }),
    );
  });
});
