/** Preparation import: parsing CSV and XLSX, mapping headers, row validation, all-or-nothing apply. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRegion,
  cardBody,
  getCard,
  listCapacities,
  listOpportunities,
  listOpportunityGroups,
  listRegions,
} from '../../shared/doc';
import {
  applyImport,
  applyImportPlan,
  capacityKindFromText,
  decodeCsv,
  guessMapping,
  horizonForYearsAhead,
  horizonFromText,
  opportunityKindFromText,
  parseCsv,
  parseHolders,
  parseSpreadsheet,
  planImport,
  readSpreadsheet,
  rowsWithProblems,
  SpreadsheetError,
} from '../../shared/import';

function workshop() {
  const doc = new Y.Doc();
  addRegion(doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
  addRegion(doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
  return doc;
}

const CAPACITIES_CSV =
  '\uFEFFTitle,Region,Kind,Holders,Strength,Description\n' +
  'Alpine tourism,Tyrol,Industry,"Tirol Werbung (government); MCI (research)",5,"Ski areas\nHotels"\n' +
  'AI research,SI04,research,Jožef Stefan Institute (research),4,\n' +
  '\n';

describe('parsing', () => {
  it('reads CSV with a BOM, quoted commas and line breaks', () => {
    const rows = parseCsv(CAPACITIES_CSV);
    expect(rows).toHaveLength(3);
    expect(rows[0]![0]).toBe('Title');
    expect(rows[1]![3]).toBe('Tirol Werbung (government); MCI (research)');
    expect(rows[1]![5]).toBe('Ski areas\nHotels');
  });

  it('reads the first worksheet of an XLSX file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Opportunities');
    sheet.addRow(['Title', 'Kind', 'Horizon', 'Group']);
    sheet.addRow(['Generative AI', 'Technology trend', 'short', 'Digital']);
    sheet.addRow(['Less snow', 'societal challenge', 'long', 'Climate']);
    const buffer = await workbook.xlsx.writeBuffer();
    const rows = await parseSpreadsheet('prep.xlsx', buffer as ArrayBuffer);
    expect(rows).toEqual([
      ['Title', 'Kind', 'Horizon', 'Group'],
      ['Generative AI', 'Technology trend', 'short', 'Digital'],
      ['Less snow', 'societal challenge', 'long', 'Climate'],
    ]);
  });

  it('refuses a broken XLSX file with a clear error', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
    await expect(parseSpreadsheet('x.xlsx', bytes.buffer)).rejects.toThrow(SpreadsheetError);
  });
});

describe('mapping and validation', () => {
  it('guesses the mapping from headers in several languages', () => {
    expect(guessMapping(['Titel', 'Regija', 'Typ', 'Stärke'], 'capacity')).toMatchObject({
      title: 0,
      region: 1,
      kind: 2,
      strength: 3,
      holders: null,
    });
  });

  it('imports valid capacities with holders, regions by name or NUTS code, and descriptions', () => {
    const doc = workshop();
    const rows = parseCsv(CAPACITIES_CSV);
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(doc),
      createdBy: 'Organiser',
    });
    expect(plan.errors).toEqual([]);
    const ids = applyImport(doc, plan);
    const capacities = listCapacities(doc);
    expect(capacities).toHaveLength(2);
    const [tyrol, slovenia] = listRegions(doc);
    expect(capacities[0]).toMatchObject({
      title: 'Alpine tourism',
      regionId: tyrol!.id,
      kind: 'industry',
      strength: 5,
      holders: [
        { name: 'Tirol Werbung', helix: 'government' },
        { name: 'MCI', helix: 'research' },
      ],
    });
    expect(capacities[1]).toMatchObject({ regionId: slovenia!.id, kind: 'research' });
    expect(cardBody(getCard(doc, ids[0]!)!)!.toJSON()).toBe(
      '<paragraph>Ski areas</paragraph><paragraph>Hotels</paragraph>',
    );
  });

  it('reports every bad row with its spreadsheet row number and imports nothing', () => {
    const doc = workshop();
    const rows = parseCsv(
      'Title,Region,Kind,Strength,Holders\n' +
        'Good one,Tyrol,industry,3,\n' +
        ',Tyrol,industry,3,\n' +
        'Bad region,Atlantis,industry,3,\n' +
        'Bad kind,Tyrol,magic,7,\n' +
        'Bad helix,Tyrol,skills,2,ACME (aliens)\n',
    );
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(doc),
      createdBy: '',
    });
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'title'],
      [4, 'region'],
      [5, 'kind'],
      [5, 'strength'],
    ]);
    expect(plan.errors[1]!.message).toMatch(/Atlantis/);
    expect(() => applyImport(doc, plan)).toThrow(/errors/);
    expect(listCapacities(doc)).toHaveLength(0);
  });

  it('needs a column for the title', () => {
    const plan = planImport(
      [['Region'], ['Tyrol']],
      'capacity',
      { title: null },
      { regions: [], createdBy: '' },
    );
    expect(plan.errors).toEqual([
      { row: 1, field: 'title', message: 'no column is mapped to "title"' },
    ]);
  });

  it('imports opportunities into named groups, reusing an existing group', () => {
    const doc = workshop();
    const rows = parseCsv(
      'Title,Kind,Horizon,Group\nGenerative AI,technology trend,short,Digital\nRobots,technology-trend,medium,digital\nLess snow,societal challenge,long,Climate\n',
    );
    const plan = planImport(rows, 'opportunity', guessMapping(rows[0]!, 'opportunity'), {
      regions: [],
      createdBy: '',
    });
    expect(plan.errors).toEqual([]);
    applyImport(doc, plan);
    const groups = listOpportunityGroups(doc);
    expect(groups.map((g) => g.name)).toEqual(['Digital', 'Climate']);
    const opps = listOpportunities(doc);
    expect(opps.map((o) => [o.title, o.kind, o.horizon])).toEqual([
      ['Generative AI', 'technology-trend', 'short'],
      ['Robots', 'technology-trend', 'medium'],
      ['Less snow', 'societal-challenge', 'long'],
    ]);
    expect(opps[0]!.groupId).toBe(opps[1]!.groupId);
  });
});

describe('every problem of a row at once', () => {
  it('reports a bad horizon and a bad source link of the same row together', () => {
    const rows = parseCsv('Title,Horizon,Source\nRobots,someday,not-a-url\n');
    const plan = planImport(rows, 'opportunity', guessMapping(rows[0]!, 'opportunity'), {
      regions: [],
      createdBy: '',
    });
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'horizon'],
      [2, 'sourceUrl'],
    ]);
  });
});

/* ------------------------------------------------------------------------------------------------
 * Real-looking files (tests/fixtures/import): a 12-region, 80-row capacity list as a European
 * Excel saves it (semicolons, BOM, quotes, line breaks, accents, parentheses in names) and a trend
 * list with years, as issue 10 met them.
 */
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)));
const asArrayBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const TODAY = new Date('2026-03-01T12:00:00Z');

async function capacityFile() {
  const sheet = await readSpreadsheet(
    'capacities.csv',
    asArrayBuffer(fixture('capacities-12-regions.csv')),
  );
  return sheet.rows;
}

describe('a 12-region, 80-row capacity file into a two-region workshop', () => {
  it('reads the semicolon-separated, BOM, quoted, multi-line file (the separator is guessed)', async () => {
    const rows = await capacityFile();
    expect(rows).toHaveLength(81);
    expect(rows[0]).toEqual([
      'Capacity name',
      'Region',
      'Country',
      'NUTS code',
      'Type',
      'Sector',
      'Organisations',
      'Strength',
      'Description',
      'Source URL',
    ]);
    expect(rows[2]![8]).toBe('Two "lighthouse" plants\nand a testbed');
    expect(rows[2]![5]).toBe('Wood, timber & construction');
    expect(rows.every((r) => r.length === 10)).toBe(true);
  });

  it('maps every column, NUTS code, country and "Source URL" included', async () => {
    const rows = await capacityFile();
    expect(guessMapping(rows[0]!, 'capacity')).toEqual({
      title: 0,
      region: 1,
      country: 2,
      nuts: 3,
      kind: 4,
      field: 5,
      holders: 6,
      strength: 7,
      description: 8,
      evidenceUrl: 9,
    });
  });

  it('offers the ten new regions with country and NUTS code, and adds them in the same step', async () => {
    const doc = workshop();
    const rows = await capacityFile();
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(doc),
      createdBy: 'Olga',
      canAddRegions: true,
    });
    expect(plan.errors).toEqual([]);
    expect(plan.rows).toHaveLength(80);
    expect(plan.newRegions.map((r) => [r.name, r.country, r.nuts])).toEqual([
      ['Kärnten', 'Austria', 'AT21'],
      ['Steiermark', 'Austria', 'AT22'],
      ['Salzburg', 'Austria', 'AT32'],
      ['Vorarlberg', 'Austria', 'AT34'],
      ['Bayern', 'Germany', 'DE2'],
      ['Baden-Württemberg', 'Germany', 'DE1'],
      ['Provincia autonoma di Bolzano/Bozen', 'Italy', 'ITH1'],
      ['Trentino', 'Italy', 'ITH2'],
      ['Friuli-Venezia Giulia', 'Italy', 'ITH4'],
      ['Auvergne-Rhône-Alpes', 'France', 'FRK'],
    ]);
    const { ids, regionIds } = applyImportPlan(doc, plan);
    expect(ids).toHaveLength(80);
    expect(regionIds).toHaveLength(10);
    const regions = listRegions(doc);
    expect(regions).toHaveLength(12);
    const capacities = listCapacities(doc);
    // "western  slovenia" and "TYROL" are the workshop's own regions (case and spacing ignored).
    const byName = new Map(regions.map((r) => [r.id, r.name]));
    expect(new Set(capacities.map((c) => byName.get(c.regionId))).size).toBe(12);
    expect(byName.get(capacities[1]!.regionId)).toBe('Western Slovenia');
    expect(capacities.filter((c) => byName.get(c.regionId) === 'Tyrol').length).toBe(7);
  });

  it('refuses rows naming a new region when the importer may not add regions', async () => {
    const rows = await capacityFile();
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(workshop()),
      createdBy: '',
    });
    expect(plan.newRegions).toEqual([]);
    expect(plan.errors[0]).toMatchObject({ row: 4, field: 'region' });
    expect(plan.errors[0]!.message).toMatch(/unknown region "Kärnten": a facilitator can add it/);
  });

  it('keeps parentheses that are not a helix in the name, and leaves such a helix not set', async () => {
    const doc = workshop();
    const rows = await capacityFile();
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(doc),
      createdBy: '',
      canAddRegions: true,
    });
    applyImportPlan(doc, plan);
    const capacities = listCapacities(doc);
    const holders = (i: number) => capacities[i]!.holders.map((h) => [h.name, h.helix]);
    expect(holders(0)).toEqual([
      ['Infineon (Villach)', ''],
      ['Silicon Austria Labs', 'research'],
    ]);
    expect(holders(1)).toEqual([
      ['AIT (Austrian Institute of Technology)', 'research'],
      ['Joanneum Research (JR)', 'research'],
    ]);
    expect(holders(3)).toEqual([
      ['Jožef Stefan Institute', 'research'],
      ['Cluster Mechatronik', 'cluster'],
    ]);
    expect(holders(6)).toEqual([
      ['Hotel- und Gastgewerbe', 'business'],
      ['Caritas', 'civil-society'],
    ]);
    expect(holders(7)).toEqual([
      ['Région AURA', 'government'],
      ['Minalogic', 'cluster'],
    ]);
    expect(holders(8)).toEqual([['Lokale Aktionsgruppe', '']]);
    // The preview says so, per row.
    expect(plan.rows[0]!.notes).toContainEqual({
      field: 'holders',
      note: 'helix-not-set',
      names: ['Infineon (Villach)'],
    });
  });

  it('reads kind synonyms and leaves an empty kind and strength not set, saying so per row', async () => {
    const doc = workshop();
    const rows = await capacityFile();
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(doc),
      createdBy: '',
      canAddRegions: true,
    });
    expect(plan.rows.slice(0, 14).map((r) => (r.card as { kind: string }).kind)).toEqual([
      'industry',
      'industry',
      'research',
      'research',
      'skills',
      'skills',
      'infrastructure',
      'infrastructure',
      'technology',
      'technology',
      'research',
      '',
      'industry',
      'skills',
    ]);
    expect(plan.rows[1]!.notes).toContainEqual({
      field: 'kind',
      note: 'read-as',
      from: 'company',
      to: 'industry',
    });
    expect(plan.rows[0]!.notes.some((n) => n.field === 'kind')).toBe(false);
    expect(plan.rows[11]!.notes).toContainEqual({ field: 'kind', note: 'not-set' });
    expect(plan.rows[3]!.notes).toContainEqual({ field: 'strength', note: 'not-set' });
    applyImportPlan(doc, plan);
    expect(listCapacities(doc)[11]!.kind).toBe('');
    expect(listCapacities(doc)[0]!.evidenceUrl).toBe('https://s3.example.eu/at33/capacity-1');
  });
});

describe('a trend list with years', () => {
  async function trendPlan() {
    const sheet = await readSpreadsheet(
      'trends.csv',
      asArrayBuffer(fixture('trends-with-years.csv')),
    );
    const mapping = guessMapping(sheet.rows[0]!, 'opportunity');
    return {
      mapping,
      plan: planImport(sheet.rows, 'opportunity', mapping, {
        regions: [],
        createdBy: '',
        today: TODAY,
      }),
    };
  }

  it('maps "Trend", "Category", "Year", "Link to source", "Summary" and "Theme"', async () => {
    const { mapping } = await trendPlan();
    expect(mapping).toEqual({
      title: 0,
      kind: 1,
      horizon: 2,
      sourceUrl: 3,
      description: 4,
      group: 5,
    });
  });

  it('reads kind words and years (closest horizon from the import year), keeping the year', async () => {
    const { plan } = await trendPlan();
    expect(plan.errors).toEqual([]);
    const cards = plan.rows.map((r) => r.card as { title: string; kind: string; horizon: string });
    expect(cards.map((c) => [c.kind, c.horizon])).toEqual([
      ['technology-trend', 'short'], // 2027
      ['technology-trend', 'long'], // 2035
      ['societal-challenge', 'long'], // 2050
      ['societal-challenge', 'medium'], // 2025–2030: by its end
      ['market', 'long'], // long term
      ['regulation', 'now'], // 2026: this year
      ['regulation', 'medium'], // by 2030
      ['regulation', ''], // no horizon: not set
      ['technology-trend', 'short'], // kurzfristig
      ['societal-challenge', 'medium'], // 3-5 years
      ['', 'long'], // no kind: not set; >5 years
      ['technology-trend', 'medium'], // tendance technologique, 2030
    ]);
    expect(plan.rows[1]!.notes).toEqual([
      { field: 'kind', note: 'read-as', from: 'tech', to: 'technology-trend' },
      { field: 'horizon', note: 'read-as', from: '2035', to: 'long' },
    ]);
    expect(plan.rows[7]!.notes).toEqual([{ field: 'horizon', note: 'not-set' }]);
    const doc = new Y.Doc();
    const { ids } = applyImportPlan(doc, plan);
    const body = (i: number) => cardBody(getCard(doc, ids[i]!)!)!.toJSON();
    expect(body(1)).toBe('<paragraph>Time horizon in the imported file: 2035</paragraph>');
    expect(body(2)).toBe(
      '<paragraph>Winter tourism "as we know it" ends</paragraph><paragraph>in many valleys</paragraph>' +
        '<paragraph>Time horizon in the imported file: 2050</paragraph>',
    );
    expect(body(4)).toBe(''); // "long term" is a horizon word: nothing to keep
    expect(listOpportunities(doc)[2]!.sourceUrl).toBe('https://trends.example.eu/snow');
  });

  it('maps years in one documented place, consistent with the horizon labels', () => {
    expect([0, -3, 1, 2, 3, 5, 6, 24].map(horizonForYearsAhead)).toEqual([
      'now',
      'now',
      'short',
      'short',
      'medium',
      'medium',
      'long',
      'long',
    ]);
    expect(horizonFromText('2035', TODAY)).toEqual({ horizon: 'long', fromNumbers: true });
    expect(horizonFromText('2029', TODAY)).toEqual({ horizon: 'medium', fromNumbers: true });
    expect(horizonFromText('2027/28', TODAY)).toEqual({ horizon: 'short', fromNumbers: true });
    expect(horizonFromText('1–2 years', TODAY)).toEqual({ horizon: 'short', fromNumbers: true });
    expect(horizonFromText('Mittelfristig', TODAY)).toEqual({
      horizon: 'medium',
      fromNumbers: false,
    });
    expect(horizonFromText('someday', TODAY)).toBeUndefined();
    expect(horizonFromText('3035', TODAY)).toBeUndefined();
  });
});

describe('synonyms and headers', () => {
  it('accepts the usual short forms of kinds in the five languages', () => {
    const opp = (text: string) => opportunityKindFromText(text);
    expect(
      ['technology', 'Tech', 'trend', 'Technologie', 'tecnologia', 'tehnologija'].map(opp),
    ).toEqual(Array(6).fill('technology-trend'));
    expect(
      ['challenge', 'societal', 'Society', 'Herausforderung', 'défi', 'sfida', 'izziv'].map(opp),
    ).toEqual(Array(7).fill('societal-challenge'));
    expect(['markets', 'Markt', 'marché', 'mercato', 'trg'].map(opp)).toEqual(
      Array(5).fill('market'),
    );
    expect(
      ['Regulation', 'policy', 'law', 'Gesetz', 'loi', 'legge', 'zakonodaja'].map(opp),
    ).toEqual(Array(7).fill('regulation'));
    const cap = (text: string) => capacityKindFromText(text);
    expect(['company', 'industrial', 'Unternehmen', 'impresa', 'podjetje'].map(cap)).toEqual(
      Array(5).fill('industry'),
    );
    expect(['R&D', 'university', 'Forschung', 'Université', 'univerza'].map(cap)).toEqual(
      Array(5).fill('research'),
    );
    expect(['skill', 'education', 'training', 'Ausbildung', 'formazione'].map(cap)).toEqual(
      Array(5).fill('skills'),
    );
    expect(['infrastructure', 'facility', 'facilities', 'Infrastruktur'].map(cap)).toEqual(
      Array(4).fill('infrastructure'),
    );
  });

  it('reads a trailing helix only when it names one', () => {
    expect(
      parseHolders('Infineon (Villach); ACME; Uni Graz (University); Stadt Wien (public)'),
    ).toEqual([
      { name: 'Infineon (Villach)', helix: '' },
      { name: 'ACME', helix: '' },
      { name: 'Uni Graz', helix: 'research' },
      { name: 'Stadt Wien', helix: 'government' },
    ]);
    expect(parseHolders('Bürgerforum (citizens)\nCleantech (Cluster)')).toEqual([
      { name: 'Bürgerforum', helix: 'civil-society' },
      { name: 'Cleantech', helix: 'cluster' },
    ]);
  });

  it('maps link columns by fuzzy header names, in the five languages', () => {
    const link = (header: string, target: 'capacity' | 'opportunity') =>
      guessMapping(['Title', header], target)[target === 'capacity' ? 'evidenceUrl' : 'sourceUrl'];
    for (const header of [
      'Source URL',
      'Evidence URL',
      'Link to source',
      'Website',
      'Evidence (URL)',
      'Quelle (Link)',
      'Lien',
      'Fonte',
      'Povezava',
    ]) {
      expect([header, link(header, 'capacity')]).toEqual([header, 1]);
      expect([header, link(header, 'opportunity')]).toEqual([header, 1]);
    }
    expect(guessMapping(['Region name', 'Capacity name'], 'capacity')).toMatchObject({
      title: 1,
      region: 0,
    });
    expect(guessMapping(['Naziv', 'Država', 'NUTS-Code', 'Land'], 'capacity')).toMatchObject({
      country: 1,
      nuts: 2,
    });
  });
});

describe('skip rows with problems', () => {
  const FILE =
    'Title,Region,Kind,Strength\n' +
    'Good one,Tyrol,industry,3\n' +
    'Bad kind,Tyrol,magic,3\n' +
    ',Tyrol,industry,2\n' +
    'Good two,SI04,skills,\n';

  it('imports nothing by default, the good rows when asked, and lists the skipped rows', () => {
    const doc = workshop();
    const rows = parseCsv(FILE);
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(doc),
      createdBy: '',
    });
    expect(() => applyImportPlan(doc, plan)).toThrow(/errors/);
    expect(listCapacities(doc)).toHaveLength(0);
    applyImportPlan(doc, plan, { skipRowsWithProblems: true });
    expect(listCapacities(doc).map((c) => c.title)).toEqual(['Good one', 'Good two']);
    expect(rowsWithProblems(plan).map((r) => [r.row, r.errors.map((e) => e.field)])).toEqual([
      [3, ['kind']],
      [4, ['title']],
    ]);
  });

  it('never skips past a file error (no title column)', () => {
    const plan = planImport(
      [['Region'], ['Tyrol']],
      'capacity',
      { title: null },
      { regions: [], createdBy: '' },
    );
    expect(() => applyImportPlan(new Y.Doc(), plan, { skipRowsWithProblems: true })).toThrow(
      /errors/,
    );
  });

  it('adds no region that only a skipped row names', () => {
    const doc = workshop();
    const rows = parseCsv('Title,Region,Strength\nGood,Carinthia,3\nBad,Styria,9\n');
    const plan = planImport(rows, 'capacity', guessMapping(rows[0]!, 'capacity'), {
      regions: listRegions(doc),
      createdBy: '',
      canAddRegions: true,
    });
    expect(plan.newRegions.map((r) => r.name)).toEqual(['Carinthia']);
    applyImportPlan(doc, plan, { skipRowsWithProblems: true });
    expect(listRegions(doc).map((r) => r.name)).toEqual(['Tyrol', 'Western Slovenia', 'Carinthia']);
  });
});

describe('encodings and XLSX cells', () => {
  it('decodes a Windows-1252 CSV (Excel on Windows) and guesses the semicolon', async () => {
    const sheet = await readSpreadsheet(
      'w.csv',
      asArrayBuffer(fixture('opportunities-windows-1252.csv')),
    );
    expect(sheet.rows).toEqual([
      ['Titel', 'Art', 'Zeithorizont'],
      ['Künstliche Intelligenz', 'Technologie', 'kurzfristig'],
      ['Énergie über Grenzen – Süd', 'Markt', '2040'],
    ]);
    expect(decodeCsv(new TextEncoder().encode('Kärnten'))).toBe('Kärnten');
  });

  it('reads dates, numbers, rich text and formulas as text, and a hyperlink cell gives its URL', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Trends');
    sheet.addRow(['Title', 'Horizon', 'Source', 'Description', 'Strength']);
    sheet.addRow([
      { richText: [{ text: 'Hydrogen ' }, { font: { bold: true }, text: 'valleys' }] },
      2035,
      { text: 'EU strategy, p. 12', hyperlink: 'https://ec.example.eu/h2' },
      new Date(Date.UTC(2026, 4, 17)),
      { formula: '2+2', result: 4 },
    ]);
    const buffer = (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
    const read = await readSpreadsheet('trends.xlsx', buffer);
    expect(read.rows[1]).toEqual([
      'Hydrogen valleys',
      '2035',
      'EU strategy, p. 12',
      '2026-05-17',
      '4',
    ]);
    const plan = planImport(read.rows, 'opportunity', guessMapping(read.rows[0]!, 'opportunity'), {
      regions: [],
      createdBy: '',
      today: TODAY,
      links: read.links,
    });
    expect(plan.errors).toEqual([]);
    expect(plan.rows[0]!.card).toMatchObject({
      title: 'Hydrogen valleys',
      horizon: 'long',
      sourceUrl: 'https://ec.example.eu/h2',
    });
  });
});

describe('the example files of docs/import.md', () => {
  const example = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../../docs/examples/${name}`, import.meta.url)));

  it('import as the document says, with no problem', async () => {
    const doc = workshop();
    const capacities = await readSpreadsheet(
      'c.csv',
      asArrayBuffer(example('capacities-example.csv')),
    );
    const capacityPlan = planImport(
      capacities.rows,
      'capacity',
      guessMapping(capacities.rows[0]!, 'capacity'),
      { regions: listRegions(doc), createdBy: '', canAddRegions: true },
    );
    expect(capacityPlan.errors).toEqual([]);
    expect(capacityPlan.newRegions.map((r) => r.nuts)).toEqual(['AT21', 'ITH1', 'AT22', 'FRK']);
    const opportunities = await readSpreadsheet(
      'o.csv',
      asArrayBuffer(example('opportunities-example.csv')),
    );
    const opportunityPlan = planImport(
      opportunities.rows,
      'opportunity',
      guessMapping(opportunities.rows[0]!, 'opportunity'),
      { regions: [], createdBy: '', today: TODAY },
    );
    expect(opportunityPlan.errors).toEqual([]);
    expect(opportunityPlan.rows.map((r) => (r.card as { horizon: string }).horizon)).toEqual([
      'short',
      'long',
      'long',
      'medium',
      'long',
      'now',
      'medium',
      '',
    ]);
  });
});
