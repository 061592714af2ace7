/**
 * Exports per language, the report's contents and budget summary, the CSV's separator and decimal
 * mark per language, and the XLSX export read back with exceljs. Expectations come from the locale
 * objects (`LOCALES`) and `Intl`, never from literal translations: the tests hold today, with
 * English placeholders under de/fr/it/sl, and once the translations land.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALES, type Language } from '../../shared/i18n/locales';
import { recordSchema, type WorkshopRecord } from '../../shared/record/schema';
import {
  CSV_FILES,
  exportCsvZip,
  exportHtml,
  exportMarkdown,
  exportXlsx,
} from '../../server/archive/exporters';
import { budgetSummary } from '../../server/archive/exporters/budgetSummary';
import { PAGE_MARKER, PAGES_MARKER, pageFooter } from '../../server/archive/exporters/pdf';
import { exportVocabulary } from '../../server/archive/exporters/vocabulary';

const golden = recordSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/record-golden.json'), 'utf8')),
);

/** The golden record with a third action: an amount with cents, no activity, no funding source. */
function withCents(): WorkshopRecord {
  const record = structuredClone(golden);
  record.actions.push({
    ...structuredClone(record.actions[0]!),
    id: '#99',
    title: 'Study trip',
    activityId: null,
    budget: 48500.5,
    fundingSource: '',
  });
  return recordSchema.parse(record);
}

/** A plural as the language says it: its own form for `count`, else English's. */
function plural(forms: Record<string, string>, base: string, lng: Language, count: number) {
  const own = forms[`${base}_${new Intl.PluralRules(lng).select(count)}`];
  const english = forms[`${base}_${new Intl.PluralRules('en').select(count)}`];
  return (own ?? english)!.replace('{{count}}', String(count));
}

const decodeUtf8 = (bytes: Uint8Array) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const unescapeHtml = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

describe.each(LANGUAGES)('exports in %s', (lng) => {
  const words = exportVocabulary(lng);
  const locale = LOCALES[lng].exports;
  const intl = lng === 'en' ? 'en-GB' : lng;
  const html = unescapeHtml(exportHtml(withCents(), words));
  // Markdown escapes (a line-start "23." would read as a list item): compared unescaped.
  const md = exportMarkdown(withCents(), words).replace(/\\(.)/g, '$1');

  it('prints the language’s own strings and plurals', () => {
    expect(words.lng).toBe(lng);
    expect(html).toContain(`<html lang="${lng}">`);
    for (const text of [md, html]) {
      expect(text).toContain(locale.participants.heading);
      expect(text).toContain(locale.activities.heading);
      expect(text).toContain(locale.summary.heading);
      expect(text).toContain(LOCALES[lng].s3.fundingSource['synchronised-call']);
      expect(text).toContain(plural(locale.participants, 'total', lng, golden.participants.total));
    }
    expect(html).toContain(locale.contents.heading);
  });

  it('writes dates, times and money the language’s way (English keeps its ISO dates)', () => {
    const taken = new Date(golden.provenance.archivedAt);
    const day = (d: Date) =>
      new Intl.DateTimeFormat(intl, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        timeZone: 'UTC',
      }).format(d);
    const money = (amount: number, digits: number) =>
      new Intl.NumberFormat(intl, {
        style: 'currency',
        currency: 'EUR',
        currencyDisplay: 'code',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
        .format(amount)
        .replace(/\u00a0/g, ' ');
    for (const text of [md, html]) {
      expect(text).toContain(money(850000, 0));
      expect(text).toContain(money(48500.5, 2));
      if (lng === 'en') {
        expect(text).toContain('2026-11-23 17:30 UTC');
        expect(text).toContain('2027-01-01');
      } else {
        expect(text).toContain(day(taken));
        expect(text).toContain(day(new Date('2027-01-01T00:00:00Z')));
        expect(text).not.toContain('2026-11-23 17:30 UTC');
        expect(text).not.toContain('EUR 850,000');
      }
    }
  });

  it('heads the CSV and XLSX tables in the language, with its separator', async () => {
    const csv = decodeUtf8(unzipSync(exportCsvZip(golden, words))['actions.csv']!);
    const header = csv.slice(1).split('\r\n')[0]!;
    const separator = lng === 'en' ? ',' : ';';
    expect(header.split(separator).slice(0, 2)).toEqual([locale.fields.id, locale.csv.activityId]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await exportXlsx(golden, words)) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      locale.sheets.activities,
      locale.sheets.actions,
      locale.sheets.capacities,
      locale.sheets.opportunities,
    ]);
  });
});

describe('German exports', () => {
  // Number and date formats are Intl's, not the translators': these hold in any translation.
  const words = exportVocabulary('de');
  it('formats like German: 850.000 EUR, 48.500,50 EUR, 23.11.2026', () => {
    expect(words.money(850000)).toBe('850.000 EUR');
    expect(words.money(48500.5)).toBe('48.500,50 EUR');
    expect(words.money(null)).toBe('');
    expect(words.day('2026-11-23')).toBe('23.11.2026');
    expect(words.time('2026-11-23T17:30:00.000Z')).toBe('23.11.2026, 17:30 UTC');
    expect(words.number(1250)).toBe('1.250');
    expect(words.languageName('fr')).toBe(
      new Intl.DisplayNames('de', { type: 'language' }).of('fr'),
    );
  });
});

describe('report contents and budget summary', () => {
  const record = withCents();
  const words = exportVocabulary('en');
  const html = exportHtml(record, words);

  it('sums budgets per activity and funding source, never counting a missing amount as 0', () => {
    const summary = budgetSummary(record);
    expect(summary.total).toEqual({ actions: 3, total: 898500.5, notSet: 1 });
    expect(summary.byActivity).toEqual([
      { activityId: '#9', line: { actions: 2, total: 850000, notSet: 1 } },
      { activityId: '#11', line: { actions: 0, total: null, notSet: 0 } },
      { activityId: '#12', line: { actions: 0, total: null, notSet: 0 } },
      { activityId: null, line: { actions: 1, total: 48500.5, notSet: 0 } },
    ]);
    expect(summary.byFundingSource).toEqual([
      { source: 'regional-programme', line: { actions: 1, total: null, notSet: 1 } },
      { source: 'synchronised-call', line: { actions: 1, total: 850000, notSet: 0 } },
      { source: '', line: { actions: 1, total: 48500.5, notSet: 0 } },
    ]);
  });

  it('prints the summary near the top: totals, "not set" and how many amounts were not set', () => {
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('id="participants"'));
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="participants"'));
    // The regional programme's only action has no amount: "not set", not "EUR 0".
    expect(summary).toMatch(
      /Regional programme<\/th><td class="num">1<\/td><td class="num">not set</,
    );
    expect(summary).not.toContain('EUR 0');
    expect(summary).toContain('EUR 898,500.50<div class="muted">1 amount not set</div>');
    expect(summary).toContain('Not linked to an activity');
  });

  it('links a table of contents to every section the report holds, in order', () => {
    const contents = html.slice(html.indexOf('<nav class="contents"'), html.indexOf('</nav>'));
    const links = [...contents.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => m[1]!);
    const sections = [...html.matchAll(/<section class="report-section" id="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(links).toEqual(sections);
    expect(links).toEqual(expect.arrayContaining(['summary', 'activities', 'votes', 'provenance']));
    expect(contents).toContain('>Transformative activities</a>');
    // A record without votes has no vote section, and no link to one.
    const noVotes = exportHtml(recordSchema.parse({ ...golden, votes: [] }), words);
    expect(noVotes).not.toContain('href="#votes"');
  });

  it('numbers the PDF pages with the language’s label, escaped', () => {
    const footer = pageFooter(`Page ${PAGE_MARKER} <of> ${PAGES_MARKER}`);
    expect(footer).toContain(
      'Page <span class="pageNumber"></span> &lt;of&gt; <span class="totalPages"></span>',
    );
  });
});

describe('CSV separator and decimal mark', () => {
  const record = withCents();
  const actionsCsv = (lng: Language, sep?: 'comma' | 'semicolon' | 'tab') =>
    decodeUtf8(unzipSync(exportCsvZip(record, exportVocabulary(lng), sep))['actions.csv']!);
  const parse = (text: string, delimiter: string) => {
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
      delimiter,
    });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };
  const budgetHeader = (lng: Language) => LOCALES[lng].exports.csv.budget;

  it.each(LANGUAGES)(
    '%s: the language’s separator and decimal mark, no thousands separators',
    (lng) => {
      const text = actionsCsv(lng);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [separator, decimal] = lng === 'en' ? [',', '.'] : [';', ','];
      const rows = parse(text, separator);
      expect(rows.map((r) => r[budgetHeader(lng)])).toEqual(['850000', '', `48500${decimal}5`]);
      expect(rows[0]![LOCALES[lng].exports.fields.start]).toBe('2027-01-01');
    },
  );

  it('takes &sep= over the language: tab and semicolon keep the decimal comma, comma uses a point', () => {
    expect(parse(actionsCsv('de', 'tab'), '\t')[2]![budgetHeader('de')]).toBe('48500,5');
    expect(parse(actionsCsv('en', 'semicolon'), ';')[2]![budgetHeader('en')]).toBe('48500,5');
    expect(parse(actionsCsv('de', 'comma'), ',')[2]![budgetHeader('de')]).toBe('48500.5');
  });
});

describe('XLSX export', () => {
  it('has one sheet per CSV table with typed numbers and dates, bold frozen headers, not-set empty', async () => {
    const record = withCents();
    const bytes = await exportXlsx(record, exportVocabulary('en'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    expect(book.worksheets).toHaveLength(CSV_FILES.length);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Activities',
      'Actions',
      'Capacities',
      'Opportunities',
    ]);

    const actions = book.getWorksheet('Actions')!;
    const header = actions.getRow(1);
    expect(header.font?.bold ?? header.getCell(1).font?.bold).toBe(true);
    expect(actions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const column = (title: string) => {
      let found = 0;
      header.eachCell((cell, i) => {
        if (cell.value === title) found = i;
      });
      expect(found, title).toBeGreaterThan(0);
      return found;
    };
    const [budget, start, end, title] = ['Budget (EUR)', 'Start', 'End', 'Title'].map(column);
    const row = (n: number) => actions.getRow(n + 1);
    expect(row(1).getCell(budget!).value).toBe(850000);
    expect(row(3).getCell(budget!).value).toBe(48500.5);
    // Not set: an empty cell, not 0.
    expect(row(2).getCell(budget!).value).toBeNull();
    expect(row(2).getCell(start!).value).toBeNull();
    const startCell = row(1).getCell(start!);
    expect(startCell.value).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(startCell.numFmt).toBe('yyyy-mm-dd');
    expect(row(1).getCell(end!).value).toEqual(new Date('2028-12-31T00:00:00Z'));
    expect(row(1).getCell(title!).value).toBe('Joint R&D project on guest apps');
    // Wide enough for its longest title, not for the longest cell of the sheet.
    const width = actions.getColumn(title!).width!;
    expect(width).toBeGreaterThanOrEqual('Joint R&D project on guest apps'.length);
    expect(width).toBeLessThanOrEqual(60);

    const activities = book.getWorksheet('Activities')!;
    const ranks = [2, 3, 4].map((n) => activities.getRow(n).getCell(2).value);
    expect(ranks).toEqual([1, 2, null]);
    // A formula-like title is text in a workbook, not a formula, and not prefixed.
    expect(typeof activities.getRow(2).getCell(3).value).toBe('string');
  });
});
