/**
 * The activity picker above the action list: shows only one activity's actions ("jump to an
 * activity's actions"), each option with the activity's status and how many actions it has.
 * Separate from the view because it is one control with its own counting.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { useActionList } from './actionStore';

/** Choose an activity: shows only its actions ("jump to an activity's actions"). */
export function ActivityPicker({
  snapshot,
  value,
  onChange,
}: {
  snapshot: ReturnType<typeof useActionList>;
  value: string;
  onChange: (activityId: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const a of snapshot.actions) out.set(a.activityId, (out.get(a.activityId) ?? 0) + 1);
    return out;
  }, [snapshot.actions]);
  return (
    <div className="action-list__picker">
      <label htmlFor={id} className="visually-hidden">
        {t('actionList.filterActivity')}
      </label>
      <select
        id={id}
        className="field__input field__select action-list__select action-list__select--activity"
        value={value}
        data-testid="activity-picker"
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('actionList.allActivities')}</option>
        {snapshot.activities.map((a) => (
          <option key={a.id} value={a.id}>
            {(a.title || t('actionList.untitledActivity')) +
              ` · ${t(`s3.activityStatus.${a.status}`)} · ${t('actionList.activityActions', { count: counts.get(a.id) ?? 0 })}`}
          </option>
        ))}
      </select>
    </div>
  );
}
