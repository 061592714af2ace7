/**
 * The plenary roll-up: the groups side by side, one column each (name, members, and the work in
 * the group's area), so the room compares them. Live while the groups run; after End until the
 * facilitator clears the groups. On the wall screen in large type, with no controls.
 */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Breakouts } from '@shared/control/breakouts';
import type { TimerState } from '@shared/control/timer';
import { Icon } from '@client/ui/Icon';
import { useActionList } from '@client/boards/action-list/actionStore';
import { useControl, useRoom } from '@client/connection/control';
import { TimerDisplay } from '../TimerWidget';
import { memberName, usePeopleById } from './labels';
import { RollUpWork } from './RollUpWork';
import { useGroupTimerView } from './useGroupTimer';

interface RollUpProps {
  breakouts: Breakouts;
  doc: Y.Doc;
  /** The wall screen: large type, nothing to click. */
  wall: boolean;
  onClose?: () => void;
}

export function RollUp({ breakouts, doc, wall, onClose }: RollUpProps) {
  const { t } = useTranslation();
  const control = useControl();
  const { role } = useRoom();
  const people = usePeopleById();
  const snapshot = useActionList(doc);
  const running = breakouts.status === 'running';
  return (
    <section
      className={wall ? 'rollup rollup--wall' : 'rollup'}
      aria-labelledby="rollup-title"
      data-testid="rollup"
      data-status={breakouts.status}
    >
      <header className="rollup__header">
        <Icon name="groups" size={wall ? 32 : 20} />
        <div className="rollup__titles">
          <h2 id="rollup-title" className="rollup__title">
            {t('breakouts.rollUp.title')}
          </h2>
          <p className="rollup__status">
            {running ? t('breakouts.rollUp.live') : t('breakouts.rollUp.ended')}
          </p>
        </div>
        {!wall && (
          <div className="rollup__actions">
            {onClose && (
              <button type="button" className="button" data-testid="rollup-close" onClick={onClose}>
                <Icon name="close" size={16} />
                {t('breakouts.rollUp.close')}
              </button>
            )}
            {!running && role === 'facilitator' && (
              <button
                type="button"
                className="button button--primary"
                data-testid="rollup-clear"
                onClick={() => void control?.send({ type: 'breakout:clear' })}
              >
                {t('breakouts.rollUp.clear')}
              </button>
            )}
          </div>
        )}
      </header>
      <ol className="rollup__columns">
        {breakouts.groups.map((group) => (
          <li
            key={group.id}
            className="rollup__column"
            data-testid="rollup-group"
            data-group-id={group.id}
          >
            <div className="rollup__group-head">
              <h3 className="rollup__group-name">{group.name}</h3>
              {running && group.timer.status !== 'idle' && <ColumnTimer timer={group.timer} />}
            </div>
            <p className="rollup__members">
              <span className="visually-hidden">{t('breakouts.rollUp.members')}: </span>
              {group.memberIds.length === 0
                ? t('breakouts.rollUp.noMembers')
                : group.memberIds.map((id) => memberName(people, id, t)).join(', ')}
            </p>
            <RollUpWork group={group} doc={doc} snapshot={snapshot} since={breakouts.startedAt} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A running group's own timer in its column. */
function ColumnTimer({ timer }: { timer: TimerState }) {
  const view = useGroupTimerView(timer);
  return (
    <span className="rollup__timer" data-testid="rollup-timer">
      <TimerDisplay view={view} />
    </span>
  );
}
