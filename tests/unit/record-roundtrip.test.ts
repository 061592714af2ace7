/**
 * doc → record → validate → JSON → recordToDoc → record: equal but for ids and provenance. Also what
 * a follow-up (ADW) import takes, and merging several regions' records into one cEDW.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRegion,
  createCapacity,
  initWorkshopDoc,
  listActions,
  listActivities,
  listCapacities,
  listOpportunities,
  listOpportunityGroups,
  listRegions,
  readCardProvenance,
  readSources,
  resolveLinks,
} from '../../shared/doc';
import { extractRecord } from '../../shared/record/extract';
import { recordSchema, type WorkshopRecord } from '../../shared/record/schema';
import { recordToDoc, selectedActivityIds } from '../../shared/record/toDoc';
import {
  FIXTURE_ARCHIVED_AT,
  FIXTURE_CREATED_AT,
  buildFixtureWorkshop,
  fixtureFacts,
  normaliseIds,
} from '../fixtures/recordWorkshop';

const meta = {
  version: 2,
  kind: 'archive' as const,
  archivedAt: FIXTURE_ARCHIVED_AT,
  workshop: fixtureFacts(),
};

/** As storage would hand it back: through JSON, then validated. */
const stored = (record: WorkshopRecord) => recordSchema.parse(JSON.parse(JSON.stringify(record)));

function newWorkshopDoc(workshopId: string, title = 'Alpine digital tourism EDW'): Y.Doc {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, { workshopId, title, template: 'edw', createdAt: FIXTURE_CREATED_AT });
  return doc;
}

/** The record without what an import changes by design: ids and provenance. */
function content(record: WorkshopRecord) {
  const { provenance: _provenance, ...rest } = structuredClone(record);
  rest.workshop.id = 'workshop';
  for (const list of [rest.capacities, rest.opportunities, rest.activities, rest.actions]) {
    for (const card of list) card.provenance = null;
  }
  return normaliseIds(rest);
}

describe('record round trip', () => {
  it('imports a record into an empty workshop and extracts the same record again', () => {
    const source = buildFixtureWorkshop();
    const first = stored(extractRecord(source.doc, source.control, source.people, meta));

    const copy = newWorkshopDoc('copied-workshop');
    recordToDoc(first, copy);
    const second = stored(extractRecord(copy, source.control, source.people, meta));

    expect(content(second)).toEqual(content(first));
    // Sanity: the comparison sees real content, and the ids really are new.
    expect(second.activities).toHaveLength(3);
    expect(second.capacities[0]!.id).not.toBe(first.capacities[0]!.id);
  });

  it('gives every copy its provenance and lists the record as a source', () => {
    const source = buildFixtureWorkshop();
    const record = stored(extractRecord(source.doc, source.control, source.people, meta));
    const copy = newWorkshopDoc('copied-workshop');
    const { idMap } = recordToDoc(record, copy);

    expect(readSources(copy)).toEqual([{ workshopId: record.workshop.id, version: 2 }]);
    const copied = idMap.get(source.ids.tourism)!;
    expect(readCardProvenance(copy, copied)).toEqual({
      workshopId: record.workshop.id,
      cardId: source.ids.tourism,
      recordVersion: 2,
    });
    const again = extractRecord(copy, null, [], { ...meta, version: 1 });
    expect(again.provenance.sourceRecords).toEqual([
      { workshopId: record.workshop.id, version: 2 },
    ]);
    expect(again.capacities.every((c) => c.provenance?.recordVersion === 2)).toBe(true);
  });

  it('takes only the selected activities, what they combine and their actions, for an ADW', () => {
    const source = buildFixtureWorkshop();
    const record = stored(extractRecord(source.doc, source.control, source.people, meta));
    const adw = newWorkshopDoc('adw-workshop', 'Alpine ADW');
    const { activityIds } = recordToDoc(record, adw, { activityIds: selectedActivityIds(record) });

    expect(listActivities(adw).map((a) => a.title)).toEqual(['Digital services for tourism']);
    expect(activityIds).toEqual([listActivities(adw)[0]!.id]);
    expect(listCapacities(adw).map((c) => c.title)).toEqual([
      'Alpine tourism industry',
      'ICT research at the University of Innsbruck',
    ]);
    expect(listOpportunities(adw).map((o) => o.title)).toEqual(['Smart guest experiences']);
    expect(listOpportunityGroups(adw).map((g) => g.name)).toEqual(['Digitalisation']);
    expect(listActions(adw).map((a) => a.title)).toEqual([
      'Joint R&D project on guest apps',
      'Networking day with hoteliers',
    ]);
    const [activity] = listActivities(adw);
    expect(resolveLinks(adw, activity!.capacityIds).map((l) => [l.title, l.removed])).toEqual(
      expect.arrayContaining([
        ['Alpine tourism industry', false],
        ['Old ski lifts', true],
      ]),
    );
    // The vote result keeps the copied activity's rank; cards not copied are left out.
    const votes = extractRecord(adw, null, [], meta).votes;
    expect(votes[0]!.cards).toMatchObject([{ cardId: activity!.id, rank: 1, total: 9 }]);
  });

  it('merges several regions’ records into one cEDW', () => {
    const tyrol = buildFixtureWorkshop('fixture-edw-tyrol');
    const other = new Y.Doc();
    initWorkshopDoc(other, {
      workshopId: 'fixture-edw-bavaria',
      title: 'Bavaria EDW',
      template: 'edw',
    });
    addRegion(other, { id: 'DE21', name: 'Upper Bavaria', country: 'Germany', nuts: 'DE21' });
    addRegion(other, { id: 'AT33', name: 'Tyrol', country: 'Austria', nuts: 'AT33' });
    createCapacity(other, { title: 'Automotive suppliers', regionId: 'DE21' });

    const cedw = newWorkshopDoc('cedw-workshop', 'Alpine cEDW');
    recordToDoc(stored(extractRecord(tyrol.doc, null, [], meta)), cedw);
    const bavaria = fixtureFacts('fixture-edw-bavaria', 'Bavaria EDW');
    recordToDoc(
      stored(extractRecord(other, null, [], { ...meta, version: 1, workshop: bavaria })),
      cedw,
    );

    expect(listRegions(cedw).map((r) => r.id)).toEqual(['AT33', 'ITH1', 'DE21']);
    expect(listCapacities(cedw).map((c) => c.title)).toContain('Automotive suppliers');
    expect(listCapacities(cedw)).toHaveLength(4);
    expect(listActivities(cedw)).toHaveLength(3);
    expect(readSources(cedw)).toEqual([
      { workshopId: 'fixture-edw-tyrol', version: 2 },
      { workshopId: 'fixture-edw-bavaria', version: 1 },
    ]);
  });
});
