/**
 * The record as a Markdown report: the same sections as the HTML report, as text that reads well
 * on its own and pastes into a wiki or an issue. Every value from the record is escaped.
 */
import type { WorkshopRecord } from '../../../shared/record/schema';
import {
  axisLabel,
  indexRecord,
  sourceRecord,
  splitKeyName,
  tallyText,
  took,
  voteFacts,
  voteResult,
  type RecordIndex,
} from './recordIndex';
import { budgetSummary, type BudgetLine } from './budgetSummary';
import { phaseName, VOCABULARY_EN, type ExportVocabulary, closedLabel } from './vocabulary';
import { factLines, md, mdBlocks, mdUrl, oneLine, tableOf } from './markdownText';
import { questionnaireLines } from './markdownQuestionnaires';

export function exportMarkdown(
  record: WorkshopRecord,
  words: ExportVocabulary = VOCABULARY_EN,
): string {
  const { t } = words;
  const index = indexRecord(record, words);
  const { workshop } = record;
  const out: string[] = [];
  const helixName = (key: string) => words.helix[key as keyof typeof words.helix] ?? key;

  out.push(`# ${md(workshop.title)}`, '');
  const facts: [string, string][] = [
    [t('facts.template'), words.template[workshop.template]],
    [t('facts.field'), workshop.field],
    [
      t('facts.regions'),
      workshop.regions
        .map((r) => [r.name, [r.country, r.nuts].filter(Boolean).join(', ')].filter(Boolean))
        .map(([name, more]) => (more ? `${name} (${more})` : name!))
        .join('; '),
    ],
    [t('facts.heldOn'), words.day(workshop.dates.firstPhaseStartedAt ?? workshop.dates.createdAt)],
    [t('facts.recordTaken'), words.time(record.provenance.archivedAt)],
    [t('facts.facilitators'), workshop.facilitators.join(', ')],
    [t('facts.language'), words.languageName(workshop.language)],
  ];
  for (const [label, value] of facts) {
    if (value) out.push(`- **${label}:** ${md(value)}`);
  }

  out.push('', ...budgetLines(record, index, words));

  out.push(
    '',
    `## ${t('participants.heading')}`,
    '',
    t('participants.total', { count: record.participants.total }),
    '',
  );
  out.push(
    ...tableOf(
      [t('participants.helix'), t('participants.people')],
      Object.entries(record.participants.byHelix)
        .filter(([, n]) => n > 0)
        .map(([helix, n]) => [helixName(helix), n]),
      words,
    ),
    '',
  );
  if (record.participants.byRegion.length > 0) {
    out.push(
      ...tableOf(
        [t('participants.region'), t('participants.people')],
        record.participants.byRegion.map((r) => [index.regionName(r.regionId), r.count]),
        words,
      ),
      '',
    );
  }

  out.push(`## ${t('activities.heading')}`, '');
  if (record.activities.length === 0) out.push(t('activities.none'), '');
  index.rankedActivities.forEach((a, i) =>
    out.push(...activitySection(a, i + 1, record, index, words)),
  );

  out.push(`## ${t('actions.heading')}`, '');
  if (record.actions.length === 0) out.push(t('actions.none'), '');
  else {
    out.push(
      ...tableOf(
        [
          t('fields.action'),
          t('fields.activity'),
          t('fields.type'),
          t('fields.lead'),
          t('fields.regions'),
          t('fields.start'),
          t('fields.end'),
          t('fields.budget'),
          t('fields.status'),
        ],
        record.actions.map((a) => [
          a.title,
          a.activityId ? (index.activity(a.activityId)?.title ?? '') : '',
          closedLabel(words.actionType, a.actionType, words.notSet),
          a.lead,
          a.regionIds.map((r) => index.regionName(r)).join(', '),
          words.day(a.start),
          words.day(a.end),
          words.money(a.budget),
          closedLabel(words.actionStatus, a.status, words.notSet),
        ]),
        words,
      ),
      '',
    );
    out.push(...actionDetails(record, index, words));
  }

  out.push(`## ${t('capacities.heading')}`, '');
  if (record.capacities.length === 0) out.push(t('capacities.none'), '');
  const regionKeys = [
    ...record.workshop.regions.map((r) => r.id as string | null),
    ...record.capacities.map((c) => c.regionId),
  ].filter((id, i, all) => all.indexOf(id) === i);
  for (const regionId of regionKeys) {
    const own = record.capacities.filter((c) => c.regionId === regionId);
    if (own.length === 0) continue;
    out.push(`### ${oneLine(index.regionName(regionId))}`, '');
    for (const c of own) {
      out.push(`#### ${oneLine(c.title) || words.notSet}`, '');
      out.push(
        ...factLines(
          [
            [t('fields.kind'), closedLabel(words.capacityKind, c.kind, words.notSet)],
            [t('fields.field'), oneLine(c.field)],
            [t('fields.strength'), c.strength ? t('outOfFive', { value: c.strength }) : null],
            [
              t('fields.holders'),
              c.holders
                .map(
                  (h) => `${oneLine(h.name)} (${closedLabel(words.helix, h.helix, words.notSet)})`,
                )
                .join(', '),
            ],
            [t('fields.evidence'), mdUrl(c.evidenceUrl, words.notSet)],
            [
              t('fields.usedBy'),
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

  out.push(`## ${t('opportunities.heading')}`, '');
  if (record.opportunities.length === 0) out.push(t('opportunities.none'), '');
  const groups = [...record.opportunityGroups.map((g) => g.id), null];
  for (const groupId of groups) {
    const members = record.opportunities.filter((o) => o.groupId === groupId);
    if (members.length === 0) continue;
    const heading = groupId === null ? t('opportunities.ungrouped') : index.groupName(groupId);
    out.push(`### ${oneLine(heading)}`, '');
    for (const o of members) {
      out.push(`#### ${oneLine(o.title) || words.notSet}`, '');
      out.push(
        ...factLines(
          [
            [t('fields.kind'), closedLabel(words.opportunityKind, o.kind, words.notSet)],
            [t('fields.horizon'), closedLabel(words.horizon, o.horizon, words.notSet)],
            [t('fields.source'), mdUrl(o.sourceUrl, words.notSet)],
            [
              t('fields.targetedBy'),
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
    out.push(`## ${t('votes.heading')}`, '');
    for (const vote of record.votes) {
      out.push(`### ${md(vote.title || t('votes.untitled'))}`, '');
      out.push(md(voteFacts(vote, words)), '');
      if (typeof vote.splitMinVoters === 'number' && vote.splitMinVoters > 1) {
        out.push(md(t('votes.splitRule', { count: vote.splitMinVoters })), '');
      }
      const split = (c: (typeof vote.cards)[number], by: 'byHelix' | 'byRegion') => {
        const base = by === 'byHelix' ? helixName : (r: string) => index.regionName(r);
        const text = tallyText(c[by], (key) => splitKeyName(key, vote, words, base));
        return text || (c.total > 0 ? words.voteSplitHidden : '');
      };
      out.push(
        ...tableOf(
          [
            t('fields.rank'),
            t('votes.card'),
            t('votes.dotsHeading'),
            t('votes.byHelix'),
            t('votes.byRegion'),
          ],
          vote.cards.map((c) => [
            c.rank,
            c.removed ? `${c.title} (${words.removed})` : c.title,
            c.total,
            split(c, 'byHelix'),
            split(c, 'byRegion'),
          ]),
          words,
        ),
        '',
      );
    }
  }

  if (record.diamond.series.length > 0) {
    out.push(`## ${t('diamond.heading')}`, '', t('diamond.note'), '');
    out.push(
      ...tableOf(
        [t('diamond.axis'), ...record.diamond.series.map((s) => s.regionName)],
        record.diamond.axes.map((axis, i) => [
          axisLabel(axis, words),
          ...record.diamond.series.map((s) => s.values[i] ?? 0),
        ]),
        words,
      ),
      '',
    );
  }

  out.push(...questionnaireLines(record, words));

  out.push(`## ${t('agenda.heading')}`, '');
  const runsOf = (phaseId: string) => record.agenda.runs.filter((r) => r.phaseId === phaseId);
  out.push(
    ...tableOf(
      [
        t('agenda.phase'),
        t('agenda.planned'),
        t('agenda.started'),
        t('agenda.ended'),
        t('agenda.took'),
      ],
      record.agenda.phases.flatMap((p) => {
        const planned = t('agenda.minutes', { count: p.minutes });
        const runs = runsOf(p.id);
        if (runs.length === 0)
          return [[phaseName(p.name, words), planned, t('agenda.notRun'), null, null]];
        return runs.map((run) => [
          phaseName(p.name, words),
          planned,
          words.time(run.startedAt),
          words.time(run.endedAt),
          took(run.startedAt, run.endedAt, words),
        ]);
      }),
      words,
    ),
    '',
  );

  out.push(`## ${t('provenance.heading')}`, '');
  out.push(`- **${t('provenance.workshop')}:** ${md(record.provenance.workshopId)}`);
  out.push(`- **${t('provenance.version')}:** ${record.provenance.recordVersion}`);
  out.push(`- **${t('provenance.kind')}:** ${words.recordKind[record.provenance.kind]}`);
  out.push(`- **${t('provenance.takenAt')}:** ${words.time(record.provenance.archivedAt)}`);
  out.push(`- **${t('provenance.schema')}:** ${record.schemaVersion}`);
  for (const s of record.provenance.sourceRecords) {
    out.push(`- **${t('provenance.sources')}:** ${md(sourceRecord(s, words))}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The summary: budget per activity and per funding source (an amount not set is never a 0). */
function budgetLines(
  record: WorkshopRecord,
  index: RecordIndex,
  words: ExportVocabulary,
): string[] {
  const { t } = words;
  const out = [`## ${t('summary.heading')}`, ''];
  if (record.actions.length === 0) return [...out, t('summary.noActions')];
  const summary = budgetSummary(
    record,
    index.rankedActivities.map((a) => a.id),
  );
  const cells = (line: BudgetLine): string[] => {
    if (line.total === null) return [String(line.actions), words.notSet];
    const missing =
      line.notSet > 0 ? ` (${t('summary.amountsNotSet', { count: line.notSet })})` : '';
    return [String(line.actions), `${words.money(line.total)}${missing}`];
  };
  const total = [t('summary.total'), ...cells(summary.total)];
  const budgetTable = (heading: string, rows: [string, BudgetLine][]) =>
    tableOf(
      [heading, t('summary.actions'), t('summary.budget')],
      [...rows.map(([label, line]) => [label, ...cells(line)]), total],
      words,
    );
  out.push(
    `### ${t('summary.byActivity')}`,
    '',
    ...budgetTable(
      t('fields.activity'),
      summary.byActivity.map(({ activityId, line }) => [
        activityId === null
          ? t('summary.noActivity')
          : (index.activity(activityId)?.title ?? activityId),
        line,
      ]),
    ),
    '',
    `### ${t('summary.byFundingSource')}`,
    '',
    ...budgetTable(
      t('fields.fundingSource'),
      summary.byFundingSource.map(({ source, line }) => [
        closedLabel(words.fundingSource, source, words.notSet),
        line,
      ]),
    ),
  );
  return out;
}

function activitySection(
  a: WorkshopRecord['activities'][number],
  position: number,
  record: WorkshopRecord,
  index: RecordIndex,
  words: ExportVocabulary,
): string[] {
  const { t } = words;
  const rank = a.rank !== null ? ` (${t('activities.rank', { rank: a.rank })})` : '';
  const out = [`### ${position}. ${oneLine(a.title)}${rank}`, ''];
  out.push(
    ...factLines(
      [
        [t('fields.status'), words.activityStatus[a.status]],
        [t('fields.field'), oneLine(a.field)],
        [
          t('fields.criticalMass'),
          a.criticalMass ? t('outOfFive', { value: a.criticalMass }) : null,
        ],
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
  list(t('fields.capacities'), index.capacityTitles(a));
  list(t('fields.opportunities'), index.opportunityTitles(a));
  list(
    t('fields.actors'),
    a.actors.map((actor) => {
      const facts = [closedLabel(words.helix, actor.helix, words.notSet)];
      if (actor.regionId) facts.push(index.regionName(actor.regionId));
      return `${actor.name} (${facts.join(', ')})`;
    }),
  );
  out.push(
    `**${t('fields.structuralChange')}:** ${
      a.structuralChange ? mdBlocks(a.structuralChange) : words.notSet
    }`,
    '',
  );
  out.push(
    `**${t('fields.criticalMassRationale')}:** ${
      a.criticalMassRationale ? mdBlocks(a.criticalMassRationale) : words.notSet
    }`,
    '',
  );
  list(
    t('fields.crossRegionalNeeds'),
    a.crossRegionalNeeds.map((n) => `${index.regionName(n.regionId)}: ${n.contribution}`),
  );
  list(
    t('fields.votes'),
    a.votes.map((v) => voteResult(v.title || t('votes.untitled'), v.total, v.rank, words)),
  );
  list(
    t('fields.actions'),
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
  const { t } = words;
  const out = [`### ${t('actions.details')}`, ''];
  for (const a of record.actions) {
    out.push(`#### ${oneLine(a.title) || words.notSet}`, '');
    out.push(
      ...factLines(
        [
          [
            t('fields.activity'),
            a.activityId ? oneLine(index.activity(a.activityId)?.title ?? '') : null,
          ],
          [t('fields.type'), closedLabel(words.actionType, a.actionType, words.notSet)],
          [t('fields.status'), closedLabel(words.actionStatus, a.status, words.notSet)],
          [t('fields.lead'), oneLine(a.lead)],
          [t('fields.partners'), a.partners.map(oneLine).join(', ')],
          [t('fields.regions'), a.regionIds.map((r) => oneLine(index.regionName(r))).join(', ')],
          [t('fields.start'), words.day(a.start)],
          [t('fields.end'), words.day(a.end)],
          [t('fields.budget'), words.money(a.budget)],
          [
            t('fields.fundingSource'),
            closedLabel(words.fundingSource, a.fundingSource, words.notSet),
          ],
          [t('fields.clusterService'), oneLine(a.clusterService)],
        ],
        words.notSet,
      ),
    );
    const indicators = a.indicators.map((i) => {
      const unit = i.unit ? ` (${i.unit})` : '';
      const value = (n: number | null) => (n === null ? words.notSet : words.number(n));
      const values = `${value(i.baseline)} → ${value(i.target)}`;
      return `  - ${closedLabel(words.indicatorKind, i.kind, words.notSet)}: ${oneLine(`${i.name}${unit}`)} ${values}`;
    });
    out.push(
      `- **${t('fields.indicators')}:** ${indicators.length === 0 ? words.notSet : ''}`.trimEnd(),
    );
    out.push(...indicators, '');
    if (a.description.text) out.push(mdBlocks(a.description.text), '');
  }
  return out;
}
