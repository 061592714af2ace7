/**
 * doc → record. Reads the workshop's Y.Doc only through the shared/doc accessors (the same ones the
 * boards use, so the record cannot drift from what people saw), plus the control state (agenda
 * and when phases ran), the people who joined and the workshop's own facts from storage. Pure: no
 * Node APIs, deterministic for a given input, tolerant of anything a peer may have written (bad
 * values become "not set", cards and links without a usable id are left out, never a throw), so
 * the result always passes `recordSchema` (tests/unit/record-fuzz.test.ts tries hostile docs).
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import type { ControlState } from '../control/state';
import {
  cardBody,
  computeDiamond,
  diamondAxesArray,
  getCard,
  isIsoDate,
  listActions,
  listActivities,
  listCapacities,
  listOpportunities,
  listOpportunityGroups,
  listRegions,
  listVoteResults,
  readCard,
  readDiamondAxes,
  readCardProvenance,
  readRemovedCard,
  readSources,
  readWorkshopField,
  readWorkshopLanguage,
  resolveLinks,
  metaMap,
  stringOr,
  type CardProvenance,
  type SourceRecord,
} from '../doc';
import { CARD_TYPES } from '../doc/cards';
import { HELICES, type Helix } from '../domain/s3';
import type { Role, WorkshopTemplate } from '../domain/workshop';
import { extractQuestionnaires } from './questionnaireExtract';
import { readRichText, type RichText } from './richText';
import {
  RECORD_SCHEMA_VERSION,
  type RecordKind,
  type RecordVote,
  type WorkshopRecord,
} from './schema';

/** A person who joined the workshop (storage's identity, as far as the record needs it). */
export interface RecordPerson {
  /** The identity id (a named questionnaire's respondent id). */
  id?: string;
  name: string;
  organisation: string;
  helix: Helix | null;
  regionId: string;
  role: Role;
  removed?: boolean;
  /** Agreed to appear by name in the record (asked when joining). */
  consentToNames?: boolean;
}

/**
 * What the server knows of the workshop itself (its row in storage). It is the authority for the
 * record's workshop id, template and creation time, even where the doc's meta holds a valid-looking
 * copy: any client that can write the doc can overwrite or delete those copies, and nothing
 * legitimately changes them after creation. Taken from the doc, one edit could file the record
 * under another workshop's id (records are stored and searched by it), claim a template the
 * workshop never had, or date it out of range.
 */
export interface WorkshopFacts {
  id: string;
  /** The title it was created with: the record's title while the doc holds no title string. */
  title: string;
  template: WorkshopTemplate;
  /** ISO 8601, as storage keeps it. */
  createdAt: string;
}

/** Facts about the record itself, decided by whoever stores it. */
export interface RecordMeta {
  version: number;
  kind: RecordKind;
  /** ms since epoch. */
  archivedAt: number;
  workshop: WorkshopFacts;
}

export function extractRecord(
  doc: Y.Doc,
  control: ControlState | null,
  people: RecordPerson[],
  meta: RecordMeta,
): WorkshopRecord {
  const facts = meta.workshop;
  const regions = listRegions(doc);
  const votes = readVotes(doc);
  const body = (id: string): RichText => {
    const card = getCard(doc, id);
    return readRichText(card ? cardBody(card) : undefined);
  };

  const capacities = withId(listCapacities(doc)).map((c) => ({
    id: c.id,
    title: c.title,
    description: body(c.id),
    regionId: ref(c.regionId),
    kind: c.kind,
    field: c.field,
    strength: c.strength,
    evidenceUrl: c.evidenceUrl,
    holders: c.holders.map((h) => ({ name: h.name, helix: h.helix })),
    provenance: readCardProvenance(doc, c.id),
  }));

  const groups = listOpportunityGroups(doc).map((g) => ({ id: g.id, name: g.name }));
  const groupIds = new Set(groups.map((g) => g.id));
  const opportunities = withId(listOpportunities(doc)).map((o) => ({
    id: o.id,
    title: o.title,
    description: body(o.id),
    kind: o.kind,
    horizon: o.horizon,
    sourceUrl: o.sourceUrl,
    groupId: groupIds.has(o.groupId) ? o.groupId : null,
    provenance: readCardProvenance(doc, o.id),
  }));

  const order = new Map([...capacities, ...opportunities].map((c, i) => [c.id, i]));
  const boardOrder = (cardId: string) => order.get(cardId) ?? Number.MAX_SAFE_INTEGER;
  const activities = withId(listActivities(doc)).map((a) => {
    const links = (ids: string[], kind: 'capacity' | 'opportunity') =>
      resolveLinks(doc, ids.filter(isRef)).map((link) => ({ ...link, kind }));
    const linked = [...links(a.capacityIds, 'capacity'), ...links(a.opportunityIds, 'opportunity')];
    // Links in board order (the doc keeps them as a set), so a record reads like the board.
    const live = (kind: 'capacity' | 'opportunity') =>
      linked
        .filter((l) => l.kind === kind && !l.removed)
        .map((l) => l.id)
        .sort((x, y) => boardOrder(x) - boardOrder(y) || x.localeCompare(y));
    const cardVotes = votes.flatMap((vote) =>
      vote.cards
        .filter((card) => card.cardId === a.id)
        .map((card) => ({
          voteId: vote.voteId,
          title: vote.title,
          total: card.total,
          rank: card.rank,
          byHelix: card.byHelix,
          byRegion: card.byRegion,
        })),
    );
    return {
      id: a.id,
      title: a.title,
      description: body(a.id),
      field: a.field,
      status: a.status,
      capacityIds: live('capacity'),
      opportunityIds: live('opportunity'),
      removedLinks: linked
        .filter((l) => l.removed)
        .map((l) => ({ id: l.id, kind: l.kind, title: l.title }))
        .sort(
          (x, y) =>
            x.kind.localeCompare(y.kind) ||
            x.title.localeCompare(y.title) ||
            x.id.localeCompare(y.id),
        ),
      actors: a.actors.map((actor) => ({
        name: actor.name,
        helix: actor.helix,
        regionId: ref(actor.regionId),
      })),
      structuralChange: a.structuralChange,
      criticalMass: a.criticalMass,
      criticalMassRationale: a.criticalMassRationale,
      crossRegionalNeeds: a.crossRegionalNeeds.map((n) => ({
        regionId: n.regionId,
        contribution: n.contribution,
      })),
      votes: cardVotes,
      rank: cardVotes.at(-1)?.rank ?? null,
      provenance: readCardProvenance(doc, a.id),
    };
  });

  const actions = withId(listActions(doc)).map((a) => ({
    id: a.id,
    activityId: ref(a.activityId),
    title: a.title,
    description: body(a.id),
    actionType: a.actionType,
    lead: a.lead,
    partners: a.partners,
    regionIds: a.regionIds.filter((r) => ref(r) !== null),
    start: isIsoDate(a.start) ? a.start : null,
    end: isIsoDate(a.end) ? a.end : null,
    budget: a.budget !== null && a.budget >= 0 ? a.budget : null,
    fundingSource: a.fundingSource,
    clusterService: a.clusterService,
    indicators: a.indicators.map((i) => ({
      kind: i.kind,
      name: i.name,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
    })),
    status: a.status,
    provenance: readCardProvenance(doc, a.id),
  }));

  const diamond = computeDiamond(listCapacities(doc), regions, readDiamondAxes(doc));
  const agenda = readAgenda(control);
  const cardProvenances = [...capacities, ...opportunities, ...activities, ...actions].map(
    (c) => c.provenance,
  );

  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    workshop: {
      id: facts.id,
      title: stringOr(metaMap(doc).get('title'), facts.title),
      template: facts.template,
      field: readWorkshopField(doc),
      language: readWorkshopLanguage(doc),
      regions: regions.map((r) => ({ id: r.id, name: r.name, country: r.country, nuts: r.nuts })),
      dates: {
        createdAt: facts.createdAt,
        firstPhaseStartedAt: agenda.runs[0]?.startedAt ?? null,
        lastPhaseEndedAt: latest(agenda.runs.map((r) => r.endedAt)),
        archivedAt: iso(meta.archivedAt),
      },
      facilitators: people.filter((p) => !p.removed && p.role === 'facilitator').map((p) => p.name),
    },
    participants: countParticipants(
      people,
      regions.map((r) => r.id),
    ),
    capacities,
    opportunityGroups: groups,
    opportunities,
    activities,
    actions,
    diamond: {
      customAxes: diamondAxesArray(doc).length > 0,
      axes: diamond.axes.map((a) => ({
        id: a.id,
        label: a.label,
        kinds: a.kinds,
        fields: a.fields,
      })),
      series: diamond.series.map((s) => ({
        regionId: s.regionId,
        regionName: s.regionName,
        values: s.values,
        counts: s.counts,
      })),
      max: diamond.max,
    },
    votes: votes.map((vote) => ({
      ...vote,
      cards: vote.cards.map(({ cardId, ...tally }) => ({
        cardId,
        ...cardFacts(doc, cardId),
        ...tally,
      })),
    })),
    agenda,
    questionnaires: extractQuestionnaires(
      doc,
      new Set(people.flatMap((p) => (p.consentToNames === true && p.id ? [p.id] : []))),
    ),
    provenance: {
      workshopId: facts.id,
      recordVersion: meta.version,
      kind: meta.kind,
      archivedAt: iso(meta.archivedAt),
      sourceRecords: sourcesOf(readSources(doc), cardProvenances),
    },
  };
}

/* ---------------------------------------------------------------------------------------------- */

/** A reference id, or null when unset or not id-shaped. */
function ref(value: string): string | null {
  return isRef(value) ? value : null;
}

function isRef(value: string): boolean {
  return value.length >= 1 && value.length <= 64;
}

/** Cards a record can name: a peer may key a card by '' or a huge string. */
function withId<T extends { id: string }>(cards: T[]): T[] {
  return cards.filter((card) => isRef(card.id));
}

/**
 * A time the server made or validated (archive, agenda, revealed votes) as ISO 8601; out-of-range
 * values become the epoch rather than throw. Never for a doc's own times: those are not set.
 */
function iso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function latest(times: (string | null)[]): string | null {
  return times.reduce<string | null>(
    (max, t) => (t !== null && (max === null || t > max) ? t : max),
    null,
  );
}

const count = z.number().int().min(0);
const tally = z.record(z.string(), count);
/** Vote results as a peer could have written them: anything malformed is left out of the record. */
const storedVoteSchema = z.object({
  voteId: z.string().min(1).max(64),
  title: z.string(),
  budget: z.number().int().min(1),
  maxPerCard: z.number().int().min(1),
  voters: count,
  revealedAt: z.number().min(0).max(8.64e15),
  splitMinVoters: z.number().int().min(1).optional(),
  cards: z.array(
    z.object({
      cardId: z.string().min(1).max(64),
      total: count,
      rank: z.number().int().min(1),
      byHelix: tally,
      byRegion: tally,
    }),
  ),
});

type StoredVote = Omit<RecordVote, 'cards'> & {
  cards: Omit<RecordVote['cards'][number], 'title' | 'cardType' | 'removed'>[];
};

function readVotes(doc: Y.Doc): StoredVote[] {
  return listVoteResults(doc).flatMap((raw) => {
    const parsed = storedVoteSchema.safeParse(raw);
    if (!parsed.success) return [];
    const v = parsed.data;
    // A result revealed before the privacy rule may show one person's dots: its split stays out.
    const safe = v.splitMinVoters !== undefined;
    return [
      {
        voteId: v.voteId,
        title: v.title,
        budget: v.budget,
        maxPerCard: v.maxPerCard,
        voters: v.voters,
        revealedAt: iso(v.revealedAt),
        splitMinVoters: v.splitMinVoters ?? null,
        cards: v.cards.map((c) => ({
          cardId: c.cardId,
          total: c.total,
          rank: c.rank,
          byHelix: safe ? c.byHelix : {},
          byRegion: safe ? c.byRegion : {},
        })),
      },
    ];
  });
}

/** A voted card's title and type: live, else from its tombstone. */
function cardFacts(
  doc: Y.Doc,
  cardId: string,
): { title: string; cardType: RecordVote['cards'][number]['cardType']; removed: boolean } {
  const [link] = resolveLinks(doc, [cardId]);
  const card = getCard(doc, cardId);
  const type = card ? readCard(card).type : readRemovedCard(doc, cardId)?.type;
  return {
    title: link?.title ?? '',
    cardType: (CARD_TYPES as readonly string[]).includes(type ?? '')
      ? (type as (typeof CARD_TYPES)[number])
      : null,
    removed: link?.removed ?? true,
  };
}

function readAgenda(control: ControlState | null): WorkshopRecord['agenda'] {
  if (!control) return { phases: [], runs: [] };
  const names = new Map(control.agenda.phases.map((p) => [p.id, p.name]));
  return {
    phases: control.agenda.phases.map((p) => ({
      id: p.id,
      name: p.name,
      minutes: p.minutes,
      board: p.board,
    })),
    runs: control.agenda.log.map((run) => ({
      phaseId: run.phaseId,
      name: names.get(run.phaseId) ?? run.phaseId,
      startedAt: iso(run.startedAt),
      endedAt: run.endedAt === null ? null : iso(run.endedAt),
    })),
  };
}

function countParticipants(
  people: RecordPerson[],
  regionOrder: string[],
): WorkshopRecord['participants'] {
  const participants = people.filter((p) => !p.removed && p.role === 'participant');
  const byHelix = Object.fromEntries(
    [...HELICES, 'unspecified'].map((h) => [h, 0]),
  ) as WorkshopRecord['participants']['byHelix'];
  const byRegion = new Map<string | null, number>();
  for (const p of participants) {
    byHelix[p.helix ?? 'unspecified']++;
    const region = ref(p.regionId);
    byRegion.set(region, (byRegion.get(region) ?? 0) + 1);
  }
  // Workshop regions in their order, then regions no longer in the workshop, then "no region".
  const position = (r: string | null) => {
    if (r === null) return Number.MAX_SAFE_INTEGER;
    const i = regionOrder.indexOf(r);
    return i < 0 ? regionOrder.length : i;
  };
  return {
    total: participants.length,
    byHelix,
    byRegion: [...byRegion.entries()]
      .sort(([a], [b]) => position(a) - position(b) || (a ?? '').localeCompare(b ?? ''))
      .map(([regionId, count]) => ({ regionId, count })),
    named: participants
      .filter((p) => p.consentToNames === true)
      .map((p) => ({
        name: p.name,
        organisation: p.organisation,
        helix: p.helix,
        regionId: ref(p.regionId),
      })),
  };
}

/** Import sources first, then workshops cards were copied from (each workshop/version once). */
function sourcesOf(
  sources: SourceRecord[],
  provenances: (CardProvenance | null)[],
): SourceRecord[] {
  const out: SourceRecord[] = [];
  const seen = new Set<string>();
  const add = (s: SourceRecord) => {
    const key = `${s.workshopId}@${s.version ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(s);
  };
  sources.forEach(add);
  for (const p of provenances) {
    if (p && p.workshopId.length <= 64) {
      add({ workshopId: p.workshopId, version: p.recordVersion ? p.recordVersion : null });
    }
  }
  return out;
}
