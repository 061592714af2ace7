/**
 * What a preparation spreadsheet can fill: the importable fields of capacities and opportunities,
 * with the header names (in our five UI languages) that are recognised without manual mapping.
 */
import { normaliseWord } from './vocabulary';

export const IMPORT_TARGETS = ['capacity', 'opportunity'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export interface ImportField {
  key: string;
  required: boolean;
  /** Lower-case header names recognised automatically. */
  synonyms: string[];
}

const common = {
  title: ['title', 'name', 'titel', 'titre', 'nom', 'titolo', 'nome', 'naslov', 'ime'],
  description: [
    'description',
    'beschreibung',
    'descrizione',
    'opis',
    'details',
    'notes',
    'summary',
    'zusammenfassung',
    'résumé',
    'sintesi',
    'povzetek',
  ],
  kind: [
    'kind',
    'type',
    'category',
    'art',
    'typ',
    'kategorie',
    'catégorie',
    'tipo',
    'categoria',
    'vrsta',
    'kategorija',
  ],
  /** A link to where the card's content comes from. */
  url: [
    'url',
    'link',
    'links',
    'website',
    'web site',
    'web',
    'homepage',
    'hyperlink',
    'webseite',
    'lien',
    'site web',
    'site',
    'collegamento',
    'sito',
    'sito web',
    'povezava',
    'spletna stran',
  ],
};

export const IMPORT_FIELDS: Record<ImportTarget, ImportField[]> = {
  capacity: [
    {
      key: 'title',
      required: true,
      synonyms: [...common.title, 'capacity', 'kapazität', 'capacité', 'capacità', 'zmogljivost'],
    },
    { key: 'description', required: false, synonyms: common.description },
    { key: 'region', required: false, synonyms: ['region', 'région', 'regione', 'regija'] },
    {
      key: 'country',
      required: false,
      synonyms: ['country', 'land', 'staat', 'pays', 'paese', 'stato', 'država'],
    },
    {
      key: 'nuts',
      required: false,
      synonyms: [
        'nuts',
        'nuts code',
        'nuts id',
        'nuts 2',
        'nuts2',
        'code nuts',
        'codice nuts',
        'koda nuts',
      ],
    },
    { key: 'kind', required: false, synonyms: common.kind },
    {
      key: 'field',
      required: false,
      synonyms: [
        'field',
        'sector',
        'domain',
        'bereich',
        'branche',
        'domaine',
        'secteur',
        'settore',
        'področje',
        'sektor',
      ],
    },
    {
      key: 'holders',
      required: false,
      synonyms: [
        'holders',
        'holder',
        'organisations',
        'organizations',
        'organisation',
        'organization',
        'actors',
        'akteure',
        'organisationen',
        'acteurs',
        'organismes',
        'attori',
        'organizzazioni',
        'akterji',
        'organizacije',
      ],
    },
    {
      key: 'strength',
      required: false,
      synonyms: ['strength', 'score', 'stärke', 'force', 'forza', 'moč'],
    },
    {
      key: 'evidenceUrl',
      required: false,
      synonyms: [
        'evidence',
        'evidence link',
        'source',
        'source link',
        'quelle',
        'beleg',
        'preuve',
        'fonte',
        'prova',
        'vir',
        'dokaz',
        ...common.url,
      ],
    },
  ],
  opportunity: [
    {
      key: 'title',
      required: true,
      synonyms: [
        ...common.title,
        'opportunity',
        'trend',
        'chance',
        'opportunité',
        'opportunità',
        'priložnost',
      ],
    },
    { key: 'description', required: false, synonyms: common.description },
    { key: 'kind', required: false, synonyms: common.kind },
    {
      key: 'horizon',
      required: false,
      synonyms: [
        'horizon',
        'time horizon',
        'timeframe',
        'time frame',
        'year',
        'zeithorizont',
        'zeitraum',
        'jahr',
        'horizon temporel',
        'année',
        'orizzonte',
        'orizzonte temporale',
        'anno',
        'horizont',
        'časovni horizont',
        'leto',
      ],
    },
    {
      key: 'sourceUrl',
      required: false,
      synonyms: [
        'source',
        'source link',
        'evidence',
        'quelle',
        'beleg',
        'fonte',
        'vir',
        ...common.url,
      ],
    },
    {
      key: 'group',
      required: false,
      synonyms: [
        'group',
        'gruppe',
        'groupe',
        'gruppo',
        'skupina',
        'cluster',
        'theme',
        'thema',
        'thème',
        'tema',
      ],
    },
  ],
};

/** Column index per field key (null = not imported). */
export type ColumnMapping = Record<string, number | null>;

/**
 * How well a header names a field: 1 when it is one of the field's words, less when it merely
 * contains one ("Link to source", "Evidence (URL)"), by the share of the header that word covers;
 * 0 when it names none. Punctuation, accents and case are ignored.
 */
function headerScore(header: string, field: ImportField): number {
  const h = normaliseWord(header);
  if (!h) return 0;
  let best = 0;
  for (const word of [field.key, ...field.synonyms].map(normaliseWord)) {
    if (word === h) return 1;
    if (` ${h} `.includes(` ${word} `)) best = Math.max(best, (0.9 * word.length) / h.length);
  }
  return best;
}

/**
 * Maps fields to headers, best matches first: an exact name wins over a header that only contains
 * the word, so "Region name" goes to the region and "Capacity name" to the title. One header fills
 * one field.
 */
export function guessMapping(headers: string[], target: ImportTarget): ColumnMapping {
  const fields = IMPORT_FIELDS[target];
  const pairs: { field: string; column: number; score: number; order: number }[] = [];
  fields.forEach((field, order) =>
    headers.forEach((header, column) => {
      const score = headerScore(header, field);
      if (score > 0) pairs.push({ field: field.key, column, score, order });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.order - b.order || a.column - b.column);
  const mapping: ColumnMapping = Object.fromEntries(fields.map((f) => [f.key, null]));
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (mapping[pair.field] != null || taken.has(pair.column)) continue;
    mapping[pair.field] = pair.column;
    taken.add(pair.column);
  }
  return mapping;
}
