/**
 * The five languages' strings: every locale has every English key (plural keys in the plural
 * categories of its own language, as Intl.PluralRules names them) and no other, with the same
 * {{placeholders}}; and every English key is used somewhere in the code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALES } from '../../shared/i18n/locales';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const english = flatten(LOCALES.en);
const pluralBases = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map(base));

function base(key: string): string {
  return key.replace(PLURAL, '');
}

/** The keys a language must have: English's, with its own plural categories for plural keys. */
function expectedKeys(lng: string): Set<string> {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    // i18next's `_zero` (said for a count of 0 in every language) is a key of its own.
    if (key.endsWith('_zero')) keys.add(key);
    else if (PLURAL.test(key)) for (const c of categories) keys.add(`${base(key)}_${c}`);
    else keys.add(key);
  }
  return keys;
}

const placeholders = (text: string) =>
  [...new Set(text.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? [])].sort();

/** The English text a key is checked against: a plural key against English's `_other`. */
const englishFor = (key: string) =>
  english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key)) ?? '';

describe.each(LANGUAGES.filter((lng) => lng !== 'en'))('locale %s', (lng) => {
  const strings = flatten(LOCALES[lng]);

  it('has every key of English, in its plural categories, and no other', () => {
    const expected = expectedKeys(lng);
    const missing = [...expected].filter((k) => !strings.has(k));
    const extra = [...strings.keys()].filter((k) => !expected.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('is translated: not the English placeholder', () => {
    const same = [...strings].filter(([k, v]) => v === english.get(k) && /[a-z]{4}/.test(v));
    // Names and codes may stay as in English (Transforma, EDW…); most strings may not.
    expect(same.length, `${same.length} strings as in English`).toBeLessThan(english.size / 10);
  });

  it('keeps the {{placeholders}} of English', () => {
    const wrong = [...strings]
      .filter(([k, v]) => placeholders(v).join() !== placeholders(englishFor(k)).join())
      // A plural form may leave the count out ("one vote" for {{count}} = 1).
      .filter(([k, v]) => {
        if (!PLURAL.test(k)) return true;
        const without = placeholders(englishFor(k)).filter((p) => !/count/.test(p));
        return (
          placeholders(v)
            .filter((p) => !/count/.test(p))
            .join() !== without.join()
        );
      })
      .map(([k]) => k);
    expect(wrong).toEqual([]);
  });
});

/**
 * Keys the code builds at run time, by prefix: each names where the rest of the key comes from.
 * Template literals (t(`template.${template}`)) are found by themselves; these are the others.
 */
const DYNAMIC_PREFIXES = [
  // exportVocabulary reads these subtrees whole (returnObjects) as tables of labels.
  'exports.',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'locales') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('English keys', () => {
  it('are all used in the code', () => {
    const root = join(__dirname, '../..');
    const code = ['client/src', 'shared', 'server']
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .map((file) => readFileSync(file, 'utf8'));
    const literals = new Set<string>();
    const prefixes = new Set<string>(DYNAMIC_PREFIXES);
    for (const text of code) {
      for (const m of text.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g))
        literals.add(m[1]!);
      // `a.b.${x}` or `a.b.s${n}`: every key that starts so may be meant.
      for (const m of text.matchAll(/`([a-zA-Z][\w-]*\.[\w.-]*)\$\{/g)) prefixes.add(m[1]!);
    }
    const used = (key: string) =>
      literals.has(key) || literals.has(base(key)) || [...prefixes].some((p) => key.startsWith(p));
    const unused = [...english.keys()].filter((k) => !used(k));
    expect(unused).toEqual([]);
    expect(pluralBases.size).toBeGreaterThan(0);
  });
});
