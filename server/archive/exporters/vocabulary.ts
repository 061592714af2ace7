/**
 * What the exports print, in one place: the app's locale data (shared/i18n/locales, all five
 * languages), read through one server-side i18next instance, so a count comes out as the
 * language's i18next plurals and every export speaks the language it is asked for.
 *
 * `ExportVocabulary` is that table for one language: `t` for the exports' own strings (`exports.*`,
 * keys checked by the compiler), the S3 vocabulary and record facts as ready tables, and the
 * language's `Intl` formats for times, dates, numbers and money.
 */
import i18next, { type TOptions } from 'i18next';
import {
  NOT_SET,
  type NotSet,
  type ActionStatus,
  type ActionType,
  type ActivityStatus,
  type CapacityKind,
  type FundingSource,
  type Helix,
  type IndicatorKind,
  type OpportunityKind,
  type TimeHorizon,
} from '../../../shared/domain/s3';
import type { WorkshopTemplate } from '../../../shared/domain/workshop';
import type { RecordKind } from '../../../shared/record/schema';
import { en } from '../../../shared/i18n/locales/en';
import { LANGUAGES, LOCALES, isLanguage, type Language } from '../../../shared/i18n/locales';

/** Every UI language is an export language; a key a locale lacks falls back to English. */
const RESOURCES = Object.fromEntries(
  LANGUAGES.map((lng) => [lng, { translation: LOCALES[lng] }]),
) as Record<Language, { translation: (typeof LOCALES)[Language] }>;

/**
 * The `Intl` locale of each language. English is British English (the EU's), and keeps the ISO
 * dates its exports always had (see `time`); the others are the language's own formats.
 */
const INTL_LOCALE: Record<Language, string> = {
  en: 'en-GB',
  de: 'de',
  fr: 'fr',
  it: 'it',
  sl: 'sl',
};

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
/** The dotted keys of a resource object, plural forms folded into their base key. */
type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${WithoutPlural<K>}`
    : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the exports' own strings, e.g. 'participants.total' (a plural: pass `count`). */
export type ExportKey = KeyPaths<typeof en.exports>;
export type ExportT = (key: ExportKey, options?: TOptions) => string;

export interface ExportVocabulary {
  /** The language tag (the HTML report's `lang`). */
  lng: Language;
  /** The `Intl` locale of the language (e.g. 'en-GB'). */
  intlLocale: string;
  /** A moment (ISO time) as printed, in UTC: "2026-11-23 09:20 UTC" (en), "23.11.2026, 09:20 UTC" (de); '' for null. */
  time: (iso: string | null) => string;
  /** A day (ISO date or time) as printed: "2026-11-23" (en), "23.11.2026" (de); '' for null or ''. */
  day: (iso: string | null) => string;
  /** A count or score with the language's digits grouping: "1,250" (en), "1.250" (de). */
  number: (value: number) => string;
  /** A language code (the workshop's language) by its name in this language: "de" → "German" (en). */
  languageName: (code: string) => string;
  /** An amount in euros: "EUR 48,500.50" (en), "48.500,50 EUR" (de); cents only when there are some; '' for null. */
  money: (amount: number | null) => string;
  /** The exports' strings (`exports.*` of the locale data), with interpolation and plurals. */
  t: ExportT;
  helix: Record<Helix | 'unspecified', string>;
  capacityKind: Record<CapacityKind, string>;
  opportunityKind: Record<OpportunityKind, string>;
  horizon: Record<TimeHorizon, string>;
  activityStatus: Record<ActivityStatus, string>;
  actionType: Record<ActionType, string>;
  fundingSource: Record<FundingSource, string>;
  actionStatus: Record<ActionStatus, string>;
  indicatorKind: Record<IndicatorKind, string>;
  template: Record<WorkshopTemplate, string>;
  recordKind: Record<RecordKind, string>;
  /** Template phases keep a key as their name until the facilitator renames them. */
  phase: Record<string, string>;
  /** A region id the record does not know (a region removed from the workshop). */
  unknownRegion: string;
  /** Votes and participants without a region. */
  noRegion: string;
  /** A link to a card deleted before the record was taken. */
  removed: string;
  /**
   * A value the record does not hold (free text '', a number or date null, a strength of 0, a closed
   * field nobody chose a value for).
   */
  notSet: string;
  /** A vote split's merged small groups (key "other"), with the threshold they were under. */
  voteOther: (minVoters: number) => string;
  /** A card's split that the vote-privacy rule left out (or a vote revealed before the rule). */
  voteSplitHidden: string;
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: RESOURCES,
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Values are escaped by each format (React for HTML, md() for Markdown, nothing for CSV), and
  // never read as keys or nesting (skipOnVariables): a title prints as it was written.
  interpolation: { escapeValue: false, skipOnVariables: true },
  returnNull: false,
});

const cache = new Map<string, ExportVocabulary>();

/** The export table of a language (English for a language without resources). */
export function exportVocabulary(language: string = 'en'): ExportVocabulary {
  // One table per language with resources (so the cache stays as small as RESOURCES).
  const lng: Language = isLanguage(language) ? language : 'en';
  const cached = cache.get(lng);
  if (cached) return cached;
  // i18n.t with the language, not getFixedT: the fixed function copies every option per call,
  // several times slower, and a report makes hundreds of calls.
  const translate = i18n.t.bind(i18n) as unknown as (key: string, options: TOptions) => unknown;
  const fixed = (key: string, options?: TOptions) => translate(key, { ...options, lng });
  const text = (key: string, options?: TOptions) => String(fixed(key, options));
  /** A table of labels: the language's, any key it lacks in English. */
  const table = <T extends object>(key: string, english: T): T => {
    const found = fixed(key, { returnObjects: true });
    return { ...english, ...(typeof found === 'object' && found !== null ? found : {}) };
  };
  // Most labels take no options: looked up once per language.
  const plain = new Map<string, string>();
  const t: ExportT = (key, options) => {
    if (options) return text(`exports.${key}`, options);
    let found = plain.get(key);
    if (found === undefined) plain.set(key, (found = text(`exports.${key}`)));
    return found;
  };
  const words: ExportVocabulary = {
    lng,
    ...formats(lng),
    t,
    helix: { ...table('s3.helix', en.s3.helix), unspecified: t('helixUnspecified') },
    capacityKind: table('s3.capacityKind', en.s3.capacityKind),
    opportunityKind: table('s3.opportunityKind', en.s3.opportunityKind),
    horizon: table('s3.horizon', en.s3.horizon),
    activityStatus: table('s3.activityStatus', en.s3.activityStatus),
    actionType: table('s3.actionType', en.s3.actionType),
    fundingSource: table('s3.fundingSource', en.s3.fundingSource),
    actionStatus: table('s3.actionStatus', en.s3.actionStatus),
    indicatorKind: table('exports.indicatorKind', en.exports.indicatorKind),
    template: table('template', en.template),
    recordKind: table('exports.recordKind', en.exports.recordKind),
    phase: table<Record<string, string>>('facilitation.phases', en.facilitation.phases),
    unknownRegion: t('unknownRegion'),
    noRegion: t('noRegion'),
    removed: t('removed'),
    notSet: t('notSet'),
    voteOther: (minVoters) => t('votes.other', { count: minVoters }),
    voteSplitHidden: t('votes.splitHidden'),
  };
  cache.set(lng, words);
  return words;
}

/** Times, days, numbers and money as the language writes them (`Intl`, made once per language). */
function formats(
  lng: Language,
): Pick<ExportVocabulary, 'intlLocale' | 'time' | 'day' | 'number' | 'money' | 'languageName'> {
  const intlLocale = INTL_LOCALE[lng];
  const dayFormat = new Intl.DateTimeFormat(intlLocale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  const timeFormat = new Intl.DateTimeFormat(intlLocale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  const numberFormat = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 2 });
  const languageNames = new Intl.DisplayNames(intlLocale, { type: 'language' });
  const money = (cents: boolean) =>
    new Intl.NumberFormat(intlLocale, {
      style: 'currency',
      currency: 'EUR',
      currencyDisplay: 'code',
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
    });
  const whole = money(false);
  const withCents = money(true);
  // English keeps the ISO dates its exports have always printed (sortable, read alike everywhere).
  const iso = lng === 'en';
  const parse = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return {
    intlLocale,
    time: (value) => {
      if (!value) return '';
      if (iso) return `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
      return `${timeFormat.format(parse(value))} UTC`;
    },
    day: (value) => {
      if (!value) return '';
      return iso ? value.slice(0, 10) : dayFormat.format(parse(value));
    },
    number: (value) => numberFormat.format(value),
    languageName: (code) => {
      try {
        return languageNames.of(code) ?? code;
      } catch {
        return code; // not a language tag: printed as the record holds it
      }
    },
    money: (amount) =>
      amount === null
        ? ''
        : (Number.isInteger(amount) ? whole : withCents).format(amount).replace(/\u00a0/g, ' '),
  };
}

/** English: the app's own locale strings, one source for the boards and the exports. */
export const VOCABULARY_EN: ExportVocabulary = exportVocabulary('en');

/** A phase's name as printed: a template key by its label, a name the facilitator gave as it is. */
export function phaseName(name: string, words: ExportVocabulary): string {
  return Object.hasOwn(words.phase, name) ? words.phase[name]! : name;
}

/**
 * A closed field's label. Not set ('') prints as `notSet`: the human exports pass words.notSet, the
 * CSV passes '' so that a machine reads the same empty value the record holds.
 */
export function closedLabel<K extends string>(
  labels: Record<K, string>,
  value: K | NotSet,
  notSet: string,
): string {
  return value === NOT_SET ? notSet : labels[value];
}
