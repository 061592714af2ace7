/** The activities beside the matrix, as cards, with a status filter. */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { resolveLinks, type Activity } from '@shared/doc';
import { ACTIVITY_STATUSES, type ActivityStatus } from '@shared/domain/s3';
import { highlightOfActivity } from './matrixLayout';
import type { CanvasData } from './canvasData';
import { useCanvasStore } from './canvasStore';
import { LinkChips } from './LinkedCards';
import { ProvenanceNote } from './ProvenanceNote';
import { CardBadge, CardControls } from '../cardAdornments';

export function ActivityList({ doc, data }: { doc: Y.Doc; data: CanvasData }) {
  const { t } = useTranslation();
  const filter = useCanvasStore((s) => s.statusFilter);
  const setFilter = useCanvasStore((s) => s.setStatusFilter);
  const counts = new Map<ActivityStatus | 'all', number>([['all', data.activities.length]]);
  for (const a of data.activities) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const shown =
    filter === 'all' ? data.activities : data.activities.filter((a) => a.status === filter);

  return (
    <section
      className="activity-list"
      aria-label={t('activityCanvas.list.label')}
      data-testid="activity-list"
    >
      <div className="status-filter" role="radiogroup" aria-label={t('activityCanvas.list.filter')}>
        {(['all', ...ACTIVITY_STATUSES] as const).map((status) => (
          <button
            key={status}
            type="button"
            role="radio"
            aria-checked={filter === status}
            className={
              filter === status ? 'status-filter__option is-active' : 'status-filter__option'
            }
            data-testid={`status-filter-${status}`}
            onClick={() => setFilter(status)}
          >
            {status === 'all' ? t('activityCanvas.list.all') : t(`s3.activityStatus.${status}`)}
            <span className="status-filter__count">{counts.get(status) ?? 0}</span>
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="activity-list__empty">
          {data.activities.length === 0
            ? t('activityCanvas.list.empty')
            : t('activityCanvas.list.emptyFiltered')}
        </p>
      ) : (
        <ul className="activity-list__items">
          {shown.map((activity) => (
            <li key={activity.id}>
              <ActivityListItem doc={doc} activity={activity} />
              <CardControls cardId={activity.id} title={activity.title} doc={doc} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActivityListItem({ doc, activity }: { doc: Y.Doc; activity: Activity }) {
  const { t } = useTranslation();
  const lit = useCanvasStore((s) => s.highlight?.activityIds.has(activity.id) ?? false);
  const capacities = resolveLinks(doc, activity.capacityIds);
  const opportunities = resolveLinks(doc, activity.opportunityIds);
  return (
    <button
      type="button"
      className={lit ? 'activity-card is-lit' : 'activity-card'}
      data-testid="activity-card"
      data-activity-id={activity.id}
      onClick={() => useCanvasStore.getState().openActivity(activity.id)}
      onMouseEnter={() => useCanvasStore.getState().setHighlight(highlightOfActivity(activity))}
      onMouseLeave={() => useCanvasStore.getState().setHighlight(null)}
      onFocus={() => useCanvasStore.getState().setHighlight(highlightOfActivity(activity))}
      onBlur={() => useCanvasStore.getState().setHighlight(null)}
    >
      <span className="activity-card__top">
        <span
          className={`status-pill status-pill--${activity.status}`}
          data-testid="activity-status"
        >
          {t(`s3.activityStatus.${activity.status}`)}
        </span>
        <CardBadge cardId={activity.id} title={activity.title} doc={doc} />
        <CriticalMassDots score={activity.criticalMass} />
      </span>
      <span className="activity-card__title">
        {activity.title || t('activityCanvas.list.untitled')}
      </span>
      {activity.field && <span className="activity-card__field">{activity.field}</span>}
      <LinkChips links={capacities} kind="capacity" />
      <LinkChips links={opportunities} kind="opportunity" />
      {activity.provenance && <ProvenanceNote provenance={activity.provenance} />}
    </button>
  );
}

export function CriticalMassDots({ score }: { score: number }) {
  const { t } = useTranslation();
  const label =
    score > 0
      ? t('activityCanvas.list.criticalMass', { score })
      : t('activityCanvas.list.notJudged');
  return (
    <span className="mass-dots" role="img" aria-label={label} title={label}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={i <= score ? 'mass-dots__dot is-on' : 'mass-dots__dot'} />
      ))}
    </span>
  );
}
