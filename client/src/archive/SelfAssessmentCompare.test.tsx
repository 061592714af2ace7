/**
 * Self-assessments of several cities side by side: one column per record and manager, a row per
 * question, "not answered" where a manager gave no answer, word counts under the summaries, and a
 * record whose self-assessment was never revealed said to hold no answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import '@client/i18n';
import { copyTemplate } from '@shared/questionnaire/adapt';
import { questionnaireTemplate } from '@shared/questionnaire/shipped';
import type { RecordQuestionnaire } from '@shared/record/questionnaireSchema';
import type { WorkshopRecord } from '@shared/record/schema';
import { compareSelfAssessments, SelfAssessmentCompare } from './SelfAssessmentCompare';

afterEach(cleanup);

const text = (value: string) => ({ type: 'long-text' as const, value });

function record(
  id: string,
  city: string,
  managers: { name: string; answers: Record<string, string> }[],
  revealed = true,
): WorkshopRecord {
  const definition = copyTemplate(questionnaireTemplate('cluster-management-self-assessment'), {
    id: `sa-${id}`,
  });
  const questionnaire: RecordQuestionnaire = {
    definition,
    status: revealed ? 'revealed' : 'not-revealed',
    revealedAt: null,
    responses: managers.map((m, i) => ({
      respondentId: `${id}-${i}`,
      name: m.name,
      answers: Object.fromEntries(Object.entries(m.answers).map(([k, v]) => [k, text(v)])),
    })),
    aggregate: null,
    coachNotes: [],
    selfAssessment: [],
  };
  // Only what the comparison reads.
  return {
    workshop: { id, title: `Self-assessment ${city}`, regions: [{ id: city, name: city }] },
    questionnaires: [questionnaire],
  } as unknown as WorkshopRecord;
}

const records = [
  record('lj', 'Ljubljana', [
    {
      name: 'Marta',
      answers: { 'a-activities': '- cable cars', 'key-issues': 'slow permits here' },
    },
    { name: 'Luka', answers: { 'b-vision': '- green lifts' } },
  ]),
  record('gr', 'Graz', [{ name: 'Greta', answers: { 'a-activities': '- car parts' } }]),
  record('ts', 'Trieste', [], false),
];

describe('compareSelfAssessments', () => {
  it('makes one column per city and manager and one row per question', () => {
    const { columns, rows, notRevealed } = compareSelfAssessments(records, (n) => `anon ${n}`);
    expect(columns.map((c) => [c.city, c.manager])).toEqual([
      ['Ljubljana', 'Marta'],
      ['Ljubljana', 'Luka'],
      ['Graz', 'Greta'],
    ]);
    expect(rows[0]!.id).toBe('a-activities');
    expect(rows.map((r) => r.id)).toContain('solutions');
    expect(notRevealed).toEqual(['Self-assessment Trieste']);
  });
});

describe('SelfAssessmentCompare', () => {
  it('shows every manager’s answer to a question in its row, and what was not answered', () => {
    render(<SelfAssessmentCompare records={records} />);
    const table = screen.getByRole('table');
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('key activities'))!;
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual([
      '- cable cars',
      'not answered',
      '- car parts',
    ]);
    const summary = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryByText(/slow permits here/))!;
    expect(summary.textContent).toContain('3 words (target about 500)');
    expect(
      screen.getByText(/Self-assessment Trieste: the self-assessment was not revealed/),
    ).toBeTruthy();
  });
});
