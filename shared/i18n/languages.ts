/**
 * The five UI languages: the one list the client, the doc (the workshop's language) and the
 * server share. Kept apart from the locales so importing it does not pull in their strings
 * (the client bundles English only and loads the others on first use).
 */
export const LANGUAGES = ['en', 'de', 'fr', 'it', 'sl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as the switchers show it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  sl: 'Slovenščina',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of some BCP 47 tags (e.g. navigator.languages) the app speaks, by its base language. */
export function matchLanguage(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}
