/** The S3 doc operations: capacities, opportunities and groups, activities and their links, actions, diamond. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  activitiesLinking,
  activityMatrix,
  addActor,
  addCrossRegionalNeed,
  addDiamondAxis,
  addHolder,
  addIndicator,
  addRegion,
  cardBody,
  computeDiamond,
  copyActivities,
  getCard,
  createAction,
  createActivity,
  createCapacity,
  createOpportunity,
  createOpportunityGroup,
  DEFAULT_DIAMOND_AXES,
  deleteCard,
  deleteOpportunityGroup,
  getActivity,
  getCapacity,
  linkToActivity,
  listActions,
  listActivities,
  listCapacities,
  listOpportunities,
  listOpportunityGroups,
  listRegions,
  mergeOpportunityGroups,
  readDiamondAxes,
  removeHolder,
  resetDiamondAxes,
  resolveLinks,
  setActivityText,
  setOpportunityGroup,
  unlinkFromActivity,
  updateAction,
  updateCapacity,
  updateIndicator,
  updateRegion,
} from '../../shared/doc';
import { writePlainText } from '../../shared/import';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function twoRegions(doc: Y.Doc) {
  const tyrol = addRegion(doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
  const slovenia = addRegion(doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
  return { tyrol, slovenia };
}

describe('regions', () => {
  it('adds, validates and updates regions', () => {
    const doc = new Y.Doc();
    const { tyrol } = twoRegions(doc);
    expect(listRegions(doc).map((r) => r.name)).toEqual(['Tyrol', 'Western Slovenia']);
    expect(() => addRegion(doc, { name: 'X', country: 'AT', nuts: 'at33' })).toThrow(/NUTS/);
    expect(() => addRegion(doc, { name: ' ', country: '', nuts: '' })).toThrow();
    updateRegion(doc, tyrol, { name: 'Tirol' });
    expect(listRegions(doc)[0]).toMatchObject({ id: tyrol, name: 'Tirol', nuts: 'AT33' });
  });
});

describe('capacities', () => {
  it('creates a capacity with holders and edits its fields with validation', () => {
    const doc = new Y.Doc();
    const { tyrol } = twoRegions(doc);
    const id = createCapacity(doc, {
      title: 'Alpine tourism',
      regionId: tyrol,
      kind: 'industry',
      strength: 4,
      holders: [{ name: 'Tirol Werbung', helix: 'government' }],
    });
    const holderId = addHolder(doc, id, { name: 'MCI', helix: 'research' });
    expect(getCapacity(doc, id)).toMatchObject({
      type: 'capacity',
      boardId: 'capacity-map',
      title: 'Alpine tourism',
      regionId: tyrol,
      strength: 4,
      holders: [
        { name: 'Tirol Werbung', helix: 'government' },
        { id: holderId, name: 'MCI', helix: 'research' },
      ],
    });
    expect(() => updateCapacity(doc, id, { strength: 9 })).toThrow();
    expect(() => updateCapacity(doc, id, { evidenceUrl: 'javascript:alert(1)' })).toThrow(/URL/);
    expect(() => addHolder(doc, id, { name: 'X', helix: 'aliens' as never })).toThrow();
    updateCapacity(doc, id, { kind: 'skills', evidenceUrl: 'https://example.org/report.pdf' });
    removeHolder(doc, id, holderId!);
    expect(getCapacity(doc, id)).toMatchObject({
      kind: 'skills',
      regionId: tyrol, // a patch changes only the fields it names
      strength: 4,
      holders: [{ name: 'Tirol Werbung' }],
    });
    expect(updateCapacity(doc, 'missing', { strength: 1 })).toBe(false);
  });
});

describe('opportunities and groups', () => {
  it('groups opportunities, merges two groups and ungroups on delete', () => {
    const doc = new Y.Doc();
    const ai = createOpportunity(doc, { title: 'Generative AI', kind: 'technology-trend' });
    const climate = createOpportunity(doc, {
      title: 'Less snow',
      kind: 'societal-challenge',
      horizon: 'long',
    });
    const digital = createOpportunityGroup(doc, 'Digital', [ai]);
    const climateGroup = createOpportunityGroup(doc, 'Climate');
    expect(setOpportunityGroup(doc, climate, climateGroup)).toBe(true);
    expect(setOpportunityGroup(doc, climate, 'no-such-group')).toBe(false);

    expect(mergeOpportunityGroups(doc, digital, climateGroup)).toBe(true);
    expect(listOpportunityGroups(doc).map((g) => g.name)).toEqual(['Digital']);
    expect(listOpportunities(doc).map((o) => o.groupId)).toEqual([digital, digital]);

    deleteOpportunityGroup(doc, digital);
    expect(listOpportunities(doc).map((o) => o.groupId)).toEqual(['', '']);
    expect(() => createOpportunity(doc, { sourceUrl: 'ftp://x' })).toThrow(/URL/);
  });
});

describe('transformative activities', () => {
  it('combines capacities and opportunities; links show both ways', () => {
    const doc = new Y.Doc();
    const tourism = createCapacity(doc, { title: 'Tourism' });
    const ict = createCapacity(doc, { title: 'ICT research' });
    const ai = createOpportunity(doc, { title: 'AI assistants' });
    const id = createActivity(doc, {
      title: 'Digital services for tourism',
      capacityIds: [tourism, ict],
      opportunityIds: [ai],
    });
    expect(getActivity(doc, id)).toMatchObject({
      title: 'Digital services for tourism',
      status: 'candidate',
      capacityIds: [tourism, ict].sort(),
      opportunityIds: [ai],
    });
    expect(activitiesLinking(doc, tourism).map((a) => a.id)).toEqual([id]);
    expect(activitiesLinking(doc, ai).map((a) => a.id)).toEqual([id]);
    const matrix = activityMatrix(listActivities(doc));
    expect(matrix.get(`${tourism} ${ai}`)?.map((a) => a.id)).toEqual([id]);
    expect(matrix.size).toBe(2);

    expect(linkToActivity(doc, id, 'capacity', ai)).toBe(false); // an opportunity is not a capacity
    expect(unlinkFromActivity(doc, id, 'capacity', ict)).toBe(true);
    expect(activitiesLinking(doc, ict)).toEqual([]);
  });

  it('keeps a deleted capacity visible as "source removed" with its title', () => {
    const doc = new Y.Doc();
    const tourism = createCapacity(doc, { title: 'Tourism' });
    const id = createActivity(doc, { title: 'A', capacityIds: [tourism] });
    deleteCard(doc, tourism, 'Ana');
    expect(resolveLinks(doc, getActivity(doc, id)!.capacityIds)).toEqual([
      { id: tourism, title: 'Tourism', removed: true },
    ]);
  });

  it('holds actors, cross-regional needs and the critical-mass rationale', () => {
    const doc = new Y.Doc();
    const { tyrol, slovenia } = twoRegions(doc);
    const id = createActivity(doc, { title: 'A', criticalMass: 3 });
    addActor(doc, id, { name: 'Start-up Tirol', helix: 'business', regionId: tyrol });
    addCrossRegionalNeed(doc, id, { regionId: slovenia, contribution: 'AI research' });
    setActivityText(doc, id, 'criticalMassRationale', 'Twelve firms and two labs');
    expect(getActivity(doc, id)).toMatchObject({
      criticalMass: 3,
      criticalMassRationale: 'Twelve firms and two labs',
      actors: [{ name: 'Start-up Tirol', helix: 'business', regionId: tyrol }],
      crossRegionalNeeds: [{ regionId: slovenia, contribution: 'AI research' }],
    });
  });

  it('converges to a valid state when a capacity is deleted while another client links it', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const cap = createCapacity(a, { title: 'Wood industry' });
    const act = createActivity(a, { title: 'Timber construction' });
    sync(a, b);
    linkToActivity(a, act, 'capacity', cap);
    deleteCard(b, cap);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(listCapacities(doc)).toEqual([]);
      expect(resolveLinks(doc, getActivity(doc, act)!.capacityIds)).toEqual([
        { id: cap, title: 'Wood industry', removed: true },
      ]);
    }
  });
});

describe('actions', () => {
  it('adds actions with indicators to an activity, validating dates and budget', () => {
    const doc = new Y.Doc();
    const act = createActivity(doc, { title: 'A' });
    const id = createAction(doc, {
      activityId: act,
      title: 'Joint R&D call',
      actionType: 'rd-project',
      start: '2027-01-01',
      end: '2028-12-31',
      budget: 250000,
      fundingSource: 'synchronised-call',
      partners: ['MCI', 'Univ. Ljubljana'],
    });
    const ind = addIndicator(doc, id, {
      kind: 'output',
      name: 'Projects funded',
      unit: 'projects',
      baseline: 0,
      target: 4,
    });
    updateIndicator(doc, id, {
      id: ind!,
      kind: 'output',
      name: 'Projects funded',
      unit: 'projects',
      baseline: 0,
      target: 6,
    });
    expect(listActions(doc, act)).toMatchObject([
      {
        title: 'Joint R&D call',
        budget: 250000,
        partners: ['MCI', 'Univ. Ljubljana'],
        indicators: [{ name: 'Projects funded', target: 6 }],
        status: '', // not set: nobody chose a status (issue 10, item 5)
      },
    ]);
    expect(() => updateAction(doc, id, { end: '2026-01-01' })).toThrow(/before/);
    expect(() => updateAction(doc, id, { budget: -5 })).toThrow();
    expect(() => updateAction(doc, id, { start: '2027-13-45' })).toThrow(/real date/);
    expect(() => updateAction(doc, id, { start: '2027-02-30' })).toThrow(/real date/);
    updateAction(doc, id, { status: 'planned' });
    expect(listActions(doc)[0]?.status).toBe('planned');
  });
});

describe('Synergy Diamond', () => {
  it('computes one polygon per region from the capacities, by kind and by field tag', () => {
    const doc = new Y.Doc();
    const { tyrol, slovenia } = twoRegions(doc);
    createCapacity(doc, { title: 'Tourism', regionId: tyrol, kind: 'industry', strength: 5 });
    createCapacity(doc, { title: 'Hotels', regionId: tyrol, kind: 'industry' }); // unjudged counts 1
    createCapacity(doc, {
      title: 'AI lab',
      regionId: slovenia,
      kind: 'research',
      strength: 4,
      field: 'ICT',
    });
    createCapacity(doc, { title: 'No region', kind: 'research', strength: 5 });

    const axes = readDiamondAxes(doc);
    expect(axes).toEqual(DEFAULT_DIAMOND_AXES);
    const diamond = computeDiamond(listCapacities(doc), listRegions(doc), axes);
    const industry = axes.findIndex((a) => a.id === 'kind:industry');
    const research = axes.findIndex((a) => a.id === 'kind:research');
    expect(diamond.series[0]).toMatchObject({ regionName: 'Tyrol' });
    expect(diamond.series[0]!.values[industry]).toBe(6);
    expect(diamond.series[0]!.counts[industry]).toBe(2);
    expect(diamond.series[1]!.values[research]).toBe(4);
    expect(diamond.max).toBe(6);

    addDiamondAxis(doc, { label: 'ICT', fields: ['ict'] });
    const custom = readDiamondAxes(doc);
    expect(custom).toHaveLength(DEFAULT_DIAMOND_AXES.length + 1);
    const withIct = computeDiamond(listCapacities(doc), listRegions(doc), custom);
    expect(withIct.series[1]!.values.at(-1)).toBe(4);
    resetDiamondAxes(doc);
    expect(readDiamondAxes(doc)).toEqual(DEFAULT_DIAMOND_AXES);
  });
});

describe('copying selected activities into a new workshop (ADW from EDW)', () => {
  it('copies selected activities with their capacities, opportunities, regions and provenance', () => {
    const edw = new Y.Doc();
    const { tyrol } = twoRegions(edw);
    const cap = createCapacity(edw, { title: 'Tourism', regionId: tyrol, strength: 5 });
    const opp = createOpportunity(edw, { title: 'AI assistants' });
    const selected = createActivity(edw, {
      title: 'Digital tourism',
      capacityIds: [cap],
      opportunityIds: [opp],
      status: 'selected',
    });
    writePlainText(cardBody(getCard(edw, selected)!)!, 'Chatbots for guests');
    const parked = createActivity(edw, { title: 'Parked idea', status: 'parked' });
    const sketched = createAction(edw, {
      activityId: selected,
      title: 'Pilot chatbot',
      budget: 50000,
    });
    createAction(edw, { activityId: parked, title: 'Not copied' });

    const adw = new Y.Doc();
    const result = copyActivities(edw, adw, 'edw-workshop-id');
    expect(result.activityIds).toHaveLength(1);
    const [copy] = listActivities(adw);
    expect(copy).toMatchObject({
      title: 'Digital tourism',
      status: 'selected',
      provenance: { workshopId: 'edw-workshop-id', cardId: selected },
    });
    expect(copy!.id).not.toBe(selected);
    expect(resolveLinks(adw, copy!.capacityIds)).toEqual([
      { id: result.idMap.get(cap), title: 'Tourism', removed: false },
    ]);
    expect(getCapacity(adw, result.idMap.get(cap)!)).toMatchObject({
      regionId: tyrol,
      strength: 5,
    });
    expect(getCard(adw, result.idMap.get(cap)!)!.get('provenance')).toEqual({
      workshopId: 'edw-workshop-id',
      cardId: cap,
    });
    expect(listRegions(adw).map((r) => r.name)).toEqual(['Tyrol', 'Western Slovenia']);
    expect(cardBody(getCard(adw, copy!.id)!)!.toJSON()).toBe(
      '<paragraph>Chatbots for guests</paragraph>',
    );
    expect(listActions(adw)).toMatchObject([
      { title: 'Pilot chatbot', budget: 50000, activityId: copy!.id },
    ]);
    expect(getCard(adw, result.idMap.get(sketched)!)!.get('provenance')).toEqual({
      workshopId: 'edw-workshop-id',
      cardId: sketched,
    });
    // The source is untouched.
    expect(listActivities(edw)).toHaveLength(2);
  });
});
