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
  capacitiesHeading: 'Capacities',
  noCapacities: 'No capacities.',
  capacityColumns: ['Capacity', 'Kind', 'Strength', 'Holders'],
  opportunitiesHeading: 'Opportunities',
  noOpportunities: 'No opportunities.',
  ungrouped: 'Not grouped',
  votes: 'Vote results',
  voteColumns: ['Rank', 'Card', 'Dots', 'By helix', 'By region'],
  voteFacts: (voters: number, budget: number, when: string) =>
    `${voters} voter${voters === 1 ? '' : 's'}, ${budget} dots each, revealed ${when}`,
  untitledVote: 'Vote',
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
  index.rankedActivities.forEach((a, i) => out.push(...activitySection(a, i + 1, index, words)));

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
  }

  out.push(`## ${L.capacitiesHeading}`, '');
  if (record.capacities.length === 0) out.push(L.noCapacities, '');
  const regionKeys = [...new Set(record.capacities.map((c) => c.regionId))];
  for (const regionId of regionKeys) {
    out.push(`### ${md(index.regionName(regionId))}`, '');
    out.push(
      ...tableOf(
        L.capacityColumns,
        record.capacities
          .filter((c) => c.regionId === regionId)
          .map((c) => [
            c.title,
            words.capacityKind[c.kind],
            c.strength || null,
            c.holders.map((h) => h.name).join(', '),
          ]),
      ),
      '',
    );
  }

  out.push(`## ${L.opportunitiesHeading}`, '');
  if (record.opportunities.length === 0) out.push(L.noOpportunities, '');
  const groups = [...record.opportunityGroups.map((g) => g.id), null];
  for (const groupId of groups) {
    const members = record.opportunities.filter((o) => o.groupId === groupId);
    if (members.length === 0) continue;
    out.push(`### ${md(groupId === null ? L.ungrouped : index.groupName(groupId))}`, '');
    for (const o of members) {
      out.push(
        `- **${md(o.title)}** (${words.opportunityKind[o.kind]}, ${words.horizon[o.horizon]})`,
      );
    }
    out.push('');
  }

  if (record.votes.length > 0) {
    out.push(`## ${L.votes}`, '');
    for (const vote of record.votes) {
      out.push(`### ${md(vote.title || L.untitledVote)}`, '');
      out.push(md(L.voteFacts(vote.voters, vote.budget, formatTime(vote.revealedAt))), '');
      out.push(
        ...tableOf(
          L.voteColumns,
          vote.cards.map((c) => [
            c.rank,
            c.removed ? `${c.title} (${words.removed})` : c.title,
            c.total,
            tallyText(c.byHelix, helixName),
            tallyText(c.byRegion, (r) => index.regionName(r)),
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
  index: RecordIndex,
  words: ExportVocabulary,
): string[] {
  const L = MARKDOWN_LABELS_EN;
  const rank = a.rank !== null ? ` (${L.rank(a.rank)})` : '';
  const out = [`### ${position}. ${md(a.title)}${rank}`, ''];
  out.push(`- **${L.status}:** ${words.activityStatus[a.status]}`);
  if (a.field) out.push(`- **${MARKDOWN_LABELS_EN.facts.field}:** ${md(a.field)}`);
  if (a.criticalMass) out.push(`- **${L.criticalMass}:** ${a.criticalMass}/5`);
  out.push('');
  if (a.description.text) out.push(mdBody(a.description.text), '');
  const list = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    out.push(`**${heading}**`, '', ...items.map((item) => `- ${md(item)}`), '');
  };
  list(L.capacities, index.capacityTitles(a));
  list(L.opportunities, index.opportunityTitles(a));
  list(
    L.actors,
    a.actors.map((actor) => `${actor.name} (${words.helix[actor.helix]})`),
  );
  if (a.structuralChange) out.push(`**${L.structuralChange}:** ${md(a.structuralChange)}`, '');
  if (a.criticalMassRationale) out.push(md(a.criticalMassRationale), '');
  list(
    L.crossRegionalNeeds,
    a.crossRegionalNeeds.map((n) => `${index.regionName(n.regionId)}: ${n.contribution}`),
  );
  list(
    L.votesOf,
    a.votes.map((v) => `${v.title || L.untitledVote}: ${v.total} dots, ${L.rank(v.rank)}`),
  );
  return out;
}
