/**
 * A workshop record rendered for reading: the facts, the transformative activities by rank with
 * their votes and links, the actions, the capacities by region, the opportunities by group, the
 * Synergy Diamond, the self-assessment's answers side by side and the agenda as it ran.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordActivity, WorkshopRecord } from '@shared/record/schema';
import { phaseLabel } from '@client/facilitation/format';
import { RecordDiamond } from './RecordDiamond';
import { CapacityLine, RecordColumn } from './recordParts';
import { SelfAssessmentCompare } from './SelfAssessmentCompare';
import { closedLabel } from '@client/boards/closedLabel';
import { currentLanguage } from '@client/i18n';
import { formatters } from '@shared/i18n/format';

/** Names for the ids a record links. */
function useNames(record: WorkshopRecord) {
  const { t } = useTranslation();
  return useMemo(() => {
    const regions = new Map(record.workshop.regions.map((r) => [r.id, r.name]));
    const capacities = new Map(record.capacities.map((c) => [c.id, c.title]));
    const opportunities = new Map(record.opportunities.map((o) => [o.id, o.title]));
    const activities = new Map(record.activities.map((a) => [a.id, a.title]));
    return {
      region: (id: string | null) =>
        id === null
          ? t('archive.record.noRegion')
          : (regions.get(id) ?? t('archive.record.unknownRegion')),
      capacity: (id: string) => capacities.get(id) ?? id,
      opportunity: (id: string) => opportunities.get(id) ?? id,
      activity: (id: string | null) => (id ? (activities.get(id) ?? '') : ''),
    };
  }, [record, t]);
}

type Names = ReturnType<typeof useNames>;

/** "2026-11-23 09:00" in UTC, as the exports print times. */
const shortTime = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');

export function RecordView({ record }: { record: WorkshopRecord }) {
  const { t } = useTranslation();
  const names = useNames(record);
  const { workshop } = record;
  const ranked = useMemo(
    () =>
      record.activities
        .map((a, i) => ({ a, i }))
        .sort((x, y) => (x.a.rank ?? Infinity) - (y.a.rank ?? Infinity) || x.i - y.i)
        .map(({ a }) => a),
    [record.activities],
  );
  const facts: [string, string][] = [
    [t('archive.record.facts.template'), t(`template.${workshop.template}`)],
    [t('archive.record.facts.field'), workshop.field],
    [t('archive.record.facts.regions'), workshop.regions.map((r) => r.name).join(', ')],
    [
      t('archive.record.facts.participants'),
      t('archive.record.participantsTotal', { count: record.participants.total }),
    ],
    [t('archive.record.facts.facilitators'), workshop.facilitators.join(', ')],
    [t('archive.record.facts.taken'), `${shortTime(record.provenance.archivedAt)} UTC`],
  ];

  return (
    <article className="record" data-testid="record-view">
      <dl className="record__facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="record__fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>

      <Section id="activities" title={t('archive.record.sections.activities')}>
        {ranked.length === 0 ? (
          <p className="muted">{t('archive.record.noActivities')}</p>
        ) : (
          <ol className="record-activities">
            {ranked.map((a) => (
              <ActivityItem key={a.id} activity={a} names={names} record={record} />
            ))}
          </ol>
        )}
      </Section>

      <Section id="actions" title={t('archive.record.sections.actions')}>
        {record.actions.length === 0 ? (
          <p className="muted">{t('archive.record.noActions')}</p>
        ) : (
          <div className="archive-table-wrap">
            <table className="archive-table" data-testid="record-actions">
              <thead>
                <tr>
                  {(['title', 'activity', 'type', 'lead', 'when', 'budget', 'status'] as const).map(
                    (c) => (
                      <th key={c} scope="col">
                        {t(`archive.record.actionColumns.${c}`)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {record.actions.map((action) => (
                  <tr key={action.id}>
                    <th scope="row">{action.title}</th>
                    <td>{names.activity(action.activityId)}</td>
                    <td>{closedLabel(t, 'actionType', action.actionType)}</td>
                    <td>{[action.lead, ...action.partners].filter(Boolean).join(', ')}</td>
                    <td>
                      {action.start || action.end
                        ? `${action.start ?? '…'} – ${action.end ?? '…'}`
                        : ''}
                    </td>
                    <td className="archive-table__num">
                      {action.budget === null
                        ? ''
                        : formatters(currentLanguage()).money(action.budget)}
                    </td>
                    <td>{closedLabel(t, 'actionStatus', action.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="capacities" title={t('archive.record.sections.capacities')}>
        {record.capacities.length === 0 ? (
          <p className="muted">{t('archive.record.noCapacities')}</p>
        ) : (
          <div className="record-columns">
            {[...new Set(record.capacities.map((c) => c.regionId))].map((regionId) => (
              <RecordColumn key={regionId ?? 'none'} title={names.region(regionId)}>
                {record.capacities
                  .filter((c) => c.regionId === regionId)
                  .map((c) => (
                    <li key={c.id}>
                      <CapacityLine capacity={c} />
                    </li>
                  ))}
              </RecordColumn>
            ))}
          </div>
        )}
      </Section>

      <Section id="opportunities" title={t('archive.record.sections.opportunities')}>
        {record.opportunities.length === 0 ? (
          <p className="muted">{t('archive.record.noOpportunities')}</p>
        ) : (
          <div className="record-columns">
            {[...record.opportunityGroups, { id: null, name: t('archive.record.ungrouped') }].map(
              (group) => {
                const members = record.opportunities.filter((o) => o.groupId === group.id);
                if (members.length === 0) return null;
                return (
                  <RecordColumn key={group.id ?? 'none'} title={group.name}>
                    {members.map((o) => (
                      <li key={o.id}>
                        <strong>{o.title}</strong>
                        <span className="muted">
                          {' · '}
                          {closedLabel(t, 'opportunityKind', o.kind)} ·{' '}
                          {closedLabel(t, 'horizon', o.horizon)}
                        </span>
                      </li>
                    ))}
                  </RecordColumn>
                );
              },
            )}
          </div>
        )}
      </Section>

      {record.diamond.series.length > 0 && (
        <Section id="diamond" title={t('archive.record.sections.diamond')}>
          <RecordDiamond record={record} />
        </Section>
      )}

      {/* The record's self-assessment, one column per manager (issue 12). */}
      <SelfAssessmentCompare records={[record]} />

      <Section id="agenda" title={t('archive.record.sections.agenda')}>
        <AgendaTable record={record} />
      </Section>
    </article>
  );
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section
      className="record__section"
      aria-labelledby={`record-${id}`}
      data-testid={`record-${id}`}
    >
      <h3 id={`record-${id}`} className="record__heading">
        {title}
      </h3>
      {children}
    </section>
  );
}

function ActivityItem({
  activity: a,
  names,
  record,
}: {
  activity: RecordActivity;
  names: Names;
  record: WorkshopRecord;
}) {
  const { t } = useTranslation();
  const latest = a.votes.at(-1);
  const links = (
    kind: 'capacity' | 'opportunity',
    ids: string[],
    title: (id: string) => string,
  ) => [
    ...ids.map((id) => ({ key: id, text: title(id), removed: false })),
    ...a.removedLinks
      .filter((l) => l.kind === kind)
      .map((l) => ({
        key: l.id,
        text: t('archive.record.deleted', { title: l.title }),
        removed: true,
      })),
  ];
  const combines = links('capacity', a.capacityIds, names.capacity);
  const targets = links('opportunity', a.opportunityIds, names.opportunity);
  const actions = record.actions.filter((x) => x.activityId === a.id);
  return (
    <li className="record-activity" data-testid="record-activity" data-activity-id={a.id}>
      <div className="record-activity__head">
        <span className={a.rank === null ? 'record-rank record-rank--none' : 'record-rank'}>
          {a.rank === null ? '–' : a.rank}
          <span className="visually-hidden">
            {a.rank === null
              ? t('archive.record.unranked')
              : t('archive.record.rank', { rank: a.rank })}
          </span>
        </span>
        <h4 className="record-activity__title">{a.title}</h4>
        <span className={`archive-status archive-status--${a.status}`}>
          {t(`s3.activityStatus.${a.status}`)}
        </span>
        {latest && (
          <span className="record-activity__dots" data-testid="record-activity-dots">
            {t('archive.record.dots', { count: latest.total })}
          </span>
        )}
      </div>
      {a.description.text && <p className="record-activity__text">{a.description.text}</p>}
      <dl className="record-activity__links">
        {combines.length > 0 && <LinkList label={t('archive.record.combines')} items={combines} />}
        {targets.length > 0 && <LinkList label={t('archive.record.targets')} items={targets} />}
        {a.actors.length > 0 && (
          <LinkList
            label={t('archive.record.actors')}
            items={a.actors.map((actor, i) => ({
              key: `${i}`,
              text: `${actor.name} · ${closedLabel(t, 'helix', actor.helix)}`,
              removed: false,
            }))}
          />
        )}
        {a.crossRegionalNeeds.length > 0 && (
          <LinkList
            label={t('archive.record.crossRegional')}
            items={a.crossRegionalNeeds.map((n, i) => ({
              key: `${i}`,
              text: `${names.region(n.regionId)}: ${n.contribution}`,
              removed: false,
            }))}
          />
        )}
        {actions.length > 0 && (
          <LinkList
            label={t('archive.record.sections.actions')}
            items={actions.map((x) => ({ key: x.id, text: x.title, removed: false }))}
          />
        )}
      </dl>
      {(a.structuralChange || a.criticalMass > 0) && (
        <p className="muted record-activity__more">
          {a.structuralChange && `${t('archive.record.structuralChange')}: ${a.structuralChange}`}
          {a.structuralChange && a.criticalMass > 0 && ' · '}
          {a.criticalMass > 0 && t('archive.record.criticalMass', { score: a.criticalMass })}
        </p>
      )}
    </li>
  );
}

function LinkList({
  label,
  items,
}: {
  label: string;
  items: { key: string; text: string; removed: boolean }[];
}) {
  return (
    <div className="record-links">
      <dt>{label}</dt>
      <dd>
        <ul className="record-chips">
          {items.map((item) => (
            <li key={item.key} className={item.removed ? 'is-removed' : undefined}>
              {item.text}
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

function AgendaTable({ record }: { record: WorkshopRecord }) {
  const { t } = useTranslation();
  const { phases, runs } = record.agenda;
  if (runs.length === 0) return <p className="muted">{t('archive.record.noAgenda')}</p>;
  const took = (start: string, end: string | null) =>
    end
      ? t('archive.record.minutes', {
          count: Math.round((Date.parse(end) - Date.parse(start)) / 60_000),
        })
      : t('archive.record.running');
  return (
    <div className="archive-table-wrap">
      <table className="archive-table">
        <thead>
          <tr>
            {(['phase', 'planned', 'started', 'took'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`archive.record.agendaColumns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {phases.flatMap((phase) => {
            const own = runs.filter((r) => r.phaseId === phase.id);
            const planned = t('archive.record.minutes', { count: phase.minutes });
            if (own.length === 0) {
              return [
                <tr key={phase.id} className="muted">
                  <th scope="row">{phaseLabel(t, phase.name)}</th>
                  <td>{planned}</td>
                  <td colSpan={2}>{t('archive.record.notRun')}</td>
                </tr>,
              ];
            }
            return own.map((run, i) => (
              <tr key={`${phase.id}-${i}`}>
                <th scope="row">{phaseLabel(t, phase.name)}</th>
                <td>{planned}</td>
                <td>{shortTime(run.startedAt)}</td>
                <td>{took(run.startedAt, run.endedAt)}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
