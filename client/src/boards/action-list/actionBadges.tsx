/** The action list's badges: an action's or activity's status, and the activity an action belongs to. */
import { useTranslation } from 'react-i18next';
import type { ActionStatusOrNotSet, ActivityStatus } from '@shared/domain/s3';
import { closedLabel } from '../closedLabel';

type StatusBadgeProps =
  { kind: 'action'; status: ActionStatusOrNotSet } | { kind: 'activity'; status: ActivityStatus };

export function StatusBadge({ kind, status }: StatusBadgeProps) {
  const { t } = useTranslation();
  const label =
    kind === 'action'
      ? closedLabel(t, 'actionStatus', status as ActionStatusOrNotSet)
      : t(`s3.activityStatus.${status as ActivityStatus}`);
  return (
    <span
      className={`action-status action-status--${kind}-${status || 'not-set'}`}
      data-status={status}
    >
      {label}
    </span>
  );
}

/** The activity's title, or "source removed: <title>" when it was deleted. */
export function ActivityMark({
  label,
  compact = false,
}: {
  label: { title: string; removed: boolean };
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (label.removed) {
    return (
      <span className="action-removed" data-testid="activity-removed" title={label.title}>
        {label.title
          ? t('actionList.sourceRemoved', { title: label.title })
          : t('actionList.sourceRemovedUntitled')}
      </span>
    );
  }
  const title = label.title || t('actionList.untitledActivity');
  return (
    <span
      className={compact ? 'action-activity action-activity--compact' : 'action-activity'}
      title={title}
    >
      {title}
    </span>
  );
}
