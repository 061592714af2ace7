/**
 * What a preparation spreadsheet can fill: the importable fields of capacities and opportunities,
 * with the header names (in our five UI languages) that are recognised without manual mapping.
 */
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
  description: ['description', 'beschreibung', 'descrizione', 'opis', 'details', 'notes'],
};

export const IMPORT_FIELDS: Record<ImportTarget, ImportField[]> = {
  capacity: [
    { key: 'title', required: true, synonyms: [...common.title, 'capacity', 'kapazität'] },
    { key: 'description', required: false, synonyms: common.description },
    { key: 'region', required: false, synonyms: ['region', 'région', 'regione', 'regija', 'nuts'] },
    { key: 'kind', required: false, synonyms: ['kind', 'type', 'art', 'typ', 'tipo', 'vrsta'] },
    {
      key: 'field',
      required: false,
      synonyms: ['field', 'sector', 'domain', 'bereich', 'domaine', 'settore', 'področje'],
    },
    {
      key: 'holders',
      required: false,
      synonyms: [
        'holders',
        'organisations',
        'organizations',
        'actors',
        'akteure',
        'acteurs',
        'attori',
        'akterji',
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
      synonyms: ['evidence', 'evidence link', 'link', 'url', 'source', 'quelle'],
    },
  ],
  opportunity: [
    {
      key: 'title',
      required: true,
      synonyms: [
        ...common.title,
        'opportunity',
        'chance',
        'opportunité',
        'opportunità',
        'priložnost',
      ],
    },
    { key: 'description', required: false, synonyms: common.description },
    { key: 'kind', required: false, synonyms: ['kind', 'type', 'art', 'typ', 'tipo', 'vrsta'] },
    {
      key: 'horizon',
      required: false,
      synonyms: ['horizon', 'time horizon', 'zeithorizont', 'orizzonte', 'horizont'],
    },
    {
      key: 'sourceUrl',
      required: false,
      synonyms: ['source', 'source link', 'link', 'url', 'quelle'],
    },
    {
      key: 'group',
      required: false,
      synonyms: ['group', 'gruppe', 'groupe', 'gruppo', 'skupina', 'cluster', 'theme'],
    },
  ],
};

/** Column index per field key (null = not imported). */
export type ColumnMapping = Record<string, number | null>;

/** Maps each field to the first header that names it (case and spacing ignored). */
export function guessMapping(headers: string[], target: ImportTarget): ColumnMapping {
  const normalised = headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS[target]) {
    const index = normalised.findIndex(
      (h, i) => !taken.has(i) && (h === field.key.toLowerCase() || field.synonyms.includes(h)),
    );
    mapping[field.key] = index >= 0 ? index : null;
    if (index >= 0) taken.add(index);
  }
  return mapping;
}
