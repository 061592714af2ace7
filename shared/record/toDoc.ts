/**
 * record → doc: fills a (new) workshop's doc from an archived record, so a workshop can start where
 * another ended: an ADW from an EDW's selected activities, a cEDW from several regions' EDWs.
 * Writes only through the shared/doc operations, in one transaction. Cards get new ids; links,
 * groups and vote results are remapped to them; every card records where it came from
 * (provenance { workshopId, cardId, recordVersion }) and the doc lists the record in meta.sources.
 *
 * Round trip: extractRecord(recordToDoc(record)) equals the record but for ids and provenance.
 * (One exception: an action whose activity reference was empty cannot be created and is skipped.)
 * Questionnaires are not carried over: their answers belong to the people of the workshop that
 * gave them, and a follow-up workshop runs its own; so `questionnaires` round-trips only as [].
 */
import type * as Y from 'yjs';
import {
  CARD_TITLE_MAX,
  addActor,
  addCrossRegionalNeed,
  addHolder,
  addIndicator,
  addRegion,
  addSources,
  cardBody,
  createAction,
  createActivity,
  createCapacity,
  createOpportunity,
  createOpportunityGroup,
  diamondAxesArray,
  diamondAxisSchema,
  getCard,
  layoutOpportunityBoard,
  listOpportunities,
  listRegions,
  listVoteResults,
  readWorkshopField,
  readWorkshopLanguage,
  removedCardsMap,
  setActivityText,
  setCardProvenance,
  setWorkshopField,
  setWorkshopLanguage,
  writeVoteResult,
  type CardProvenance,
} from '../doc';
import { isLanguage } from '../i18n/languages';
import { writeRichText, type RichText } from './richText';
import type { WorkshopRecord } from './schema';

export interface RecordToDocOptions {
  /**
   * Import only these activities, with the capacities and opportunities they combine and their
   * actions (what a follow-up ADW needs). Default: the whole record.
   */
  activityIds?: string[];
}

export interface RecordToDocResult {
  /** record card id → id of its copy */
  idMap: Map<string, string>;
  activityIds: string[];
}

/** The activities a follow-up workshop starts from by default: the selected ones (as in copyActivities). */
export function selectedActivityIds(record: WorkshopRecord): string[] {
  return record.activities.filter((a) => a.status === 'selected').map((a) => a.id);
}

export function recordToDoc(
  record: WorkshopRecord,
  doc: Y.Doc,
  options: RecordToDocOptions = {},
): RecordToDocResult {
  const content = choose(record, options.activityIds);
  const idMap = new Map<string, string>();
  const activityIds: string[] = [];
  const from = (cardId: string): CardProvenance => ({
    workshopId: record.workshop.id,
    cardId,
    recordVersion: record.provenance.recordVersion,
  });
  const tombstone = (id: string, type: string, title: string) => {
    const removed = removedCardsMap(doc);
    if (!removed.has(id)) removed.set(id, { id, type, title, deletedAt: 0, deletedBy: '' });
  };

  doc.transact(() => {
    writeWorkshopFacts(record, doc);

    for (const c of content.capacities) {
      const id = createCapacity(doc, {
        title: clip(c.title, CARD_TITLE_MAX),
        regionId: c.regionId ?? '',
        kind: c.kind,
        field: clip(c.field, 120),
        strength: c.strength,
        evidenceUrl: httpUrlOrEmpty(c.evidenceUrl),
      });
      for (const holder of c.holders) addHolder(doc, id, holder);
      finishCard(doc, id, c.description, from(c.id));
      idMap.set(c.id, id);
    }

    // Opportunities in a grid below what the board holds; groups get frames by the board's layout.
    const top = Math.max(0, ...listOpportunities(doc).map((o) => o.y + 300));
    const made: string[] = [];
    content.opportunities.forEach((o, i) => {
      const id = createOpportunity(doc, {
        title: clip(o.title, CARD_TITLE_MAX),
        kind: o.kind,
        horizon: o.horizon,
        sourceUrl: httpUrlOrEmpty(o.sourceUrl),
        x: (i % 6) * 240,
        y: top + Math.floor(i / 6) * 170,
      });
      finishCard(doc, id, o.description, from(o.id));
      idMap.set(o.id, id);
      made.push(id);
    });
    for (const group of content.groups) {
      const members = content.opportunities
        .filter((o) => o.groupId === group.id)
        .map((o) => idMap.get(o.id)!);
      idMap.set(group.id, createOpportunityGroup(doc, group.name, members));
    }
    if (made.length > 0) layoutOpportunityBoard(doc, made);

    for (const a of content.activities) {
      for (const link of a.removedLinks) tombstone(link.id, link.kind, link.title);
      const linkIds = (ids: string[], kind: 'capacity' | 'opportunity') => [
        ...ids.flatMap((old) => (idMap.has(old) ? [idMap.get(old)!] : [])),
        ...a.removedLinks.filter((l) => l.kind === kind).map((l) => l.id),
      ];
      const id = createActivity(doc, {
        title: clip(a.title, CARD_TITLE_MAX),
        field: clip(a.field, 200),
        criticalMass: a.criticalMass,
        status: a.status,
        capacityIds: linkIds(a.capacityIds, 'capacity'),
        opportunityIds: linkIds(a.opportunityIds, 'opportunity'),
        provenance: from(a.id),
      });
      setActivityText(doc, id, 'structuralChange', a.structuralChange);
      setActivityText(doc, id, 'criticalMassRationale', a.criticalMassRationale);
      for (const actor of a.actors) addActor(doc, id, { ...actor, regionId: actor.regionId ?? '' });
      for (const need of a.crossRegionalNeeds) addCrossRegionalNeed(doc, id, need);
      finishCard(doc, id, a.description, from(a.id));
      idMap.set(a.id, id);
      activityIds.push(id);
    }

    for (const a of content.actions) {
      if (a.activityId === null) continue;
      const id = createAction(doc, {
        activityId: idMap.get(a.activityId) ?? a.activityId,
        title: clip(a.title, CARD_TITLE_MAX),
        actionType: a.actionType,
        lead: clip(a.lead, 200),
        partners: a.partners
          .map((p) => clip(p.trim(), 200))
          .filter(Boolean)
          .slice(0, 100),
        regionIds: a.regionIds.slice(0, 50),
        start: a.start ?? '',
        end: a.end !== null && (a.start === null || a.end >= a.start) ? a.end : '',
        budget: a.budget,
        fundingSource: a.fundingSource,
        clusterService: clip(a.clusterService, 200),
        status: a.status,
      });
      for (const indicator of a.indicators) addIndicator(doc, id, indicator);
      finishCard(doc, id, a.description, from(a.id));
      idMap.set(a.id, id);
    }

    // Vote results follow the cards they rank; a card deleted before the record keeps its tombstone.
    const known = new Set(listVoteResults(doc).map((v) => v.voteId));
    for (const vote of record.votes) {
      if (known.has(vote.voteId)) continue;
      const cards = vote.cards.flatMap((card) => {
        const copy = idMap.get(card.cardId);
        const keep = copy ?? (card.removed && !options.activityIds ? card.cardId : undefined);
        if (!keep) return [];
        if (!copy) tombstone(card.cardId, card.cardType ?? 'note', card.title);
        const { total, rank, byHelix, byRegion } = card;
        return [{ cardId: keep, total, rank, byHelix, byRegion }];
      });
      if (cards.length === 0) continue;
      const { voteId, title, budget, maxPerCard, voters, splitMinVoters } = vote;
      writeVoteResult(doc, {
        voteId,
        title,
        budget,
        maxPerCard,
        voters,
        revealedAt: Date.parse(vote.revealedAt),
        cards,
        // A record's splits are as safe as when they were revealed; null/absent stays unmarked.
        ...(typeof splitMinVoters === 'number' ? { splitMinVoters } : {}),
      });
    }

    addSources(doc, [{ workshopId: record.workshop.id, version: record.provenance.recordVersion }]);
  });
  return { idMap, activityIds };
}

/** The part of the record to import: everything, or the chosen activities and what they need. */
function choose(record: WorkshopRecord, activityIds: string[] | undefined) {
  if (!activityIds) {
    return {
      capacities: record.capacities,
      opportunities: record.opportunities,
      groups: record.opportunityGroups,
      activities: record.activities,
      actions: record.actions,
    };
  }
  const chosen = new Set(activityIds);
  const activities = record.activities.filter((a) => chosen.has(a.id));
  const linked = new Set(activities.flatMap((a) => [...a.capacityIds, ...a.opportunityIds]));
  const opportunities = record.opportunities.filter((o) => linked.has(o.id));
  const groupIds = new Set(opportunities.map((o) => o.groupId));
  return {
    capacities: record.capacities.filter((c) => linked.has(c.id)),
    opportunities,
    groups: record.opportunityGroups.filter((g) => groupIds.has(g.id)),
    activities,
    actions: record.actions.filter((a) => a.activityId !== null && chosen.has(a.activityId)),
  };
}

/** Regions (merged by id), field and language (kept when the doc already has them), diamond axes. */
function writeWorkshopFacts(record: WorkshopRecord, doc: Y.Doc): void {
  const regionIds = new Set(listRegions(doc).map((r) => r.id));
  for (const region of record.workshop.regions) {
    if (!regionIds.has(region.id)) addRegion(doc, region);
  }
  if (!readWorkshopField(doc) && record.workshop.field)
    setWorkshopField(doc, record.workshop.field);
  const language = record.workshop.language;
  if (isLanguage(language) && readWorkshopLanguage(doc) === 'en')
    setWorkshopLanguage(doc, language);
  if (record.diamond.customAxes) {
    const axes = diamondAxesArray(doc);
    const axisIds = new Set(axes.toArray().map((a) => a.id));
    const missing = record.diamond.axes.filter((a) => !axisIds.has(a.id));
    if (missing.length > 0) axes.push(missing.map((a) => diamondAxisSchema.parse(a)));
  }
}

function finishCard(doc: Y.Doc, id: string, description: RichText, from: CardProvenance): void {
  const body = cardBody(getCard(doc, id)!);
  if (body) writeRichText(body, description);
  setCardProvenance(doc, id, from);
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

function httpUrlOrEmpty(value: string): string {
  const v = value.trim();
  return v.length <= 2000 && /^https?:\/\/\S+$/i.test(v) ? v : '';
}
