/**
 * The record as a Markdown report: the same sections as the HTML report, as text that reads well
 * on its own and pastes into a wiki or an issue. Every value from the record is escaped.
 */
import type { WorkshopRecord } from '../../../shared/record/schema';
import {
  axisLabel,
  formatBudget,
  formatTime,
  indexRecord,
  minutesBetween,
  splitKeyName,
  type RecordIndex,
} from './recordIndex';
import { phaseName, VOCABULARY_EN, type ExportVocabulary } from './vocabulary';

export const MARKDOWN_LABELS_EN = {
  facts: {
    template: 'Workshop type',
    field: 'Field',
    regions: 'Regions',
    heldOn: 'Held on',
    recordTaken: 'Record taken',
    facilitators: 'Facilitators',
    language: 'Language',
  },
  participants: 'Participants',
  participantsTotal: (n: number) => `${n} participant${n === 1 ? '' : 's'}`,
  helix: 'Helix',
  region: 'Region',
  count: 'People',
  activities: 'Transformative activities',
  noActivities: 'No transformative activities.',
  rank: (n: number) => `rank ${n}`,
  status: 'Status',
  capacities: 'Capacities combined',
  opportunities: 'Opportunities targeted',
  actors: 'Actors',
  structuralChange: 'Structural change',
  criticalMass: 'Critical mass',
  criticalMassRationale: 'Critical mass rationale',
  crossRegionalNeeds: 'Cross-regional needs',
  votesOf: 'Votes',
  actions: 'Actions',
  noActions: 'No actions.',
  actionColumns: [
    'Action',
    'Activity',
    'Type',
    'Lead',
    'Regions',
    'Start',
    'End',
    'Budget',
    'Status',
  ],
  actionDetails: 'Action details',
  actionFacts: {
    activity: 'Activity',
    type: 'Type',
    status: 'Status',
    lead: 'Lead',
    partners: 'Partners',
    regions: 'Regions',
    start: 'Start',
    end: 'End',
    budget: 'Budget',
    fundingSource: 'Funding source',
    clusterService: 'Cluster service',
    indicators: 'Indicators',
  },
  capacitiesHeading: 'Capacities',
  noCapacities: 'No capacities.',
  capacityFacts: {
    kind: 'Kind',
    field: 'Field',
    strength: 'Strength',
    holders: 'Holders',
    evidence: 'Evidence',
    usedBy: 'Used by',
  },
  strength: (n: number) => `${n}/5`,
  opportunitiesHeading: 'Opportunities',
  noOpportunities: 'No opportunities.',
  opportunityFacts: {
    kind: 'Kind',
    horizon: 'Time horizon',
    source: 'Source',
    targetedBy: 'Targeted by',
  },
  ungrouped: 'Not grouped',
  votes: 'Vote results',
  voteColumns: ['Rank', 'Card', 'Dots', 'By helix', 'By region'],
  voteFacts: (voters: number, budget: number, when: string) =>
    `${voters} voter${voters === 1 ? '' : 's'}, ${budget} dots each, revealed ${when}`,
  untitledVote: 'Vote',
  splitRule: (minVoters: number) =>
    `To keep the vote secret, helices and regions with fewer than ${minVoters} voters are counted together as “other”.`,
  diamond: 'Synergy Diamond',
  diamondNote: 'Sum of capacity strengths per axis (an unjudged capacity counts 1).',
  axis: 'Axis',
  agenda: 'Agenda',
  agendaColumns: ['Phase', 'Planned', 'Started', 'Ended', 'Took'],
  minutes: (n: number | null) => (n === null ? 'running' : `${n} min`),
  notRun: 'not run',
  provenance: 'Provenance',
  provenanceFacts: {
    workshop: 'Workshop ID',
    version: 'Record version',
    kind: 'Kind',
    takenAt: 'Taken at',
    schema: 'Schema version',
    sources: 'Started from',
  },
  sourceRecord: (workshopId: string, version: number | null) =>
    version === null
      ? `workshop ${workshopId} (live copy)`
      : `workshop ${workshopId}, version ${version}`,
  none: '—',
};

/**
 * Escapes Markdown syntax in running text (newlines stay): emphasis, code, links, HTML and table
 * pipes anywhere; headings, list markers and numbered lists at the start of a line.
 */
function md(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A card body's plain text: its own "- " / "1. " list lines and "> " quotes stay Markdown. */
function mdBody(text: string): string {
  return text.replace(/([\\`*_[\]<|~])/g, '\\$1').replace(/^(\s*)(#)/gm, '$1\\$2');
}

/**
 * A card body (rich text as plain text, one block a line) as Markdown that keeps its line breaks:
 * paragraphs are separated by a blank line (a single newline would join them when rendered, or
 * continue the list item above), list items and quotes follow the line before as they are.
 */
function mdBlocks(text: string): string {
  const lines = mdBody(text).split(/\r?\n/);
  const item = /^\s*([-*+] |\d+[.)] |>)/;
  return lines
    .map((line, i) => (i === 0 ? line : `${item.test(line) ? '\n' : '\n\n'}${line}`))
    .join('');
}

/** Escaped and on one line (for headings, list items and facts). */
function oneLine(text: string): string {
  return md(text).replace(/\s*\r?\n\s*/g, ' / ');
}

/**
 * A URL as a Markdown link when it is http(s) (its parentheses, spaces and angle brackets
 * percent-encoded so they cannot end the link), as escaped text otherwise (never a link), or
 * `notSet` when empty.
 */
function mdUrl(url: string, notSet: string): string {
  const trimmed = url.trim();
  if (!trimmed) return notSet;
  if (!/^https?:\/\//i.test(trimmed)) return oneLine(trimmed);
  const target = trimmed.replace(/[()<>\s]/g, (c) =>
    c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c),
  );
  return `[${oneLine(trimmed)}](${target})`;
}

/** "- **Label:** value" lines; a value of '' or null prints as `notSet`. */
function factLines(facts: [string, string | null][], notSet: string): string[] {
  return facts.map(([label, value]) => `- **${label}:** ${value ? value : notSet}`);
}

/** A table cell: escaped, on one line. */
function cell(text: string | number | null): string {
  if (text === null || text === '') return MARKDOWN_LABELS_EN.none;
  return md(String(text)).replace(/\r?\n/g, ' / ');
}

function tableOf(header: string[], rows: (string | number | null)[][]): string[] {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** "Business 3, Research 1" */
function tallyText(tally: Record<string, number>, name: (key: string) => string): string {
  return Object.entries(tally)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => `${name(key)} ${n}`)
    .join(', ');
}

export function exportMarkdown(
  record: WorkshopRecord,
  words: ExportVocabulary = VOCABULARY_EN,
): string {
  const L = MARKDOWN_LABELS_EN;
  const index = indexRecord(record, words);
  const { workshop } = record;
  const out: string[] = [];
  const helixName = (key: string) => words.helix[key as keyof typeof words.helix] ?? key;

  out.push(`# ${md(workshop.title)}`, '');
  const facts: [string, string][] = [
    [L.facts.template, words.template[workshop.template]],
    [L.facts.field, workshop.field],
    [
      L.facts.regions,
      workshop.regions
        .map((r) => [r.name, [r.country, r.nuts].filter(Boolean).join(', ')].filter(Boolean))
        .map(([name, more]) => (more ? `${name} (${more})` : name!))
        .join('; '),
    ],
    [L.facts.heldOn, (workshop.dates.firstPhaseStartedAt ?? workshop.dates.createdAt).slice(0, 10)],
    [L.facts.recordTaken, formatTime(record.provenance.archivedAt)],
    [L.facts.facilitators, workshop.facilitators.join(', ')],
    [L.facts.language, workshop.language],
  ];
  for (const [label, value] of facts) {
    if (value) out.push(`- **${label}:** ${md(value)}`);
  }

  out.push('', `## ${L.participants}`, '', L.participantsTotal(record.participants.total), '');
  out.push(
    ...tableOf(
      [L.helix, L.count],
      Object.entries(record.participants.byHelix)
        .filter(([, n]) => n > 0)
        .map(([helix, n]) => [helixName(helix), n]),
    ),
    '',
  );
  if (record.participants.byRegion.length > 0) {
    out.push(
      ...tableOf(
        [L.region, L.count],
        record.participants.byRegion.map((r) => [index.regionName(r.regionId), r.count]),
      ),
      '',
    );
  }

  out.push(`## ${L.activities}`, '');
  if (record.activities.length === 0) out.push(L.noActivities, '');
  index.rankedActivities.forEach((a, i) =>
    out.push(...activitySection(a, i + 1, record, index, words)),
  );

  out.push(`## ${L.actions}`, '');
  if (record.actions.length === 0) out.push(L.noActions, '');
  else {
    out.push(
      ...tableOf(
        L.actionColumns,
        record.actions.map((a) => [
          a.title,
          a.activityId ? (index.activity(a.activityId)?.title ?? '') : '',
          words.actionType[a.actionType],
          a.lead,
          a.regionIds.map((r) => index.regionName(r)).join(', '),
          a.start,
          a.end,
          formatBudget(a.budget),
          words.actionStatus[a.status],
        ]),
      ),
      '',
    );
    out.push(...actionDetails(record, index, words));
  }

  out.push(`## ${L.capacitiesHeading}`, '');
  if (record.capacities.length === 0) out.push(L.noCapacities, '');
  const regionKeys = [
    ...record.workshop.regions.map((r) => r.id as string | null),
    ...record.capacities.map((c) => c.regionId),
  ].filter((id, i, all) => all.indexOf(id) === i);
  const C = L.capacityFacts;
  for (const regionId of regionKeys) {
    const own = record.capacities.filter((c) => c.regionId === regionId);
    if (own.length === 0) continue;
    out.push(`### ${oneLine(index.regionName(regionId))}`, '');
    for (const c of own) {
      out.push(`#### ${oneLine(c.title) || words.notSet}`, '');
      out.push(
        ...factLines(
          [
            [C.kind, words.capacityKind[c.kind]],
            [C.field, oneLine(c.field)],
            [C.strength, c.strength ? L.strength(c.strength) : null],
            [
              C.holders,
              c.holders.map((h) => `${oneLine(h.name)} (${words.helix[h.helix]})`).join(', '),
            ],
            [C.evidence, mdUrl(c.evidenceUrl, words.notSet)],
            [
              C.usedBy,
              index
                .activitiesLinking(c.id)
                .map((a) => oneLine(a.title))
                .join(', '),
            ],
          ],
          words.notSet,
        ),
        '',
      );
      if (c.description.text) out.push(mdBlocks(c.description.text), '');
    }
  }

  out.push(`## ${L.opportunitiesHeading}`, '');
  if (record.opportunities.length === 0) out.push(L.noOpportunities, '');
  const groups = [...record.opportunityGroups.map((g) => g.id), null];
  for (const groupId of groups) {
    const members = record.opportunities.filter((o) => o.groupId === groupId);
    if (members.length === 0) continue;
    out.push(`### ${oneLine(groupId === null ? L.ungrouped : index.groupName(groupId))}`, '');
    const O = L.opportunityFacts;
    for (const o of members) {
      out.push(`#### ${oneLine(o.title) || words.notSet}`, '');
      out.push(
        ...factLines(
          [
            [O.kind, words.opportunityKind[o.kind]],
            [O.horizon, words.horizon[o.horizon]],
            [O.source, mdUrl(o.sourceUrl, words.notSet)],
            [
              O.targetedBy,
              index
                .activitiesLinking(o.id)
                .map((a) => oneLine(a.title))
                .join(', '),
            ],
          ],
          words.notSet,
        ),
        '',
      );
      if (o.description.text) out.push(mdBlocks(o.description.text), '');
    }
  }

  if (record.votes.length > 0) {
    out.push(`## ${L.votes}`, '');
    for (const vote of record.votes) {
      out.push(`### ${md(vote.title || L.untitledVote)}`, '');
      out.push(md(L.voteFacts(vote.voters, vote.budget, formatTime(vote.revealedAt))), '');
      if (typeof vote.splitMinVoters === 'number' && vote.splitMinVoters > 1) {
        out.push(md(L.splitRule(vote.splitMinVoters)), '');
      }
      const split = (c: (typeof vote.cards)[number], by: 'byHelix' | 'byRegion') => {
        const base = by === 'byHelix' ? helixName : (r: string) => index.regionName(r);
        const text = tallyText(c[by], (key) => splitKeyName(key, vote, words, base));
        return text || (c.total > 0 ? words.voteSplitHidden : '');
      };
      out.push(
        ...tableOf(
          L.voteColumns,
          vote.cards.map((c) => [
            c.rank,
            c.removed ? `${c.title} (${words.removed})` : c.title,
            c.total,
            split(c, 'byHelix'),
            split(c, 'byRegion'),
          ]),
        ),
        '',
      );
    }
  }

  if (record.diamond.series.length > 0) {
    out.push(`## ${L.diamond}`, '', L.diamondNote, '');
    out.push(
      ...tableOf(
        [L.axis, ...record.diamond.series.map((s) => s.regionName)],
        record.diamond.axes.map((axis, i) => [
          axisLabel(axis, words),
          ...record.diamond.series.map((s) => s.values[i] ?? 0),
        ]),
      ),
      '',
    );
  }

  out.push(`## ${L.agenda}`, '');
  const runsOf = (phaseId: string) => record.agenda.runs.filter((r) => r.phaseId === phaseId);
  out.push(
    ...tableOf(
      L.agendaColumns,
      record.agenda.phases.flatMap((p) => {
        const runs = runsOf(p.id);
        if (runs.length === 0)
          return [[phaseName(p.name, words), `${p.minutes} min`, L.notRun, null, null]];
        return runs.map((run) => [
          phaseName(p.name, words),
          `${p.minutes} min`,
          formatTime(run.startedAt),
          formatTime(run.endedAt),
          L.minutes(minutesBetween(run.startedAt, run.endedAt)),
        ]);
      }),
    ),
    '',
  );

  const P = L.provenanceFacts;
  out.push(`## ${L.provenance}`, '');
  out.push(`- **${P.workshop}:** ${md(record.provenance.workshopId)}`);
  out.push(`- **${P.version}:** ${record.provenance.recordVersion}`);
  out.push(`- **${P.kind}:** ${words.recordKind[record.provenance.kind]}`);
  out.push(`- **${P.takenAt}:** ${formatTime(record.provenance.archivedAt)}`);
  out.push(`- **${P.schema}:** ${record.schemaVersion}`);
  for (const s of record.provenance.sourceRecords) {
    out.push(`- **${P.sources}:** ${md(L.sourceRecord(s.workshopId, s.version))}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function activitySection(
  a: WorkshopRecord['activities'][number],
  position: number,
  record: WorkshopRecord,
  index: RecordIndex,
  words: ExportVocabulary,
): string[] {
  const L = MARKDOWN_LABELS_EN;
  const rank = a.rank !== null ? ` (${L.rank(a.rank)})` : '';
  const out = [`### ${position}. ${oneLine(a.title)}${rank}`, ''];
  out.push(
    ...factLines(
      [
        [L.status, words.activityStatus[a.status]],
        [MARKDOWN_LABELS_EN.facts.field, oneLine(a.field)],
        [L.criticalMass, a.criticalMass ? L.strength(a.criticalMass) : null],
      ],
      words.notSet,
    ),
  );
  out.push('');
  if (a.description.text) out.push(mdBlocks(a.description.text), '');
  const list = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    out.push(`**${heading}**`, '', ...items.map((item) => `- ${oneLine(item)}`), '');
  };
  list(L.capacities, index.capacityTitles(a));
  list(L.opportunities, index.opportunityTitles(a));
  list(
    L.actors,
    a.actors.map((actor) => {
      const facts = [words.helix[actor.helix]];
      if (actor.regionId) facts.push(index.regionName(actor.regionId));
      return `${actor.name} (${facts.join(', ')})`;
    }),
  );
  out.push(
    `**${L.structuralChange}:** ${a.structuralChange ? mdBlocks(a.structuralChange) : words.notSet}`,
    '',
  );
  out.push(
    `**${L.criticalMassRationale}:** ${
      a.criticalMassRationale ? mdBlocks(a.criticalMassRationale) : words.notSet
    }`,
    '',
  );
  list(
    L.crossRegionalNeeds,
    a.crossRegionalNeeds.map((n) => `${index.regionName(n.regionId)}: ${n.contribution}`),
  );
  list(
    L.votesOf,
    a.votes.map((v) => `${v.title || L.untitledVote}: ${v.total} dots, ${L.rank(v.rank)}`),
  );
  list(
    L.actions,
    record.actions.filter((x) => x.activityId === a.id).map((x) => x.title),
  );
  return out;
}

/** One block per action: every field of the record, the description and the indicators. */
function actionDetails(
  record: WorkshopRecord,
  index: RecordIndex,
  words: ExportVocabulary,
): string[] {
  const L = MARKDOWN_LABELS_EN;
  const A = L.actionFacts;
  const out = [`### ${L.actionDetails}`, ''];
  for (const a of record.actions) {
    out.push(`#### ${oneLine(a.title) || words.notSet}`, '');
    out.push(
      ...factLines(
        [
          [A.activity, a.activityId ? oneLine(index.activity(a.activityId)?.title ?? '') : null],
          [A.type, words.actionType[a.actionType]],
          [A.status, words.actionStatus[a.status]],
          [A.lead, oneLine(a.lead)],
          [A.partners, a.partners.map(oneLine).join(', ')],
          [A.regions, a.regionIds.map((r) => oneLine(index.regionName(r))).join(', ')],
          [A.start, a.start],
          [A.end, a.end],
          [A.budget, formatBudget(a.budget)],
          [A.fundingSource, words.fundingSource[a.fundingSource]],
          [A.clusterService, oneLine(a.clusterService)],
        ],
        words.notSet,
      ),
    );
    const indicators = a.indicators.map((i) => {
      const unit = i.unit ? ` (${i.unit})` : '';
      const values = `${i.baseline ?? words.notSet} → ${i.target ?? words.notSet}`;
      return `  - ${words.indicatorKind[i.kind]}: ${oneLine(`${i.name}${unit}`)} ${values}`;
    });
    out.push(`- **${A.indicators}:** ${indicators.length === 0 ? words.notSet : ''}`.trimEnd());
    out.push(...indicators, '');
    if (a.description.text) out.push(mdBlocks(a.description.text), '');
  }
  return out;
}
