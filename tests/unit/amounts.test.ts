/**
 * Amounts typed in any of the five languages, and the formatters of the UI language: what a
 * participant types into an action's budget lands as the number they meant, or is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../shared/i18n/format';
import { LANGUAGES } from '../../shared/i18n/languages';
import { parseAmount } from '../../shared/i18n/parseAmount';

describe('parseAmount', () => {
  it('reads each locale’s own format', () => {
    expect(parseAmount('1,234.56', 'en')).toBe(1234.56);
    for (const lng of ['de', 'it', 'sl'] as const)
      expect(parseAmount('1.234,56', lng)).toBe(1234.56);
    expect(parseAmount('1 234,56', 'fr')).toBe(1234.56);
    expect(parseAmount('1\u00a0234,56', 'fr')).toBe(1234.56);
    expect(parseAmount('1\u202f234,56', 'fr')).toBe(1234.56);
    expect(parseAmount('1’234.56', 'de')).toBe(1234.56);
    expect(parseAmount("1'234'567.5", 'it')).toBe(1234567.5);
  });

  it('reads an unambiguous amount the same in every language', () => {
    for (const lng of LANGUAGES) {
      expect(parseAmount('48500.5', lng)).toBe(48500.5);
      expect(parseAmount('48500,5', lng)).toBe(48500.5);
      expect(parseAmount('1.234,56', lng)).toBe(1234.56);
      expect(parseAmount('1,234.56', lng)).toBe(1234.56);
      expect(parseAmount('1,234,567', lng)).toBe(1234567);
      expect(parseAmount('1.234.567', lng)).toBe(1234567);
      expect(parseAmount('0,500', lng)).toBe(0.5);
      expect(parseAmount('250000', lng)).toBe(250000);
    }
  });

  it('reads an ambiguous "1.234" or "1,234" by the UI language’s convention', () => {
    expect(parseAmount('1,234', 'en')).toBe(1234);
    expect(parseAmount('1.234', 'en')).toBe(1.234);
    expect(parseAmount('1.234', 'de')).toBe(1234);
    expect(parseAmount('1,234', 'de')).toBe(1.234);
    expect(parseAmount('1.234', 'fr')).toBe(1234);
    expect(parseAmount('1 234.567', 'de')).toBe(1234.567);
  });

  it('takes a currency sign or code, k and m, and a minus around the number', () => {
    expect(parseAmount('€ 80k', 'en')).toBe(80000);
    expect(parseAmount('1.5m', 'en')).toBe(1500000);
    expect(parseAmount('EUR 48,500.5', 'en')).toBe(48500.5);
    expect(parseAmount('48.500,50 €', 'de')).toBe(48500.5);
    expect(parseAmount('CHF 1’200', 'de')).toBe(1200);
    expect(parseAmount('−1.234,56 €', 'sl')).toBe(-1234.56);
  });

  it('is null for an empty field and NaN for anything that is not an amount', () => {
    expect(parseAmount('  ', 'en')).toBeNull();
    for (const garbage of [
      'abc',
      '12abc',
      '1,23,4',
      '12.34.5',
      '1.234,5.6',
      '1.234.56',
      '1,,2',
      '1. 234',
      '12 34',
      '1.',
      '€',
      '--5',
      '5k5',
    ]) {
      expect(parseAmount(garbage, 'de'), garbage).toBeNaN();
      expect(parseAmount(garbage, 'en'), garbage).toBeNaN();
    }
  });

  it('parses back what each language formats (numbers and money, to the cent)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.integer({ min: -1e11, max: 1e11 }),
        (lng, cents) => {
          const n = cents / 100;
          const f = formatters(lng);
          expect(parseAmount(f.number(n), lng)).toBe(n);
          expect(parseAmount(f.money(n), lng)).toBe(n);
          expect(parseAmount(f.budget(Math.round(n)), lng)).toBe(Math.round(n) + 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatters', () => {
  it('follow the UI language, not the machine’s locale', () => {
    expect(formatters('en').budget(250000)).toBe('€250,000');
    expect(formatters('de').budget(250000)).toBe('250.000\u00a0€');
    expect(formatters('fr').money(48500.5)).toBe('48\u202f500,50\u00a0€');
    expect(formatters('en').date('2027-03-01')).toBe('1 Mar 2027');
    expect(formatters('de').date('2027-03-01')).toBe('01.03.2027');
    expect(formatters('de').date('not a date')).toBe('');
    expect(formatters('de').list(['A', 'B', 'C'])).toBe('A, B und C');
    expect(formatters('sl').plural(2)).toBe('two');
    expect(formatters('en').percent(0.25)).toBe('25%');
  });
});
