/**
 * Questionnaires in every export format (issue 12): JSON, the CSV ZIP, XLSX, Markdown and the HTML
 * report (which the PDF prints) contain every answer and both summaries with their word counts;
 * answers read as people gave them ("4 – Very useful", option labels, yes/no in the export's
 * language), a question not answered is marked so and never given a value, a questionnaire not
 * revealed says so, and the anonymous evaluation's names appear in none of them.
 */
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  exportCsvZip,
  exportHtml,
  exportJson,
  exportMarkdown,
  exportVocabulary,
  exportXlsx,
} from '../../server/archive/exporters';
import { countWords } from '../../shared/questionnaire/wordCount';
import { recordSchema, type WorkshopRecord } from '../../shared/record/schema';
import {
  ANSWER_WORDS,
  COACH_NOTE,
  MARTA_ANSWERS,
  SECRET_NAMES,
  questionnaireRecord,
} from '../fixtures/questionnaireWorkshop';

const record = questionnaireRecord();
const keyIssues = (MARTA_ANSWERS['key-issues'] as { value: string }).value;
const solutions = (MARTA_ANSWERS.solutions as { value: string }).value;
/** What must never appear: the names given with anonymous answers, and their respondent ids. */
const SECRETS = [...SECRET_NAMES, 'r-x7f3', 'r-q9k1'];

function csvFiles(r: WorkshopRecord, lng = 'en'): Record<string, string> {
  const files = unzipSync(exportCsvZip(r, exportVocabulary(lng)));
  const utf8 = new TextDecoder();
  return Object.fromEntries(Object.entries(files).map(([n, b]) => [n, utf8.decode(b)]));
}

function rows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function xlsxText(r: WorkshopRecord, lng = 'en'): Promise<Record<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await exportXlsx(r, exportVocabulary(lng))) as never);
  const sheets: Record<string, string[][]> = {};
  book.eachSheet((sheet) => {
    const out: string[][] = [];
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      out.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    sheets[sheet.name] = out;
  });
  return sheets;
}

function everyAnswerIn(text: string) {
  for (const word of ANSWER_WORDS) expect(text, word).toContain(word);
}

function noSecretIn(text: string) {
  for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
}

describe('questionnaire exports', () => {
  it('JSON: the record itself, every answer, no anonymous name', () => {
    const json = exportJson(record);
    everyAnswerIn(json);
    noSecretIn(json);
    expect(recordSchema.parse(JSON.parse(json))).toEqual(record);
  });

  it('CSV: one row per answer, the results, and each manager’s summaries with word counts', () => {
    const files = csvFiles(record);
    expect(Object.keys(files)).toEqual([
      'activities.csv',
      'actions.csv',
      'capacities.csv',
      'opportunities.csv',
      'questionnaire-answers.csv',
      'questionnaire-results.csv',
      'self-assessment.csv',
    ]);
    const all = Object.values(files).join('\n');
    everyAnswerIn(all);
    noSecretIn(all);

    const answers = rows(files['questionnaire-answers.csv']!);
    expect(answers[0]).toEqual(['Questionnaire', 'Section', 'Question', 'Respondent', 'Answer']);
    // 3 of Luka's, 9 of Marta's, 5 + 3 of the evaluation: one row per answer, none invented.
    expect(answers).toHaveLength(1 + 3 + 9 + 5 + 3);
    const evaluation = answers.filter((r) => r[0] === 'Workshop evaluation');
    // Numbered by the content of the answers (anonymise), not by who answered first.
    expect(evaluation.map((r) => r[3])).toEqual([
      ...Array(3).fill('anonymous respondent 1'),
      ...Array(5).fill('anonymous respondent 2'),
    ]);
    expect(evaluation.map((r) => r[4])).toEqual(
      expect.arrayContaining([
        '4 – Very useful',
        '5 – Extremely useful',
        'about right',
        'Yes',
        'No',
        'Mapping capacities; Prioritising and voting',
      ]),
    );
    const marta = answers.filter((r) => r[3] === 'Marta Manager');
    expect(marta.find((r) => r[2] === 'Key issues and bottlenecks')).toBeUndefined();
    expect(marta.map((r) => r[4])).toContain(keyIssues);

    const results = rows(files['questionnaire-results.csv']!);
    expect(results).toContainEqual([
      'Workshop evaluation',
      expect.any(String),
      expect.stringContaining('useful'),
      '2',
      'Mean',
      '4.5',
    ]);
    expect(results.some((r) => r[4] === 'Coach’s note' && r[5] === COACH_NOTE)).toBe(true);
    expect(results.some((r) => r[4]!.startsWith('Not revealed'))).toBe(true);

    const summaries = rows(files['self-assessment.csv']!);
    const martaRow = summaries.find((r) => r[1] === 'Marta Manager')!;
    expect(martaRow).toEqual([
      'Cluster management self-assessment',
      'Marta Manager',
      // Bullets start with "-", which a spreadsheet would run as a formula: defused with ' .
      "'- a mature cluster around ropewayology",
      "'- policy fits the cluster: tourismfit",
      "'- management stretched thin: stretchynote",
      keyIssues,
      String(countWords(keyIssues)),
      solutions,
      String(countWords(solutions)),
    ]);
    // Luka wrote no solutions: empty cells, not a 0 or a made-up text.
    const lukaRow = summaries.find((r) => r[1] === 'Luka Leader')!;
    expect(lukaRow.slice(7)).toEqual(['', '']);
  });

  it('XLSX: the same tables as sheets, in the export’s language', async () => {
    const sheets = await xlsxText(record, 'de');
    expect(Object.keys(sheets)).toEqual(
      expect.arrayContaining(['Fragebogen-Antworten', 'Fragebogen-Ergebnisse', 'Selbstbewertung']),
    );
    const all = JSON.stringify(sheets);
    everyAnswerIn(all);
    noSecretIn(all);
    expect(all).toContain('anonyme Person 1');
    expect(all).toContain('"Ja"');
  });

  it('Markdown: a self-assessment section per manager and the questionnaires’ results', () => {
    const text = exportMarkdown(record);
    everyAnswerIn(text);
    noSecretIn(text);
    expect(text).toContain('## Self-assessment');
    expect(text).toContain('#### Marta Manager');
    expect(text).toContain(
      `Key issues and bottlenecks — ${countWords(keyIssues)} words (target about 500 words)`,
    );
    expect(text).toContain('_not answered_');
    expect(text).toContain('## Questionnaires');
    expect(text).toMatch(/\| 4 – Very useful \| 1 \|/);
    expect(text).toContain('Not revealed');
  });

  it('HTML (and the PDF printed from it): both sections, every answer, word counts, notes', () => {
    const html = exportHtml(record);
    everyAnswerIn(html);
    noSecretIn(html);
    expect(html).toContain('id="self-assessment"');
    expect(html).toContain('id="questionnaires"');
    expect(html).toContain('href="#self-assessment"');
    expect(html).toContain(`${countWords(keyIssues)} words (target about 500 words)`);
    expect(html).toContain(COACH_NOTE);
    expect(html).toContain('not answered');
    expect(html).toContain('anonymous respondent 2');
    expect(html).toContain('Not revealed');
  });

  it('shows a manager who did not agree to be named as a numbered respondent, not as anonymous', () => {
    const text = exportMarkdown(questionnaireRecord({ marta: true, luka: false }));
    expect(text).toContain('#### respondent 1 (name not recorded)');
    expect(text).toContain('#### Marta Manager');
    expect(text).not.toContain('Luka Leader');
  });

  it('speaks the export’s language in every human format', () => {
    const html = exportHtml(record, exportVocabulary('fr'));
    expect(html).toContain('Auto-évaluation');
    expect(html).toContain('sans réponse');
    expect(exportMarkdown(record, exportVocabulary('sl'))).toContain('## Samoocena');
    expect(csvFiles(record, 'it')['questionnaire-answers.csv']).toContain('rispondente anonimo 1');
  });

  it('exports a record without questionnaires as before (no extra files or sections)', () => {
    const old = recordSchema.parse({ ...record, schemaVersion: 1, questionnaires: undefined });
    expect(Object.keys(csvFiles(old))).toHaveLength(4);
    expect(exportHtml(old)).not.toContain('id="questionnaires"');
    expect(exportMarkdown(old)).not.toContain('## Self-assessment');
  });
});
