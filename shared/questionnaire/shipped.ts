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
 *
 * Translations: templates/<language>/<id>.json, the same file with other strings and the same
 * ids, answer types, options, constraints and `version` (tests/unit/questionnaire-translations.test.ts
 * compares them with the English ones). Changing a template means changing every translation.
 */
import deSelfAssessment from './templates/de/cluster-management-self-assessment.json' with { type: 'json' };
import deFormativeEvaluation from './templates/de/formative-evaluation.json' with { type: 'json' };
import deStressTest from './templates/de/stress-test.json' with { type: 'json' };
import frSelfAssessment from './templates/fr/cluster-management-self-assessment.json' with { type: 'json' };
import frFormativeEvaluation from './templates/fr/formative-evaluation.json' with { type: 'json' };
import frStressTest from './templates/fr/stress-test.json' with { type: 'json' };
import itSelfAssessment from './templates/it/cluster-management-self-assessment.json' with { type: 'json' };
import itFormativeEvaluation from './templates/it/formative-evaluation.json' with { type: 'json' };
import itStressTest from './templates/it/stress-test.json' with { type: 'json' };
import slSelfAssessment from './templates/sl/cluster-management-self-assessment.json' with { type: 'json' };
import slFormativeEvaluation from './templates/sl/formative-evaluation.json' with { type: 'json' };
import slStressTest from './templates/sl/stress-test.json' with { type: 'json' };
import selfAssessment from './templates/cluster-management-self-assessment.json' with { type: 'json' };
import formativeEvaluation from './templates/formative-evaluation.json' with { type: 'json' };
import stressTest from './templates/stress-test.json' with { type: 'json' };
import { isLanguage, type Language } from '../i18n/languages';
import { questionnaireSchema, type Questionnaire } from './schema';

export const QUESTIONNAIRE_TEMPLATE_IDS = [
  'cluster-management-self-assessment',
  'stress-test',
  'formative-evaluation',
] as const;
export type QuestionnaireTemplateId = (typeof QUESTIONNAIRE_TEMPLATE_IDS)[number];

/** English for every template; another language only for the templates translated into it. */
const FILES: Record<Language, Partial<Record<QuestionnaireTemplateId, unknown>>> = {
  en: {
    'cluster-management-self-assessment': selfAssessment,
    'stress-test': stressTest,
    'formative-evaluation': formativeEvaluation,
  },
  de: {
    'cluster-management-self-assessment': deSelfAssessment,
    'stress-test': deStressTest,
    'formative-evaluation': deFormativeEvaluation,
  },
  fr: {
    'cluster-management-self-assessment': frSelfAssessment,
    'stress-test': frStressTest,
    'formative-evaluation': frFormativeEvaluation,
  },
  it: {
    'cluster-management-self-assessment': itSelfAssessment,
    'stress-test': itStressTest,
    'formative-evaluation': itFormativeEvaluation,
  },
  sl: {
    'cluster-management-self-assessment': slSelfAssessment,
    'stress-test': slStressTest,
    'formative-evaluation': slFormativeEvaluation,
  },
};

const parsed = new Map<string, Questionnaire>();

/** The app language of a tag ('de', 'de-AT' → 'de'); English when the app does not speak it. */
function baseLanguage(tag: string | undefined): Language {
  const base = tag?.toLowerCase().split('-')[0];
  return isLanguage(base) ? base : 'en';
}

/** The languages a template is shipped in, English first. */
export function questionnaireTemplateLanguages(id: QuestionnaireTemplateId): Language[] {
  return (Object.keys(FILES) as Language[]).filter((language) => FILES[language][id] !== undefined);
}

/**
 * A shipped template, validated (a copy: changing it changes nothing shared), in `language` (a
 * BCP 47 tag such as the workshop's or the UI's language) — in English when it has no translation
 * in that language.
 */
export function questionnaireTemplate(
  id: QuestionnaireTemplateId,
  language?: string,
): Questionnaire {
  const wanted = baseLanguage(language);
  const lang = FILES[wanted][id] === undefined ? 'en' : wanted;
  const key = `${lang}/${id}`;
  let template = parsed.get(key);
  if (!template) {
    template = questionnaireSchema.parse(FILES[lang][id]);
    parsed.set(key, template);
  }
  return structuredClone(template);
}

export function questionnaireTemplates(language?: string): Questionnaire[] {
  return QUESTIONNAIRE_TEMPLATE_IDS.map((id) => questionnaireTemplate(id, language));
}

/** The section ids of the self-assessment's three dimensions and its summaries. */
export const SELF_ASSESSMENT = {
  templateId: 'cluster-management-self-assessment',
  dimensions: { A: 'a-cluster', B: 'b-policy', C: 'c-management' },
  summaries: { keyIssues: 'key-issues', solutions: 'solutions' },
} as const;
