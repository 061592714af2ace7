/** The shipped questionnaire templates: data files that validate, faithful to the seed. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allQuestions,
  findQuestion,
  questionnaireProblem,
  type Questionnaire,
} from '../../shared/questionnaire/schema';
import {
  questionnaireTemplate,
  questionnaireTemplates,
  QUESTIONNAIRE_TEMPLATE_IDS,
  SELF_ASSESSMENT,
} from '../../shared/questionnaire/shipped';

const dir = fileURLToPath(new URL('../../shared/questionnaire/templates/', import.meta.url));

describe('template files', () => {
  it('every file in templates/ is a valid questionnaire, and every one is shipped', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(QUESTIONNAIRE_TEMPLATE_IDS.map((id) => `${id}.json`).sort());
    for (const file of files) {
      const raw = JSON.parse(readFileSync(dir + file, 'utf8')) as Questionnaire;
      expect(questionnaireProblem(raw), file).toBeNull();
      expect(`${raw.id}.json`).toBe(file);
      expect(raw.version).toBeGreaterThanOrEqual(1);
      expect(raw.language).toBe('en');
    }
  });

  it('all three load, validated, as copies', () => {
    const templates = questionnaireTemplates();
    expect(templates.map((t) => t.id)).toEqual([...QUESTIONNAIRE_TEMPLATE_IDS]);
    const a = questionnaireTemplate('stress-test');
    a.title = 'changed';
    expect(questionnaireTemplate('stress-test').title).not.toBe('changed');
  });
});

describe('cluster-management self-assessment (seed, Table 1)', () => {
  const t = questionnaireTemplate('cluster-management-self-assessment');
  const section = (id: string) => t.sections.find((s) => s.id === id)!;

  it('has dimensions A, B, C with their questions from the seed, and each ends with a sum-up', () => {
    const { A, B, C } = SELF_ASSESSMENT.dimensions;
    expect(t.sections.map((s) => s.id)).toEqual([A, B, C, 'summaries']);
    expect([A, B, C].map((id) => [section(id).title, section(id).subtitle])).toEqual([
      ['A. The Cluster', 'What do I want to manage?'],
      ['B. The Cluster policy', 'What is my strategy?'],
      ['C. The Cluster management', 'How do I make it happen?'],
    ]);
    // the seed's Table 1: 8 guiding questions in A, 9 in B, 12 in C, plus one sum-up each
    expect([A, B, C].map((id) => section(id).questions.length)).toEqual([9, 10, 13]);
    for (const id of [A, B, C]) {
      const questions = section(id).questions;
      expect(questions.at(-1)!.sumUp).toBe(true);
      expect(questions.filter((q) => q.sumUp)).toHaveLength(1);
    }
  });

  it('keeps the seed’s exact wording of questions, hints and examples', () => {
    const text = (id: string) => findQuestion(t, id)!.text;
    expect(text('a-activities')).toBe('What are the key activities and products of the cluster?');
    expect(text('a-knowledge')).toBe('From whom do the firm´s mainly get knowledge from?');
    expect(text('a-stage')).toBe(
      'In which development stage is the cluster? Which types of firms have been emerging/growing and declining?',
    );
    expect(text('a-sum-up')).toBe('What are the 3 key problems/challenges of the cluster?');
    expect(text('b-not-committed')).toBe(
      'Which relevant players are NOT committed, and why is that?',
    );
    expect(text('b-sum-up')).toBe(
      'What are the key strengths of this cluster policy? What are the main bottlenecks, and how to improve?',
    );
    expect(text('c-new-entrants')).toBe(
      'Do I try to insert new entrants in the established networks? Or do I mainly deal with formerly established networks / older members?',
    );
    expect(text('c-sum-up')).toBe(
      'What does work really well in my cluster management practice? What are the key bottlenecks, and how to improve?',
    );
    expect(findQuestion(t, 'a-stage')!.hint).toBe('Take-off; golden age; maturity');
    expect(findQuestion(t, 'b-vision')!.hint).toBe(
      'The “lighthouse”, or, “where do we want the cluster to be in 5 year’s time?”',
    );
    expect(findQuestion(t, 'c-legal-form')!.hint).toBe(
      'Foundation; government department; Limited Liability Company?',
    );
    expect(findQuestion(t, 'a-networks')!.examples).toEqual([
      'Sharing (e.g. infrastructures, advanced service providers, machinery and labs, specialized training, etc)',
      'Matching (e.g. employee exchange, job poaching, free lancing, etc)',
      'Learning (e.g. formal and informal/ad hoc partnerships and joint projects, learning from observing, spin-offs, etc)',
    ]);
    expect(findQuestion(t, 'c-assets')!.examples).toContain('Access to international networks;');
  });

  it('gives every guiding question a hint or examples, and asks for bullet points', () => {
    for (const id of Object.values(SELF_ASSESSMENT.dimensions)) {
      for (const q of section(id).questions) {
        expect(q.answer).toEqual({ type: 'long-text', format: 'bullets' });
        if (!q.sumUp) expect(Boolean(q.hint) || Boolean(q.examples?.length), q.id).toBe(true);
      }
    }
  });

  it('ends with the two ~500-word summaries', () => {
    const { keyIssues, solutions } = SELF_ASSESSMENT.summaries;
    expect(section('summaries').questions.map((q) => [q.id, q.answer])).toEqual([
      [keyIssues, { type: 'long-text', format: 'prose', wordTarget: 500 }],
      [solutions, { type: 'long-text', format: 'prose', wordTarget: 500 }],
    ]);
    expect(t.anonymous).toBe(false);
  });
});

describe('StressTest', () => {
  const t = questionnaireTemplate('stress-test');

  it('covers the six topics of DOMAIN.md with two or three questions each', () => {
    expect(t.sections.map((s) => s.title)).toEqual([
      'Role of clusters in developing the S3',
      'Alignment with national and neighbouring strategies',
      'Implementation',
      'Cluster monitoring and evaluation tools',
      'Impact on cluster organisations',
      'Effectiveness of the cluster portfolio',
    ]);
    for (const s of t.sections) expect([2, 3]).toContain(s.questions.length);
    const types = new Set(allQuestions(t).map(({ question }) => question.answer.type));
    expect(types).toContain('likert');
    expect(types).toContain('long-text');
  });
});

describe('formative evaluation', () => {
  const t = questionnaireTemplate('formative-evaluation');

  it('asks about usefulness, results, process and what to change; anonymous by default', () => {
    expect(t.sections.map((s) => s.id)).toEqual(['usefulness', 'results', 'process', 'change']);
    expect(t.anonymous).toBe(true);
    const types = new Set(allQuestions(t).map(({ question }) => question.answer.type));
    for (const type of ['likert', 'yes-no', 'single-choice', 'multiple-choice', 'ranking']) {
      expect(types).toContain(type);
    }
  });
});
