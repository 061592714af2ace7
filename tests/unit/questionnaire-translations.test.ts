/**
 * The shipped questionnaire templates in other languages (templates/<language>/<id>.json): the
 * same file as the English one with other strings — the same ids, structure, answer types, option
 * ids, constraints and version — every string a person reads translated, and each one a valid
 * questionnaire. questionnaireTemplate(id, language) picks them, English when there is none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n/languages';
import { questionnaireSchema } from '../../shared/questionnaire/schema';
import {
  questionnaireTemplate,
  questionnaireTemplateLanguages,
  questionnaireTemplates,
  QUESTIONNAIRE_TEMPLATE_IDS,
} from '../../shared/questionnaire/shipped';

const dir = fileURLToPath(new URL('../../shared/questionnaire/templates/', import.meta.url));
const TRANSLATED = LANGUAGES.filter((language) => language !== 'en');

/** The keys whose strings a person reads (a string, or a list of strings). */
const READ = new Set(['title', 'description', 'subtitle', 'text', 'hint', 'examples', 'labels']);
const READ_IN_ANSWER = new Set(['label', 'unit']);

function readable(key: string | undefined, parent: string[]): boolean {
  if (key === undefined) return false;
  if (READ.has(key)) return true;
  // an option's label, a number's unit: inside an answer type
  return READ_IN_ANSWER.has(key) && (parent.includes('answer') || parent.includes('options'));
}

/**
 * The file with every string a person reads replaced by a marker and `language` left out: what
 * must be identical in every translation. The strings come out in `strings`, by path.
 */
function skeleton(
  value: unknown,
  strings: Map<string, string>,
  path: string[] = [],
  inRead = false,
): unknown {
  const key = path.at(-1);
  if (typeof value === 'string') {
    if (inRead || readable(key, path.slice(0, -1))) {
      strings.set(path.join('.'), value);
      return '<read>';
    }
    return value;
  }
  if (Array.isArray(value)) {
    const listRead = inRead || readable(key, path.slice(0, -1));
    return value.map((v, i) => skeleton(v, strings, [...path, String(i)], listRead));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (path.length === 0 && k === 'language') continue;
      out[k] = skeleton(v, strings, [...path, k]);
    }
    return out;
  }
  return value;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('translation files', () => {
  it('every language has exactly the three templates, and nothing else', () => {
    for (const language of TRANSLATED) {
      expect(existsSync(dir + language), language).toBe(true);
      const files = readdirSync(dir + language).sort();
      expect(files, language).toEqual(QUESTIONNAIRE_TEMPLATE_IDS.map((id) => `${id}.json`).sort());
    }
  });

  for (const id of QUESTIONNAIRE_TEMPLATE_IDS) {
    const englishStrings = new Map<string, string>();
    const english = readJson(`${dir}${id}.json`);
    const englishSkeleton = skeleton(english, englishStrings);

    for (const language of TRANSLATED) {
      describe(`${language}/${id}`, () => {
        const raw = readJson(`${dir}${language}/${id}.json`);
        const strings = new Map<string, string>();
        const translatedSkeleton = skeleton(raw, strings);

        it('validates, and says its language', () => {
          const parsed = questionnaireSchema.safeParse(raw);
          expect(parsed.error?.issues ?? [], `${language}/${id}`).toEqual([]);
          expect(raw.language).toBe(language);
        });

        it('has the English ids, structure, answer types, options, constraints and version', () => {
          // ids, version, anonymous, sumUp, answer types with their format, word targets,
          // limits, bounds and option ids, in the same order; the same keys (a hint, examples,
          // a subtitle where English has one) and lists of the same length
          expect(translatedSkeleton).toEqual(englishSkeleton);
          expect([...strings.keys()]).toEqual([...englishStrings.keys()]);
        });

        it('has every string non-empty, and translated', () => {
          const same: string[] = [];
          for (const [path, text] of strings) {
            expect(text.trim(), path).not.toBe('');
            expect(text, path).toBe(text.trim());
            if (text === englishStrings.get(path)) same.push(`${path}: ${text}`);
          }
          // a few strings may read the same in both (a "(…)", a name); an untranslated copy
          // would have most of them the same
          expect(same.length / strings.size, same.join('\n')).toBeLessThanOrEqual(0.05);
        });
      });
    }
  }
});

describe('questionnaireTemplate(id, language)', () => {
  it('gives the template in that language, validated, for every template and language', () => {
    for (const id of QUESTIONNAIRE_TEMPLATE_IDS) {
      expect(questionnaireTemplateLanguages(id)).toEqual([...LANGUAGES]);
      for (const language of LANGUAGES) {
        const template = questionnaireTemplate(id, language);
        expect(template.language).toBe(language);
        expect(template.id).toBe(id);
        expect(template.version).toBe(questionnaireTemplate(id).version);
      }
    }
    expect(questionnaireTemplates('fr').map((t) => t.language)).toEqual(['fr', 'fr', 'fr']);
  });

  it('is English without a language, or for one it has no translation in', () => {
    expect(questionnaireTemplate('stress-test').language).toBe('en');
    expect(questionnaireTemplate('stress-test', 'es').language).toBe('en');
    expect(questionnaireTemplate('stress-test', '').language).toBe('en');
    expect(questionnaireTemplates().map((t) => t.language)).toEqual(['en', 'en', 'en']);
  });

  it('takes a regional tag by its base language', () => {
    expect(questionnaireTemplate('formative-evaluation', 'de-AT').language).toBe('de');
    expect(questionnaireTemplate('formative-evaluation', 'FR-ch').language).toBe('fr');
  });

  it('gives copies: changing one changes nothing shared', () => {
    const a = questionnaireTemplate('formative-evaluation', 'sl');
    a.title = 'changed';
    a.sections[0]!.title = 'changed';
    const b = questionnaireTemplate('formative-evaluation', 'sl');
    expect(b.title).not.toBe('changed');
    expect(b.sections[0]!.title).not.toBe('changed');
  });

  it('the translated self-assessment keeps the seed’s dimensions A, B and C', () => {
    for (const language of TRANSLATED) {
      const t = questionnaireTemplate('cluster-management-self-assessment', language);
      expect(t.sections.map((s) => s.title.slice(0, 2))).toEqual([
        'A.',
        'B.',
        'C.',
        expect.any(String),
      ]);
    }
  });
});
