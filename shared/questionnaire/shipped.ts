/**
 * The questionnaire templates the product ships: data files in templates/, validated against
 * `questionnaireSchema` when first read (and by tests/unit/questionnaire-templates.test.ts).
 *   cluster-management-self-assessment  Table 1 of the reference framework for cluster managers
 *                                       (../shared/seeds/004_…), the three dimensions A, B, C with
 *                                       their guiding questions, hints and examples and sum-ups, as
 *                                       the seed gives them, plus the two ~500-word summaries
 *   stress-test                         how clusters take part in the S3: the six topics of
 *                                       ../shared/DOMAIN.md (our wording)
 *   formative-evaluation                after a workshop: usefulness, results, process, what to
 *                                       change (our wording; anonymous by default)
 * A workshop never uses a template directly: it copies one (adapt.ts copyTemplate).
 * To change a shipped template, edit its file and raise its `version`.
 */
import selfAssessment from './templates/cluster-management-self-assessment.json' with { type: 'json' };
import formativeEvaluation from './templates/formative-evaluation.json' with { type: 'json' };
import stressTest from './templates/stress-test.json' with { type: 'json' };
import { questionnaireSchema, type Questionnaire } from './schema';

export const QUESTIONNAIRE_TEMPLATE_IDS = [
  'cluster-management-self-assessment',
  'stress-test',
  'formative-evaluation',
] as const;
export type QuestionnaireTemplateId = (typeof QUESTIONNAIRE_TEMPLATE_IDS)[number];

const FILES: Record<QuestionnaireTemplateId, unknown> = {
  'cluster-management-self-assessment': selfAssessment,
  'stress-test': stressTest,
  'formative-evaluation': formativeEvaluation,
};

const parsed = new Map<QuestionnaireTemplateId, Questionnaire>();

/** A shipped template, validated (a copy: changing it changes nothing shared). */
export function questionnaireTemplate(id: QuestionnaireTemplateId): Questionnaire {
  let template = parsed.get(id);
  if (!template) {
    template = questionnaireSchema.parse(FILES[id]);
    parsed.set(id, template);
  }
  return structuredClone(template);
}

export function questionnaireTemplates(): Questionnaire[] {
  return QUESTIONNAIRE_TEMPLATE_IDS.map(questionnaireTemplate);
}

/** The section ids of the self-assessment's three dimensions and its summaries. */
export const SELF_ASSESSMENT = {
  templateId: 'cluster-management-self-assessment',
  dimensions: { A: 'a-cluster', B: 'b-policy', C: 'c-management' },
  summaries: { keyIssues: 'key-issues', solutions: 'solutions' },
} as const;
