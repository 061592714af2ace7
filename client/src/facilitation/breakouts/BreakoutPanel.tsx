/**
 * The facilitator's panel while groups run (and after, until cleared): every group with its area,
 * members and own timer; every timer at once; move a person (`breakout:assign`); show the groups
 * side by side; End groups, Clear groups, New groups.
 */
import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakouts, BreakoutGroup } from '@shared/control/breakouts';
import type { ControlCommandInput } from '@shared/control/commands';
import type { TimerAction } from '@shared/control/timer';
import type { Participant } from '@shared/domain/identity';
import { Icon } from '@client/ui/Icon';
import { PanelHeader } from '@client/ui/PanelHeader';
import { Popover } from '@client/ui/Popover';
import { useParticipants } from '@client/connection/usePeople';
import { useControl } from '@client/connection/control';
import { formatClock } from '../format';
import { AllTimers, GroupTimer } from './GroupTimerControls';
import { memberName, useAreaLabel, usePeopleById } from './labels';
import { useRollUpStore } from './rollUpStore';
import { currentLanguage } from '@client/i18n';
import { serverErrorText } from '@client/connection/api/serverErrorText';

interface BreakoutPanelProps {
  breakouts: Breakouts;
  onNewGroups: () => void;
  onClose: () => void;
  /** The toggle's wrapper: a press there is not "outside". */
  anchorRef: RefObject<HTMLElement | null>;
}

export function BreakoutPanel({ breakouts, onNewGroups, onClose, anchorRef }: BreakoutPanelProps) {
  const { t } = useTranslation();
  const control = useControl();
  const titleId = useId();
  const people = usePeopleById();
  const participants = useParticipants();
  const [minutes, setMinutes] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const rollUpShown = useRollUpStore((s) => s.shown);
  const running = breakouts.status === 'running';
  const offset = control ? control.getOffset() : 0;

  const send = (command: ControlCommandInput) => {
    if (!control) return;
    void control.send(command).then((ack) => {
      setError(ack.ok ? null : t('breakouts.panel.error', { error: serverErrorText(t, ack) }));
    });
  };
  const sendTimer = (groupId: string | null, timer: TimerAction) =>
    send({ type: 'breakout:timer', groupId, timer });
  const move = (identityId: string, groupId: string | null) =>
    send({ type: 'breakout:assign', identityId, groupId });
  const placed = new Set(breakouts.groups.flatMap((g) => g.memberIds));
  const outside = (participants ?? []).filter(
    (p) => p.online && p.role !== 'projector' && !placed.has(p.id),
  );
  const startMinutes = Number(minutes.replace(',', '.'));
  const groupMinutes = Number.isFinite(startMinutes) && startMinutes >= 1 ? startMinutes : 10;

  return (
    <Popover
      className="popover breakout-panel"
      labelledBy={titleId}
      testId="breakout-panel"
      data-status={breakouts.status}
      anchorRef={anchorRef}
      onClose={onClose}
    >
      <PanelHeader
        titleId={titleId}
        title={t('breakouts.panel.title')}
        closeLabel={t('breakouts.panel.close')}
        onClose={onClose}
      />
      <p className="popover__intro">
        {running
          ? t('breakouts.panel.running', {
              time: formatClock(breakouts.startedAt, offset, currentLanguage()),
            })
          : t('breakouts.panel.ended', {
              time: formatClock(
                breakouts.endedAt ?? breakouts.startedAt,
                offset,
                currentLanguage(),
              ),
            })}
      </p>
      {running && (
        <AllTimers
          groups={breakouts.groups}
          minutes={minutes}
          onMinutes={setMinutes}
          send={sendTimer}
        />
      )}
      <ol className="breakout-panel__groups">
        {breakouts.groups.map((group) => (
          <GroupRow
            key={group.id}
            group={group}
            groups={breakouts.groups}
            people={people}
            running={running}
            minutes={groupMinutes}
            sendTimer={sendTimer}
            move={move}
          />
        ))}
      </ol>
      {running && outside.length > 0 && (
        <section className="breakout-panel__outside" data-testid="breakout-outside">
          <h3 className="breakout-panel__heading">{t('breakouts.panel.outside')}</h3>
          <ul className="breakout-panel__members">
            {outside.map((p) => (
              <MemberRow
                key={p.id}
                id={p.id}
                name={p.name}
                groupId={null}
                groups={breakouts.groups}
                move={move}
              />
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="breakout-panel__footer">
        <button
          type="button"
          className="button"
          aria-pressed={rollUpShown}
          data-testid="rollup-toggle"
          onClick={() => useRollUpStore.getState().setShown(!rollUpShown)}
        >
          <Icon name={rollUpShown ? 'eyeOff' : 'eye'} size={16} />
          {rollUpShown ? t('breakouts.panel.hideRollUp') : t('breakouts.panel.showRollUp')}
        </button>
        {running ? (
          <button
            type="button"
            className="button button--primary"
            data-testid="breakout-end"
            onClick={() => send({ type: 'breakout:end' })}
          >
            {t('breakouts.panel.end')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              data-testid="breakout-new"
              onClick={onNewGroups}
            >
              {t('breakouts.panel.newGroups')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="breakout-clear"
              onClick={() => send({ type: 'breakout:clear' })}
            >
              {t('breakouts.panel.clear')}
            </button>
          </>
        )}
      </div>
    </Popover>
  );
}

function GroupRow(props: {
  group: BreakoutGroup;
  groups: BreakoutGroup[];
  people: Map<string, Participant>;
  running: boolean;
  minutes: number;
  sendTimer: (groupId: string | null, timer: TimerAction) => void;
  move: (identityId: string, groupId: string | null) => void;
}) {
  const { group, people } = props;
  const { t } = useTranslation();
  const area = useAreaLabel(group);
  return (
    <li
      className="breakout-panel__group"
      data-testid="breakout-panel-group"
      data-group-id={group.id}
    >
      <div className="breakout-panel__group-head">
        <h3 className="breakout-panel__heading">{group.name}</h3>
        <span className="breakout-panel__area">{area}</span>
      </div>
      {props.running && <GroupTimer group={group} minutes={props.minutes} send={props.sendTimer} />}
      {group.memberIds.length === 0 ? (
        <p className="breakout-panel__empty">{t('breakouts.panel.noMembers')}</p>
      ) : (
        <ul
          className="breakout-panel__members"
          aria-label={t('breakouts.panel.membersOf', { name: group.name })}
        >
          {group.memberIds.map((id) => (
            <MemberRow
              key={id}
              id={id}
              name={memberName(people, id, t)}
              online={people.get(id)?.online}
              groupId={props.running ? group.id : undefined}
              groups={props.groups}
              move={props.move}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A person with a menu to move them (while groups run; `groupId` undefined shows no menu). */
function MemberRow(props: {
  id: string;
  name: string;
  online?: boolean;
  groupId: string | null | undefined;
  groups: BreakoutGroup[];
  move: (identityId: string, groupId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="breakout-member" data-testid="breakout-member" data-person-id={props.id}>
      <span
        className={
          props.online === false ? 'breakout-member__dot is-offline' : 'breakout-member__dot'
        }
        aria-hidden="true"
      />
      <span className="breakout-member__name">{props.name}</span>
      {props.groupId !== undefined && (
        <select
          className="breakout-member__move"
          aria-label={t('breakouts.panel.moveLabel', { name: props.name })}
          value={props.groupId ?? ''}
          data-testid="breakout-move"
          onChange={(e) => props.move(props.id, e.target.value || null)}
        >
          <option value="">{t('breakouts.panel.notInGroup')}</option>
          {props.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}
