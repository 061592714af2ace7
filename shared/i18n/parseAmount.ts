/**
 * Reads an amount as people type it in any of the five languages: "1,234.56" (en), "1.234,56"
 * (de, it, sl), "1 234,56" (fr, with a normal, no-break or narrow no-break space), "1’234.56"
 * (Switzerland), "48500.5", "48500,5", "€ 80k", "1.5m", a currency sign or code around it.
 *
 * One separator before exactly three digits ("1.234", "1,234") is ambiguous: it is read by the UI
 * language's convention (a thousands separator in en for ",", in de/fr/it/sl for "."). Anything
 * that is not clearly an amount is NaN, never a guess: "1,23,4", "12.34.5", "1.234,5.6", "abc".
 */
import type { Language } from './languages';

/** null for an empty field, NaN when the text is not an amount, else the amount. */
export function parseAmount(text: string, lng: Language): number | null {
  if (text.trim() === '') return null;
  let s = text
    .trim()
    .toLowerCase()
    .replace(/€|\beur\b|\bchf\b|\bfr\.?(?=\s|\d|$)/g, '')
    .replace(/[\u2212\u2013]/g, '-')
    .trim();
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1).trim();
  let factor = 1;
  if (/\d\s*k$/.test(s)) factor = 1_000;
  else if (/\d\s*m$/.test(s)) factor = 1_000_000;
  if (factor !== 1) s = s.slice(0, -1).trim();
  // Spaces and apostrophes only ever group thousands; one kind of them stands for all.
  s = s.replace(/[\s\u00a0\u202f\u2009'’_]/g, ' ');
  if (!/^\d[\d., ]*$/.test(s) || /[., ]$/.test(s)) return Number.NaN;

  const decimal = decimalMark(s, lng);
  const [whole = '', fraction, extra] = decimal ? s.split(decimal) : [s];
  if (extra !== undefined || (fraction !== undefined && !/^\d+$/.test(fraction))) return Number.NaN;
  if (!isGrouped(whole)) return Number.NaN;
  const value = Number(`${whole.replace(/[., ]/g, '')}.${fraction ?? '0'}`) * factor;
  return negative && value !== 0 ? -value : value;
}

/** Which of "." and "," is the decimal mark in s, if any. */
function decimalMark(s: string, lng: Language): '.' | ',' | null {
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const mark = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (!mark) return null;
  if (s.indexOf(mark) !== s.lastIndexOf(mark)) return null; // several: they group thousands
  const [before = '', after = ''] = s.split(mark);
  // "1.234" or "1,234": a decimal mark, or thousands? Spaces before it settle it (they group
  // thousands, so the mark is decimal); a leading 0 too; else the UI language's convention.
  if (after.length !== 3 || before.includes(' ') || /^0+$/.test(before)) return mark;
  const thousandsMark = lng === 'en' ? ',' : '.';
  return mark === thousandsMark ? null : mark;
}

/** Digits, or digit groups split by one kind of separator: 1–3 digits, then threes. */
function isGrouped(whole: string): boolean {
  const separators = new Set(whole.replace(/\d/g, ''));
  if (separators.size === 0) return whole.length > 0;
  if (separators.size > 1) return false;
  const [first = '', ...rest] = whole.split(/[., ]/);
  return /^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group));
}
