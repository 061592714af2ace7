/**
 * Over the board while groups run, for a person in a group: "You're in <group> · <area>", the
 * group's own timer, and "Go to our area". When the groups start (or the facilitator moves this
 * person), the page goes to the group's area by itself once.
 */
import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { BreakoutGroup } from '@shared/control/breakouts';
import { templateOf } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import { useRoom } from '@client/connection/control';
import { TimerDisplay } from '../TimerWidget';
import { goToArea } from './area';
import { useAreaLabel } from './labels';
import { useGroupTimerView } from './useGroupTimer';

export function GroupBanner({ group, breakoutsId }: { group: BreakoutGroup; breakoutsId: string }) {
  const { t } = useTranslation();
  const { template } = useRoom();
  const boards = templateOf(template).boards;
  const area = useAreaLabel(group);
  const view = useGroupTimerView(group.timer, true);

  // Once per (groups, group, area): bring the person there, as a phase start brings everyone.
  const arrived = useRef<string | null>(null);
  const key = `${breakoutsId}/${group.id}/${group.board}/${group.cardId ?? ''}`;
  useEffect(() => {
    if (arrived.current === key) return;
    arrived.current = key;
    goToArea(group, boards);
  }, [key, group, boards]);

  return (
    <div
      className="group-banner"
      role="region"
      aria-label={t('breakouts.banner.label')}
      data-testid="group-banner"
      data-group-id={group.id}
    >
      <Icon name="groups" size={18} />
      <p className="group-banner__text">
        <span data-testid="group-banner-name">
          <Trans
            i18nKey="breakouts.banner.inGroup"
            values={{ group: group.name }}
            components={{ strong: <strong /> }}
          />
        </span>
        <span className="group-banner__area" data-testid="group-banner-area">
          {area}
        </span>
      </p>
      {group.timer.status !== 'idle' && (
        <span className="group-banner__timer" data-testid="group-banner-timer">
          <TimerDisplay view={view} />
        </span>
      )}
      <button
        type="button"
        className="button button--primary group-banner__go"
        data-testid="group-banner-go"
        onClick={() => goToArea(group, boards)}
      >
        <Icon name="follow" size={16} />
        {t('breakouts.banner.goToArea')}
      </button>
    </div>
  );
}
