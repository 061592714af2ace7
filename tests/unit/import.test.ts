/** Preparation import: parsing CSV and XLSX, mapping headers, row validation, all-or-nothing apply. */
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
  guessMapping,
  parseCsv,
  parseSpreadsheet,
  planImport,
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
      [6, 'holders'],
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
