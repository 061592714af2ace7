/**
 * Nothing defaults silently (issue 10, item 5): a closed field nobody chose a value for is "not set"
 * ('') in the doc, in the record and through a round trip, and every export says so ("not set" for
 * people, an empty cell in the CSV), never a plausible value such as "Industry", "3–5 years",
 * "R&D project", "Regional programme", "Idea" or "Business".
 */
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addHolder,
  addIndicator,
  cardsMap,
  createAction,
  createActivity,
  createCapacity,
  createOpportunity,
  getAction,
  getCapacity,
  getOpportunity,
  listActions,
  listActivities,
  listCapacities,
  listOpportunities,
  publishDrafts,
  updateAction,
  updateOpportunity,
} from '../../shared/doc';
import { addActor } from '../../shared/doc/activities';
import { extractRecord } from '../../shared/record/extract';
import { recordJsonSchema, recordSchema, type WorkshopRecord } from '../../shared/record/schema';
import { recordToDoc } from '../../shared/record/toDoc';
import { exportCsvZip, exportHtml, exportMarkdown } from '../../server/archive/exporters';
import {
  FIXTURE_ARCHIVED_AT,
  buildFixtureWorkshop,
  fixtureFacts,
} from '../fixtures/recordWorkshop';

const meta = {
  version: 1,
  kind: 'archive' as const,
  archivedAt: FIXTURE_ARCHIVED_AT,
  workshop: fixtureFacts(),
};

describe('the doc: closed fields start not set', () => {
  it('a new capacity has no kind and a holder given without a helix keeps none', () => {
    const doc = new Y.Doc();
    const id = createCapacity(doc, { title: 'Ski lifts', holders: [{ name: 'Doppelmayr' }] });
    addHolder(doc, id, { name: 'Leitner' });
    const capacity = getCapacity(doc, id)!;
    expect(capacity.kind).toBe('');
    expect(capacity.holders.map((h) => [h.name, h.helix])).toEqual([
      ['Doppelmayr', ''],
      ['Leitner', ''],
    ]);
  });

  it('a new opportunity has no kind and no horizon until someone sets them', () => {
    const doc = new Y.Doc();
    const id = createOpportunity(doc, { title: 'Hydrogen buses' });
    expect(getOpportunity(doc, id)).toMatchObject({ kind: '', horizon: '' });
    updateOpportunity(doc, id, { horizon: 'long' });
    expect(getOpportunity(doc, id)).toMatchObject({ kind: '', horizon: 'long' });
    // And back to not set: the facilitator can undo a choice.
    updateOpportunity(doc, id, { horizon: '' });
    expect(getOpportunity(doc, id)?.horizon).toBe('');
  });

  it('a new action has no type, funding source or status; an indicator has no kind', () => {
    const doc = new Y.Doc();
    const activityId = createActivity(doc, { title: 'Smart tourism' });
    const id = createAction(doc, { activityId, title: 'Joint call' });
    addIndicator(doc, id, { name: 'Projects funded' });
    expect(getAction(doc, id)).toMatchObject({
      actionType: '',
      fundingSource: '',
      status: '',
      indicators: [{ name: 'Projects funded', kind: '' }],
    });
    updateAction(doc, id, { status: 'planned', actionType: 'networking' });
    expect(getAction(doc, id)).toMatchObject({ status: 'planned', actionType: 'networking' });
  });

  it('an actor named without a helix keeps none; activity status still starts as candidate', () => {
    const doc = new Y.Doc();
    const id = createActivity(doc, { title: 'Smart tourism' });
    addActor(doc, id, { name: 'Tourism board' });
    const [activity] = listActivities(doc);
    expect(activity?.actors.map((a) => a.helix)).toEqual(['']);
    expect(activity?.status).toBe('candidate');
  });

  it('reads a missing or unknown value a peer wrote as not set, never as a plausible value', () => {
    const doc = new Y.Doc();
    const capacityId = createCapacity(doc, {
      title: 'C',
      holders: [{ name: 'H', helix: 'research' }],
    });
    const opportunityId = createOpportunity(doc, { title: 'O', kind: 'market', horizon: 'now' });
    const activityId = createActivity(doc, { title: 'A' });
    const actionId = createAction(doc, {
      activityId,
      title: 'X',
      actionType: 'networking',
      fundingSource: 'interreg',
      status: 'done',
    });
    const cards = cardsMap(doc);
    doc.transact(() => {
      const capacity = cards.get(capacityId) as Y.Map<unknown>;
      capacity.set('kind', 'bogus');
      (capacity.get('holders') as Y.Array<unknown>).push([{ id: 'h2', name: 'Peer', helix: 42 }]);
      (cards.get(opportunityId) as Y.Map<unknown>).delete('kind');
      (cards.get(opportunityId) as Y.Map<unknown>).set('horizon', 'someday');
      const action = cards.get(actionId) as Y.Map<unknown>;
      action.set('actionType', null);
      action.delete('fundingSource');
      action.set('status', 'finished');
    });
    expect(listCapacities(doc)[0]).toMatchObject({ kind: '' });
    expect(listCapacities(doc)[0]?.holders.map((h) => h.helix)).toEqual(['research', '']);
    expect(listOpportunities(doc)[0]).toMatchObject({ kind: '', horizon: '' });
    expect(listActions(doc)[0]).toMatchObject({ actionType: '', fundingSource: '', status: '' });
  });

  it('ideas revealed from private writing start not set on every board', () => {
    const doc = new Y.Doc();
    const activityId = createActivity(doc, { title: 'A' });
    const draft = { text: 'Idea', authorName: 'Ana', authorRegionId: '' };
    const options = { showAuthors: false, activityId };
    publishDrafts(doc, [draft], { ...options, board: 'capacity-map' });
    publishDrafts(doc, [draft], { ...options, board: 'opportunity-board' });
    publishDrafts(doc, [draft], { ...options, board: 'action-list' });
    expect(listCapacities(doc)[0]?.kind).toBe('');
    expect(listOpportunities(doc)[0]).toMatchObject({ kind: '', horizon: '' });
    expect(listActions(doc)[0]).toMatchObject({ actionType: '', fundingSource: '', status: '' });
  });
});

/** The fixture workshop plus one card of each kind with every closed field not set. */
function recordWithNotSetCards(): WorkshopRecord {
  const { doc, control, people } = buildFixtureWorkshop();
  const capacityId = createCapacity(doc, {
    title: 'Unsorted capacity',
    holders: [{ name: 'Nameless Ltd' }],
  });
  createOpportunity(doc, { title: 'Unsorted opportunity' });
  const activityId = createActivity(doc, { title: 'Unsorted activity' });
  addActor(doc, activityId, { name: 'Someone' });
  const actionId = createAction(doc, { activityId, title: 'Unsorted action' });
  addIndicator(doc, actionId, { name: 'Jobs' });
  expect(capacityId).toBeTruthy();
  return recordSchema.parse(JSON.parse(JSON.stringify(extractRecord(doc, control, people, meta))));
}

const byTitle = <T extends { title: string }>(items: T[], title: string): T =>
  items.find((i) => i.title === title)!;

describe('the record keeps not set', () => {
  it("extracts '' for every closed field nobody set, and the schema accepts it", () => {
    const record = recordWithNotSetCards();
    const capacity = byTitle(record.capacities, 'Unsorted capacity');
    expect(capacity.kind).toBe('');
    expect(capacity.holders).toEqual([{ name: 'Nameless Ltd', helix: '' }]);
    expect(byTitle(record.opportunities, 'Unsorted opportunity')).toMatchObject({
      kind: '',
      horizon: '',
    });
    expect(byTitle(record.activities, 'Unsorted activity').actors[0]?.helix).toBe('');
    const action = byTitle(record.actions, 'Unsorted action');
    expect(action).toMatchObject({ actionType: '', fundingSource: '', status: '' });
    expect(action.indicators[0]?.kind).toBe('');
  });

  it("round-trips '' through recordToDoc: a follow-up workshop does not invent values", () => {
    const record = recordWithNotSetCards();
    const doc = new Y.Doc();
    recordToDoc(record, doc);
    const capacity = byTitle(listCapacities(doc), 'Unsorted capacity');
    expect(capacity.kind).toBe('');
    expect(capacity.holders.map((h) => h.helix)).toEqual(['']);
    expect(byTitle(listOpportunities(doc), 'Unsorted opportunity')).toMatchObject({
      kind: '',
      horizon: '',
    });
    expect(byTitle(listActions(doc), 'Unsorted action')).toMatchObject({
      actionType: '',
      fundingSource: '',
      status: '',
    });
  });

  it("the record's JSON schema offers '' beside the vocabulary", () => {
    const text = JSON.stringify(recordJsonSchema());
    expect(text).toContain('"const":""');
  });
});

describe('every export says not set', () => {
  let record: WorkshopRecord;
  beforeAll(() => {
    record = recordWithNotSetCards();
  });

  it('Markdown prints "not set" for each closed field, never a guessed value', () => {
    const md = exportMarkdown(record);
    const section = (title: string) => {
      const start = md.indexOf(title);
      expect(start).toBeGreaterThan(-1);
      return md.slice(start, start + 600);
    };
    expect(section('Unsorted capacity')).toMatch(/Kind:?\**:? not set/);
    expect(section('Unsorted capacity')).toContain('Nameless Ltd (not set)');
    expect(section('Unsorted opportunity')).toMatch(/Kind:?\**:? not set/);
    expect(section('Unsorted opportunity')).toMatch(/horizon:?\**:? not set/i);
    const action = section('### Unsorted action');
    expect(action).toMatch(/Type:?\**:? not set/);
    expect(action).toMatch(/Status:?\**:? not set/);
    expect(action).toMatch(/Funding source:?\**:? not set/);
    expect(action).not.toMatch(/R&D project|Regional programme|\bIdea\b/);
  });

  it('HTML prints "not set" in the capacity, opportunity and action rows', () => {
    const html = exportHtml(record);
    const row = (title: string) => {
      const start = html.lastIndexOf(title);
      expect(start).toBeGreaterThan(-1);
      return html.slice(start, html.indexOf('</tr>', start));
    };
    expect(row('Unsorted capacity')).toContain('not set');
    expect(row('Unsorted capacity')).toContain('Nameless Ltd (not set)');
    expect(row('Unsorted opportunity').match(/not set/g)?.length).toBeGreaterThanOrEqual(2);
    expect(row('Unsorted action').match(/not set/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('CSV leaves the cell empty (the machine value of not set) and writes no helix for a holder', () => {
    const files = unzipSync(exportCsvZip(record));
    const table = (name: string) =>
      Papa.parse<Record<string, string>>(
        new TextDecoder().decode(files[name]).replace(/^\uFEFF/, ''),
        { header: true, skipEmptyLines: true },
      ).data;
    const row = (name: string, title: string): Record<string, string> =>
      table(name).find((r) => r.Title === title)!;
    const capacity = row('capacities.csv', 'Unsorted capacity');
    expect(capacity.Kind).toBe('');
    expect(capacity.Holders).toBe('Nameless Ltd');
    const opportunity = row('opportunities.csv', 'Unsorted opportunity');
    expect([opportunity.Kind, opportunity['Time horizon']]).toEqual(['', '']);
    const action = row('actions.csv', 'Unsorted action');
    expect([action.Type, action.Status, action['Funding source'], action.Indicators]).toEqual([
      '',
      '',
      '',
      'Jobs ? → ?',
    ]);
  });
});
