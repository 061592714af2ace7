/**
 * Markdown text helpers shared by the Markdown report's parts (markdown.ts and
 * markdownQuestionnaires.ts): escaping, facts, tables. Every value from the record goes through
 * one of them.
 */
import type { ExportVocabulary } from './vocabulary';

/**
 * Escapes Markdown syntax in running text (newlines stay): emphasis, code, links, HTML and table
 * pipes anywhere; headings, list markers and numbered lists at the start of a line.
 */
export function md(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A card body's plain text: its own "- " / "1. " list lines and "> " quotes stay Markdown. */
export function mdBody(text: string): string {
  return text.replace(/([\\`*_[\]<|~])/g, '\\$1').replace(/^(\s*)(#)/gm, '$1\\$2');
}

/**
 * A card body (rich text as plain text, one block a line) as Markdown that keeps its line breaks:
 * paragraphs are separated by a blank line (a single newline would join them when rendered, or
 * continue the list item above), list items and quotes follow the line before as they are.
 */
export function mdBlocks(text: string): string {
  const lines = mdBody(text).split(/\r?\n/);
  const item = /^\s*([-*+] |\d+[.)] |>)/;
  return lines
    .map((line, i) => (i === 0 ? line : `${item.test(line) ? '\n' : '\n\n'}${line}`))
    .join('');
}

/** Escaped and on one line (for headings, list items and facts). */
export function oneLine(text: string): string {
  return md(text).replace(/\s*\r?\n\s*/g, ' / ');
}

/**
 * A URL as a Markdown link when it is http(s) (its parentheses, spaces and angle brackets
 * percent-encoded so they cannot end the link), as escaped text otherwise (never a link), or
 * `notSet` when empty.
 */
export function mdUrl(url: string, notSet: string): string {
  const trimmed = url.trim();
  if (!trimmed) return notSet;
  if (!/^https?:\/\//i.test(trimmed)) return oneLine(trimmed);
  const target = trimmed.replace(/[()<>\s]/g, (c) =>
    c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c),
  );
  return `[${oneLine(trimmed)}](${target})`;
}

/** "- **Label:** value" lines; a value of '' or null prints as `notSet`. */
export function factLines(facts: [string, string | null][], notSet: string): string[] {
  return facts.map(([label, value]) => `- **${label}:** ${value ? value : notSet}`);
}

/** A table cell: escaped, on one line; `empty` for no value. */
export function cell(text: string | number | null, empty: string): string {
  if (text === null || text === '') return empty;
  return md(String(text)).replace(/\r?\n/g, ' / ');
}

export function tableOf(
  header: string[],
  rows: (string | number | null)[][],
  words: ExportVocabulary,
): string[] {
  const empty = words.t('emptyCell');
  const line = (cells: (string | number | null)[]) =>
    `| ${cells.map((c) => cell(c, empty)).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)];
}
