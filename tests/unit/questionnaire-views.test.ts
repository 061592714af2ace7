/** The side-by-side discussion view and the self-assessment summary, as pure data. */
import { describe, expect, it } from 'vitest';
import { copyTemplate, removeQuestion } from '../../shared/questionnaire/adapt';
import type { Response } from '../../shared/questionnaire/schema';
import { questionnaireTemplate } from '../../shared/questionnaire/shipped';
import { selfAssessmentSummary, sideBySide } from '../../shared/questionnaire/views';

const sa = copyTemplate(questionnaireTemplate('cluster-management-self-assessment'), {
  id: 'sa-1',
});
const text = (value: string) => ({ type: 'long-text' as const, value });

const ana: Response = {
  respondentId: 'ana',
  name: 'Ana',
  answers: {
    'a-activities': text('- wood'),
    'a-sum-up': text('- skills\n- exports\n- succession'),
    'b-sum-up': text('- strong: open membership'),
    'key-issues': text('Our policy does not match the cluster’s stage of maturity.'),
  },
};
const ben: Response = {
  respondentId: 'ben',
  name: 'Ben',
  answers: { 'a-activities': text('- textiles'), 'c-sum-up': text('- events work') },
};

describe('sideBySide', () => {
  it('gives every question a row and every manager a column; missing answers are null', () => {
    const view = sideBySide(sa, [ana, ben]);
    expect(view.columns).toEqual([
      { respondentId: 'ana', name: 'Ana' },
      { respondentId: 'ben', name: 'Ben' },
    ]);
    expect(view.rows).toHaveLength(9 + 10 + 13 + 2);
    expect(view.rows[0]).toMatchObject({
      sectionId: 'a-cluster',
      question: { id: 'a-activities' },
      answers: [text('- wood'), text('- textiles')],
    });
    expect(view.rows.find((r) => r.question.id === 'c-sum-up')!.answers).toEqual([
      null,
      text('- events work'),
    ]);
  });

  it('shows no names for an anonymous questionnaire', () => {
    const view = sideBySide({ ...sa, anonymous: true }, [ana, ben]);
    expect(JSON.stringify(view.columns)).not.toMatch(/Ana|Ben|"ana"|"ben"/);
  });
});

describe('selfAssessmentSummary', () => {
  it('puts the A, B and C sum-ups next to both summaries with their word counts', () => {
    expect(selfAssessmentSummary(sa, ana)).toEqual({
      sumUps: {
        A: { questionId: 'a-sum-up', text: '- skills\n- exports\n- succession' },
        B: { questionId: 'b-sum-up', text: '- strong: open membership' },
        C: { questionId: 'c-sum-up', text: null },
      },
      keyIssues: {
        questionId: 'key-issues',
        text: 'Our policy does not match the cluster’s stage of maturity.',
        words: 10,
        wordTarget: 500,
      },
      solutions: { questionId: 'solutions', text: null, words: 0, wordTarget: 500 },
    });
  });

  it('follows an adapted copy: a removed sum-up reads as null', () => {
    const result = removeQuestion(sa, 'b-sum-up');
    if (!result.ok) throw new Error(result.error);
    expect(selfAssessmentSummary(result.questionnaire, ana).sumUps.B).toEqual({
      questionId: null,
      text: null,
    });
  });
});
