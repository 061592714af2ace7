// @jsxRuntime automatic
/** The transformative activities in rank order, each with its links, actors, votes and actions. */
import type { ReactNode } from 'react';
import type { RecordActivity } from '../../../../shared/record/schema';
import { voteResult } from '../recordIndex';
import { closedLabel } from '../vocabulary';
import { Chips, Section, type ReportProps } from './blocks';
import { RichText } from './RichText';

/** A labelled block of an activity's grid; nothing when it has no content. */
function Block({ label, children }: { label: string; children: ReactNode }): ReactNode {
  if (!children) return null;
  return (
    <div>
      <div className="activity__label">{label}</div>
      {children}
    </div>
  );
}

function Activity({
  activity: a,
  record,
  index,
  words,
}: ReportProps & { activity: RecordActivity }) {
  const { t } = words;
  const linkChips = (
    kind: 'capacity' | 'opportunity',
    ids: string[],
    title: (id: string) => string | undefined,
  ) => {
    const removed = a.removedLinks.filter((l) => l.kind === kind);
    if (ids.length + removed.length === 0) return null;
    return (
      <Chips
        items={[
          ...ids.map((id) => ({ text: title(id) ?? id })),
          ...removed.map((l) => ({ text: `${l.title} (${words.removed})`, removed: true })),
        ]}
      />
    );
  };
  const actions = record.actions.filter((x) => x.activityId === a.id);
  const meta = [
    a.field,
    a.criticalMass
      ? `${t('fields.criticalMass')} ${t('outOfFive', { value: a.criticalMass })}`
      : '',
  ].filter(Boolean);
  return (
    <article className="activity" data-activity-id={a.id}>
      <div className="activity__head">
        <span
          className={a.rank === null ? 'activity__rank activity__rank--none' : 'activity__rank'}
        >
          {a.rank ?? t('activities.notRanked')}
        </span>
        <h3>{a.title}</h3>
      </div>
      <div className="activity__meta">
        <span className={`status status--${a.status}`}>{words.activityStatus[a.status]}</span>{' '}
        {meta.join(' · ')}
      </div>
      {a.description.text ? (
        <div className="rich">
          <RichText body={a.description} />
        </div>
      ) : null}
      <div className="activity__grid">
        <Block label={t('fields.capacities')}>
          {linkChips('capacity', a.capacityIds, (id) => index.capacity(id)?.title)}
        </Block>
        <Block label={t('fields.opportunities')}>
          {linkChips('opportunity', a.opportunityIds, (id) => index.opportunity(id)?.title)}
        </Block>
        <Block label={t('fields.actors')}>
          {a.actors.length > 0 ? (
            <Chips
              items={a.actors.map((actor) => ({
                text: [
                  actor.name,
                  closedLabel(words.helix, actor.helix, words.notSet),
                  actor.regionId ? index.regionName(actor.regionId) : '',
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
          ) : null}
        </Block>
        <Block label={t('fields.crossRegionalNeeds')}>
          {a.crossRegionalNeeds.length > 0 ? (
            <ul>
              {a.crossRegionalNeeds.map((n, i) => (
                <li key={i}>
                  <strong>{index.regionName(n.regionId)}</strong>: {n.contribution}
                </li>
              ))}
            </ul>
          ) : null}
        </Block>
        <Block label={t('fields.structuralChange')}>
          {a.structuralChange ? <p>{a.structuralChange}</p> : null}
        </Block>
        <Block label={t('fields.criticalMassRationale')}>
          {a.criticalMassRationale ? <p>{a.criticalMassRationale}</p> : null}
        </Block>
        <Block label={t('fields.votes')}>
          {a.votes.length > 0 ? (
            <ul>
              {a.votes.map((v, i) => (
                <li key={i}>
                  {voteResult(v.title || t('votes.untitled'), v.total, v.rank, words)}
                </li>
              ))}
            </ul>
          ) : null}
        </Block>
        <Block label={t('fields.actions')}>
          {actions.length > 0 ? <Chips items={actions.map((x) => ({ text: x.title }))} /> : null}
        </Block>
      </div>
    </article>
  );
}

export function Activities(props: ReportProps): ReactNode {
  const { record, index, words } = props;
  return (
    <Section id="activities" title={words.t('activities.heading')}>
      {record.activities.length === 0 ? (
        <p className="muted">{words.t('activities.none')}</p>
      ) : (
        index.rankedActivities.map((a, i) => <Activity key={i} {...props} activity={a} />)
      )}
    </Section>
  );
}
