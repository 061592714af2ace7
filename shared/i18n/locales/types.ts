/**
 * The shape every locale has: the English tree's keys, each with a string of its own language.
 * A plural key (`voters_one`, `voters_other`) comes in the plural categories of the language
 * (CLDR, as `Intl.PluralRules` names them): de and en `one` `other`; fr and it `one` `many` `other`;
 * sl `one` `two` `few` `other`. So a locale may carry plural keys that English has not; a test
 * (tests/unit/locales.test.ts) checks that each locale has every key it needs and no other.
 */
import type { TranslationResources } from './en';

type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

export type LocaleTree<T> = {
  [K in keyof T]: T[K] extends string ? string : LocaleTree<T[K]>;
} & { [plural: `${string}_${PluralCategory}`]: string };

/** One language's strings: every key of the English reference, translated. */
export type Locale = LocaleTree<TranslationResources>;

/** A part of a locale (one file of `shared/i18n/locales/<lng>/`), e.g. `LocalePart<'voting'>`. */
export type LocalePart<K extends keyof TranslationResources> = LocaleTree<TranslationResources[K]>;
