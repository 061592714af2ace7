/**
 * Dates, times, numbers, money, percentages and lists in the UI language, through Intl: never the
 * browser's locale (an English UI must not show "01.03.2027" because the browser is German).
 * One set of formatters per language, built on first use.
 */
import type { Language } from './languages';

export interface Formatters {
  /** 1,234.5 / 1.234,5 (at most 2 decimals). */
  number(value: number): string;
  /** An amount in euros with cents when it has any: €1,234.56 / 1.234,56 €. */
  money(value: number): string;
  /** A budget in whole euros: €250,000 / 250.000 €. */
  budget(value: number): string;
  /** 0.25 → 25% / 25 %. */
  percent(ratio: number): string;
  /** A calendar date given as YYYY-MM-DD (read in UTC, so it never shifts a day). */
  date(isoDate: string): string;
  /** A moment's date and time, e.g. 5 Dec 2026, 14:05. */
  dateTime(ms: number): string;
  /** A moment's clock time, e.g. 14:05. */
  time(ms: number): string;
  /** A, B and C / A, B und C. */
  list(items: readonly string[]): string;
  /** The plural category of a count (one, few, other…), as i18next picks plural keys. */
  plural(count: number): Intl.LDMLPluralRule;
}

const cache = new Map<Language, Formatters>();

export function formatters(lng: Language): Formatters {
  let found = cache.get(lng);
  if (!found) {
    found = build(lng);
    cache.set(lng, found);
  }
  return found;
}

/** The Intl locale of each UI language: the English UI writes British English (colour, 1 Mar 2027, 14:05). */
const INTL_LOCALE: Record<Language, string> = {
  en: 'en-GB',
  de: 'de',
  fr: 'fr',
  it: 'it',
  sl: 'sl',
};

function build(language: Language): Formatters {
  const lng = INTL_LOCALE[language];
  const number = new Intl.NumberFormat(lng, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(lng, { style: 'currency', currency: 'EUR' });
  const moneyWhole = new Intl.NumberFormat(lng, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  const budget = moneyWhole;
  const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(lng, { hour: '2-digit', minute: '2-digit' });
  const list = new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' });
  const plural = new Intl.PluralRules(lng);
  return {
    number: (value) => number.format(value),
    money: (value) => (Number.isInteger(value) ? moneyWhole : money).format(value),
    budget: (value) => budget.format(value),
    percent: (ratio) => percent.format(ratio),
    date: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso) ? date.format(new Date(`${iso}T00:00:00Z`)) : '',
    dateTime: (ms) => dateTime.format(ms),
    time: (ms) => time.format(ms),
    list: (items) => list.format(items),
    plural: (count) => plural.select(count),
  };
}
