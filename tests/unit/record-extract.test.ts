/**
 * doc → record: the fixture workshop gives the checked-in golden record (ids normalised), and the
 * extraction honours what a record promises (names only with consent, removed links, ranks).
 * Regenerate the golden file after an intended change: UPDATE_GOLDEN=1 npx vitest run <this file>.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cardBody,
  cardsMap,
  createCard,
  getCard,
  initWorkshopDoc,
  metaMap,
  regionsArray,
  removedCardsMap,
  voteResultsMap,
} from '../../shared/doc';
import { extractRecord } from '../../shared/record/extract';
import { RICH_TEXT_MAX_DEPTH } from '../../shared/record/richText';
import { recordSchema } from '../../shared/record/schema';
import {
  FIXTURE_ARCHIVED_AT,
  buildFixtureWorkshop,
  fixtureFacts,
  normaliseIds,
} from '../fixtures/recordWorkshop';

const goldenPath = fileURLToPath(new URL('../fixtures/record-golden.json', import.meta.url));
const meta = {
  version: 3,
  kind: 'archive' as const,
  archivedAt: FIXTURE_ARCHIVED_AT,
  workshop: fixtureFacts(),
};

describe('extractRecord', () => {
  it('turns the fixture workshop into the golden record, which the schema accepts', () => {
    const { doc, control, people } = buildFixtureWorkshop();
    const record = extractRecord(doc, control, people, meta);
    expect(recordSchema.safeParse(record).success).toBe(true);
    const normalised = normaliseIds(record);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.writeFileSync(goldenPath, `${JSON.stringify(normalised, null, 2)}\n`);
    }
    expect(normalised).toEqual(JSON.parse(fs.readFileSync(goldenPath, 'utf8')));
  });

  it('counts participants by helix and region, names only those who consented', () => {
    const { doc, control, people } = buildFixtureWorkshop();
    const { participants, workshop } = extractRecord(doc, control, people, meta);
    expect(workshop.facilitators).toEqual(['Fiona Facilitator']);
    expect(participants.total).toBe(3); // the removed person and the facilitator do not count
    expect(participants.byHelix).toMatchObject({ business: 1, research: 1, unspecified: 1 });
    expect(participants.byRegion).toEqual([
      { regionId: 'AT33', count: 1 },
      { regionId: 'ITH1', count: 1 },
      { regionId: null, count: 1 },
    ]);
    expect(participants.named.map((p) => p.name)).toEqual(['Bruno']);
    const all = JSON.stringify(extractRecord(doc, control, people, meta));
    expect(all).not.toContain('Anna');
    expect(all).not.toContain('Carla');
  });

  it('keeps links to deleted cards apart, with their titles, and ranks activities by the latest vote', () => {
    const { doc, control, people, ids } = buildFixtureWorkshop();
    const record = extractRecord(doc, control, people, meta);
    const activity = record.activities.find((a) => a.id === ids.digitalTourism)!;
    expect(activity.removedLinks).toMatchObject([{ kind: 'capacity', title: 'Old ski lifts' }]);
    expect(activity.capacityIds).toHaveLength(2);
    expect(activity.capacityIds.every((id) => record.capacities.some((c) => c.id === id))).toBe(
      true,
    );
    expect(activity.rank).toBe(1);
    expect(record.activities.find((a) => a.title === 'Ski lift museum')!.rank).toBeNull();
    const removedVoteCard = record.votes[0]!.cards.find((c) => c.removed)!;
    expect(removedVoteCard).toMatchObject({ title: 'Old ski lifts', cardType: 'capacity' });
  });

  it('keeps the split of a vote revealed before the privacy rule out of the record', () => {
    const { doc, control, people, ids } = buildFixtureWorkshop();
    // As a server before the rule wrote it: no splitMinVoters, one person's dots in plain view.
    voteResultsMap(doc).set('vote-old', {
      voteId: 'vote-old',
      title: 'Before the rule',
      budget: 3,
      maxPerCard: 3,
      voters: 2,
      revealedAt: Date.UTC(2026, 10, 23, 11),
      cards: [
        {
          cardId: ids.climate,
          total: 3,
          rank: 1,
          byHelix: { government: 3 },
          byRegion: { ITH1: 3 },
        },
      ],
    });
    const record = recordSchema.parse(extractRecord(doc, control, people, meta));
    const old = record.votes.find((v) => v.voteId === 'vote-old')!;
    expect(old).toMatchObject({ splitMinVoters: null, voters: 2 });
    expect(old.cards[0]).toMatchObject({ total: 3, byHelix: {}, byRegion: {} });
    const climate = record.activities.find((a) => a.id === ids.climate)!;
    expect(climate.votes.find((v) => v.voteId === 'vote-old')).toMatchObject({
      byHelix: {},
      byRegion: {},
    });
    // The protected vote keeps its split and says with which threshold.
    expect(record.votes.find((v) => v.voteId === 'vote-activities')).toMatchObject({
      splitMinVoters: 3,
      cards: expect.arrayContaining([
        expect.objectContaining({ byHelix: { business: 5, other: 4 } }),
      ]),
    });
  });

  it('records the agenda as it actually ran', () => {
    const { doc, control, people } = buildFixtureWorkshop();
    const { agenda, workshop } = extractRecord(doc, control, people, meta);
    expect(agenda.runs.map((r) => [r.phaseId, r.endedAt !== null])).toEqual([
      ['agree-field', true],
      ['map-capacities', true],
      ['prioritise', false],
    ]);
    expect(workshop.dates.firstPhaseStartedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(workshop.dates.lastPhaseEndedAt).toBe('2026-11-23T10:05:00.000Z');
  });

  it('still yields a valid record from whatever a peer wrote into the doc', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, { workshopId: 'w', title: 'Odd', template: 'edw', createdAt: 1e20 });
    const id = createCard(doc, { type: 'action', title: 'raw action' });
    const card = getCard(doc, id)!;
    card.set('start', '2027-02-30');
    card.set('budget', -5);
    card.set('regionIds', ['x'.repeat(500), 'AT33']);
    cardsMap(doc).get(id)!.set('provenance', { workshopId: 'src', cardId: 'c', recordVersion: 2 });
    voteResultsMap(doc).set('bad', { voteId: 'bad', cards: [{ cardId: 5 }] } as never);
    const record = extractRecord(doc, null, [], meta);
    expect(recordSchema.safeParse(record).success).toBe(true);
    expect(record.actions[0]).toMatchObject({ start: null, budget: null, regionIds: ['AT33'] });
    expect(record.votes).toEqual([]);
    expect(record.workshop.dates.createdAt).toBe(meta.workshop.createdAt);
    expect(record.provenance.sourceRecords).toEqual([{ workshopId: 'src', version: 2 }]);
  });

  it('takes the workshop id, template and creation time from the server, never from the doc', () => {
    const { doc, control, people } = buildFixtureWorkshop();
    const server = {
      id: meta.workshop.id,
      template: 'edw',
      dates: { createdAt: meta.workshop.createdAt },
    };
    const meta$ = metaMap(doc);
    meta$.set('createdAt', -1e15);
    meta$.set('template', 'bogus');
    expect(extractRecord(doc, control, people, meta).workshop).toMatchObject(server);
    // Valid-looking values are not taken either: the record would be filed under another workshop.
    meta$.set('workshopId', 'another-workshop');
    meta$.set('template', 'adw');
    meta$.set('createdAt', Date.UTC(2020, 0, 1));
    const record = extractRecord(doc, control, people, meta);
    expect(record.workshop).toMatchObject(server);
    expect(record.provenance.workshopId).toBe(server.id);
    meta$.delete('workshopId');
    meta$.set('title', new Y.Text('not a title string'));
    const untitled = extractRecord(doc, control, people, meta);
    expect(recordSchema.safeParse(untitled).success).toBe(true);
    expect(untitled.workshop).toMatchObject({ id: server.id, title: meta.workshop.title });
  });

  it('gives a doc never initialised (or with its meta deleted) an empty record of the workshop', () => {
    const record = extractRecord(new Y.Doc(), null, [], meta);
    expect(recordSchema.safeParse(record).success).toBe(true);
    expect(record.workshop).toMatchObject({ id: meta.workshop.id, title: meta.workshop.title });
    expect(record.capacities).toEqual([]);
  });

  it('leaves out cards and links a record cannot name, reads tombstones and regions as their schema does', () => {
    const { doc, control, people, ids } = buildFixtureWorkshop();
    const cards = cardsMap(doc);
    const tourism = cards.get(ids.tourism)!;
    tourism.delete('id');
    cards.set('', new Y.Map());
    cards.set('not-a-card', 'a string where a card should be' as never);
    const activity = cards.get(ids.digitalTourism)!;
    (activity.get('capacityIds') as Y.Map<unknown>).set('x'.repeat(65), true);
    (activity.get('capacityIds') as Y.Map<unknown>).set('gone', true);
    removedCardsMap(doc).set('gone', { title: 42, type: new Y.Map() } as never);
    regionsArray(doc).push([{ id: 'DE21', name: 'Upper Bavaria' } as never]);

    const record = extractRecord(doc, control, people, meta);
    expect(recordSchema.safeParse(record).success).toBe(true);
    expect(record.capacities.map((c) => c.id)).toContain(ids.tourism);
    const linked = record.activities.find((a) => a.id === ids.digitalTourism)!;
    expect(linked.removedLinks).toContainEqual({ id: 'gone', kind: 'capacity', title: '' });
    expect(linked.removedLinks.every((l) => l.id.length <= 64)).toBe(true);
    expect(record.workshop.regions.at(-1)).toEqual({
      id: 'DE21',
      name: 'Upper Bavaria',
      country: '',
      nuts: '',
    });
  });

  it('reads a card body nested deeper than an editor would as plain text past the depth limit', () => {
    const { doc, control, people, ids } = buildFixtureWorkshop();
    let parent: Y.XmlElement | Y.XmlFragment = cardBody(getCard(doc, ids.climate)!)!;
    for (let i = 0; i < 1_200; i++) {
      const element: Y.XmlElement = new Y.XmlElement(i % 2 ? 'listItem' : 'bulletList');
      parent.insert(parent.length, [element]);
      parent = element;
    }
    parent.insert(0, [new Y.XmlText('deep down')]);
    const record = extractRecord(doc, control, people, meta);
    expect(recordSchema.safeParse(record).success).toBe(true);
    const body = record.activities.find((a) => a.id === ids.climate)!.description;
    let depth = 0;
    for (let node = body.doc.content[0]; node; node = node.content?.[0]) depth++;
    // The element at the limit holds a paragraph of the text below it.
    expect(depth).toBe(RICH_TEXT_MAX_DEPTH + 2);
    expect(body.text).toContain('deep down');
  });
});
