/**
 * The words a spreadsheet may use for the closed S3 lists (kinds, helices, horizons) in our five UI
 * languages, and the one place that maps a year or a span of years to a time horizon.
 * Every word is compared after `normaliseWord` (case, accents, punctuation and spacing ignored).
 */
import {
  CAPACITY_KINDS,
  HELICES,
  OPPORTUNITY_KINDS,
  TIME_HORIZONS,
  type CapacityKind,
  type Helix,
  type OpportunityKind,
  type TimeHorizon,
} from '../domain/s3';

/** "R&D  Project" → "r d project", "Université" → "universite", "Évidence (URL)" → "evidence url". */
export function normaliseWord(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words per value; the value itself (and its spaced form, "technology trend") is always accepted. */
type Synonyms<T extends string> = Record<T, string[]>;

const CAPACITY_KIND_WORDS: Synonyms<CapacityKind> = {
  industry: [
    'industrial',
    'company',
    'companies',
    'business',
    'firm',
    'firms',
    'enterprise',
    'enterprises',
    'sme',
    'smes',
    'economy',
    'industrie',
    'wirtschaft',
    'unternehmen',
    'entreprise',
    'entreprises',
    'industria',
    'impresa',
    'imprese',
    'aziende',
    'industrija',
    'podjetje',
    'podjetja',
    'gospodarstvo',
  ],
  research: [
    'r d',
    'rnd',
    'r and d',
    'rtd',
    'university',
    'universities',
    'academia',
    'academic',
    'science',
    'rto',
    'forschung',
    'universitat',
    'hochschule',
    'wissenschaft',
    'f e',
    'recherche',
    'universite',
    'ricerca',
    'universita',
    'r s',
    'raziskave',
    'raziskovanje',
    'univerza',
    'znanost',
  ],
  technology: [
    'tech',
    'technologies',
    'technological',
    'technologie',
    'technik',
    'tecnologia',
    'tecnologie',
    'tehnologija',
    'tehnologije',
  ],
  skills: [
    'skill',
    'education',
    'training',
    'talent',
    'talents',
    'human capital',
    'competences',
    'kompetenzen',
    'fahigkeiten',
    'bildung',
    'ausbildung',
    'qualifikation',
    'qualifikationen',
    'competences',
    'formation',
    'competenze',
    'formazione',
    'istruzione',
    'znanja',
    'vescine',
    'izobrazevanje',
    'usposabljanje',
  ],
  infrastructure: [
    'infrastructures',
    'infra',
    'facility',
    'facilities',
    'infrastruktur',
    'einrichtung',
    'einrichtungen',
    'equipement',
    'equipements',
    'infrastruttura',
    'infrastrutture',
    'infrastruktura',
  ],
  other: ['misc', 'sonstiges', 'andere', 'anderes', 'autre', 'autres', 'altro', 'altri', 'drugo'],
};

const OPPORTUNITY_KIND_WORDS: Synonyms<OpportunityKind> = {
  'technology-trend': [
    'technology',
    'technologies',
    'tech',
    'trend',
    'trends',
    'tech trend',
    'technological trend',
    'technologietrend',
    'technologie',
    'tendance technologique',
    'tendance',
    'tendenza tecnologica',
    'tendenza',
    'tecnologia',
    'tehnoloski trend',
    'tehnologija',
    'megatrend',
  ],
  'societal-challenge': [
    'challenge',
    'challenges',
    'societal',
    'society',
    'social',
    'social challenge',
    'grand challenge',
    'gesellschaftliche herausforderung',
    'herausforderung',
    'gesellschaft',
    'defi societal',
    'defi',
    'enjeu societal',
    'societe',
    'sfida sociale',
    'sfida',
    'societa',
    'druzbeni izziv',
    'izziv',
    'druzba',
  ],
  market: [
    'markets',
    'market opportunity',
    'markt',
    'markte',
    'marche',
    'marches',
    'mercato',
    'mercati',
    'trg',
    'trgi',
  ],
  regulation: [
    'regulations',
    'regulatory',
    'policy',
    'policies',
    'law',
    'laws',
    'legislation',
    'regulierung',
    'politik',
    'gesetz',
    'gesetzgebung',
    'reglementation',
    'politique',
    'loi',
    'regolamentazione',
    'normativa',
    'politica',
    'legge',
    'regulativa',
    'zakonodaja',
    'politika',
    'zakon',
  ],
  other: ['misc', 'sonstiges', 'andere', 'autre', 'altro', 'drugo'],
};

/** Helix words, as a holder's trailing "(…)" may give them. */
const HELIX_WORDS: Synonyms<Helix> = {
  business: [
    'company',
    'industry',
    'industrial',
    'firm',
    'enterprise',
    'private',
    'sme',
    'wirtschaft',
    'unternehmen',
    'industrie',
    'entreprise',
    'impresa',
    'industria',
    'azienda',
    'podjetje',
    'gospodarstvo',
    'industrija',
  ],
  research: [
    'university',
    'academia',
    'academic',
    'rto',
    'r d',
    'science',
    'forschung',
    'universitat',
    'hochschule',
    'wissenschaft',
    'recherche',
    'universite',
    'ricerca',
    'universita',
    'raziskave',
    'univerza',
  ],
  government: [
    'public',
    'authority',
    'public authority',
    'administration',
    'public administration',
    'gov',
    'verwaltung',
    'offentlich',
    'offentliche hand',
    'behorde',
    'regierung',
    'gouvernement',
    'autorite publique',
    'pubblico',
    'amministrazione',
    'governo',
    'javno',
    'uprava',
    'vlada',
  ],
  'civil-society': [
    'civil society',
    'ngo',
    'ngos',
    'citizens',
    'civic',
    'non profit',
    'nonprofit',
    'zivilgesellschaft',
    'burger',
    'societe civile',
    'ong',
    'citoyens',
    'societa civile',
    'cittadini',
    'civilna druzba',
    'nvo',
    'drzavljani',
  ],
  cluster: [
    'clusters',
    'cluster organisation',
    'cluster organization',
    'pole',
    'distretto',
    'grozd',
    'klaster',
  ],
};

const HORIZON_WORDS: Synonyms<TimeHorizon> = {
  now: [
    'current',
    'today',
    'immediate',
    'present',
    'already',
    'jetzt',
    'sofort',
    'heute',
    'maintenant',
    'actuel',
    'immediat',
    'ora',
    'adesso',
    'attuale',
    'zdaj',
    'takoj',
    'trenutno',
  ],
  short: [
    'short term',
    'shortterm',
    'kurz',
    'kurzfristig',
    'court',
    'court terme',
    'breve',
    'breve termine',
    'kratkorocno',
    'kratek',
  ],
  medium: [
    'medium term',
    'mid',
    'mid term',
    'midterm',
    'mittel',
    'mittelfristig',
    'moyen',
    'moyen terme',
    'medio',
    'medio termine',
    'srednjerocno',
    'srednji',
  ],
  long: [
    'long term',
    'longterm',
    'lang',
    'langfristig',
    'long terme',
    'lungo',
    'lungo termine',
    'dolgorocno',
    'dolg',
  ],
};

function lookup<T extends string>(values: readonly T[], words: Synonyms<T>) {
  const table = new Map<string, T>();
  for (const value of values) {
    table.set(normaliseWord(value), value);
    for (const word of words[value]) table.set(normaliseWord(word), value);
  }
  return (text: string): T | undefined => table.get(normaliseWord(text));
}

export const capacityKindFromText = lookup(CAPACITY_KINDS, CAPACITY_KIND_WORDS);
export const opportunityKindFromText = lookup(OPPORTUNITY_KINDS, OPPORTUNITY_KIND_WORDS);
export const helixFromText = lookup(HELICES, HELIX_WORDS);
const horizonWord = lookup(TIME_HORIZONS, HORIZON_WORDS);

/** Is `text` one of the list's own values (so mapping it is no news to show)? */
export function isCanonical(text: string, values: readonly string[]): boolean {
  return values.some((v) => normaliseWord(v) === normaliseWord(text));
}

/**
 * THE mapping from years ahead to a horizon, matching the horizons' labels ("Now", "1–2 years",
 * "3–5 years", "More than 5 years"): this year or earlier → now, up to 2 years ahead → short, up
 * to 5 → medium, further → long.
 */
export function horizonForYearsAhead(years: number): TimeHorizon {
  if (years <= 0) return 'now';
  if (years <= 2) return 'short';
  if (years <= 5) return 'medium';
  return 'long';
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;
const YEAR_WORDS = '(?:years?|yrs?|jahre?n?|ans?|annees?|anni|anno|let|leta|leto)';

export interface HorizonReading {
  horizon: TimeHorizon;
  /** True when the text was a year, a span of years or a duration (its original text is kept). */
  fromNumbers: boolean;
}

/**
 * Reads a horizon cell: a horizon word in one of our languages, a year ("2035"), a span of years
 * ("2025–2030", read by its end: the time by which it matters), or a duration ("3-5 years", ">5
 * years", "10 years", read by its upper bound). Years count from `today`'s year.
 */
export function horizonFromText(text: string, today: Date): HorizonReading | undefined {
  const word = horizonWord(text);
  if (word) return { horizon: word, fromNumbers: false };
  const t = text.trim().toLowerCase();
  const thisYear = today.getFullYear();
  const asYear = (y: string) => {
    const n = Number(y.length === 2 ? `${String(thisYear).slice(0, 2)}${y}` : y);
    return n >= YEAR_MIN && n <= YEAR_MAX ? n : undefined;
  };
  const year = /^(?:by|until|bis|d'ici|entro|do)?\s*(\d{4})$/.exec(t);
  if (year) {
    const y = asYear(year[1]!);
    return y === undefined
      ? undefined
      : { horizon: horizonForYearsAhead(y - thisYear), fromNumbers: true };
  }
  const span = /^(\d{4})\s*(?:-|–|—|\/|to|bis|à|a|al|do)\s*(\d{2}|\d{4})$/.exec(t);
  if (span) {
    const start = asYear(span[1]!);
    const end = asYear(span[2]!);
    if (start === undefined || end === undefined || end < start) return undefined;
    return { horizon: horizonForYearsAhead(end - thisYear), fromNumbers: true };
  }
  const duration = new RegExp(
    `^(?:[<>]\\s*|more than\\s+|over\\s+|up to\\s+)?(?:(\\d{1,2})\\s*(?:-|–|—|to|bis|à|a|do)\\s*)?(\\d{1,2})\\s*\\+?\\s*${YEAR_WORDS}$`,
  ).exec(t);
  if (duration) {
    const upper = Number(duration[2]);
    const more = /^(?:>|more than|over)/.test(t) || /\d\s*\+/.test(t);
    return { horizon: horizonForYearsAhead(more ? upper + 1 : upper), fromNumbers: true };
  }
  return undefined;
}
