/**
 * Word count for long answers (the self-assessment's ~500-word summaries), the same on client and
 * server. A word is a run of letters, combining marks and digits in any script — so "Übergänge",
 * "čezmejno", "coopération", "città" are one word each, whether their accents are precomposed or
 * combining — and these stay one word:
 *   - hyphenated words ("cross-regional", "Klein- und Mittelunternehmen" counts "Klein-" as one),
 *   - words with an apostrophe inside ("l'innovazione", "dell'industria", "don't"),
 *   - numbers with separators between digits ("1,000", "3.5"),
 *   - abbreviations and addresses with inner dots ("e.g.", "d.o.o.", "z.B.", "www.s3.eu"),
 *   - letters and digits together ("S3", "4.0" is one number).
 * A slash splits ("and/or", "2024/25" are two words), as a space would.
 * Punctuation, bullet markers (-, •, ·, *) and symbols (&, %, €) on their own are not words.
 * Text in scripts written without spaces (Chinese, Japanese) counts one word per run; the
 * workshops' languages (English, German, French, Italian, Slovene) all separate words by spaces.
 */

const WORD =
  /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011'\u2019.][\p{L}\p{M}\p{N}]+|(?<=\p{N}),\p{N}+)*[-\u2010]?/gu;

/** The number of words in `text`. */
export function countWords(text: string): number {
  let n = 0;
  for (const _match of text.normalize('NFC').matchAll(WORD)) n++;
  return n;
}

/** The words themselves, as counted (for tests and for showing what was counted). */
export function words(text: string): string[] {
  return [...text.normalize('NFC').matchAll(WORD)].map((m) => m[0]);
}

export interface WordProgress {
  words: number;
  target: number;
  /** words / target, 0 when there is no target. */
  ratio: number;
}

/** The live count against a word target (a target, not a limit: going over is allowed). */
export function wordProgress(text: string, target: number): WordProgress {
  const count = countWords(text);
  return { words: count, target, ratio: target > 0 ? count / target : 0 };
}
