/**
 * "Add action": adds to the chosen activity, else opens a menu asking which one. Separate from the
 * view because it is a control with a menu of its own (focus, Escape, arrow keys, a press outside).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '@client/ui/Icon';
import { Popover } from '@client/ui/Popover';
import { usePopover } from '@client/ui/usePopover';
import { StatusBadge } from './actionBadges';
import type { useActionList } from './actionStore';

/** "Add action": to the chosen activity, else asks which one. */
export function AddActionButton({
  snapshot,
  activityId,
  onAdd,
  testId = 'add-action',
}: {
  snapshot: ReturnType<typeof useActionList>;
  activityId: string;
  onAdd: (activityId: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { open, setOpen, close, toggle, anchorRef } = usePopover();
  const headingId = useId();
  const target = activityId ? snapshot.activityById.get(activityId) : undefined;

  return (
    <div className="action-add" ref={anchorRef}>
      <button
        type="button"
        className="button button--primary"
        data-testid={testId}
        aria-haspopup={target ? undefined : 'menu'}
        aria-expanded={target ? undefined : open}
        title={target ? t('actionList.addTo', { activity: target.title }) : undefined}
        onClick={() => (target ? onAdd(target.id) : toggle())}
      >
        <Icon name="plus" size={16} />
        {t('actionList.add')}
      </button>
      {open && (
        <Popover
          onClose={close}
          anchorRef={anchorRef}
          labelledBy={headingId}
          className="popover action-add__menu"
          testId="add-action-menu"
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
              const i = items.indexOf(document.activeElement as HTMLElement);
              items[(i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
            }
          }}
        >
          <p id={headingId} className="action-add__heading">
            {snapshot.activities.length > 0
              ? t('actionList.addChoose')
              : t('actionList.addNoActivities')}
          </p>
          {snapshot.activities.length > 0 && (
            <div role="menu" aria-labelledby={headingId} className="action-add__list">
              {snapshot.activities.map((a) => (
                <button
                  key={a.id}
                  type="button"
                  role="menuitem"
                  className="action-add__item"
                  data-testid="add-action-activity"
                  data-activity-id={a.id}
                  onClick={() => {
                    setOpen(false);
                    onAdd(a.id);
                  }}
                >
                  <span className="action-add__title">
                    {a.title || t('actionList.untitledActivity')}
                  </span>
                  <StatusBadge kind="activity" status={a.status} />
                </button>
              ))}
            </div>
          )}
        </Popover>
      )}
    </div>
  );
}
