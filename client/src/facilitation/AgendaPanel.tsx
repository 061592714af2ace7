/**
 * The facilitator's agenda: the phases with their board and duration (rename, re-time, change
 * board, reorder, add, delete: each change is one `agenda:set` with the whole list), Start / End
 * phase, what actually ran, and the room controls (follow-me, workshop lock, wall screen).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlCommandInput } from '@shared/control/commands';
import type { ControlState, Phase } from '@shared/control/state';
import type { WorkshopTemplate } from '@shared/domain/workshop';
import { templateOf, type BoardKind } from '@shared/templates/templates';
import { fetchWorkshopLinks } from '@client/connection/api/workshops';
import { Icon } from '@client/ui/Icon';
import { PanelHeader } from '@client/ui/PanelHeader';
import { useControl, useControlState, useControlStatus } from '@client/connection/control';
import { FollowToggle } from './FollowMe';
import { formatClock, phaseLabel } from './format';
import { usePopover } from '@client/ui/usePopover';
import '@client/styles/facilitation.css';
import { currentLanguage } from '@client/i18n';
import { serverErrorText } from '@client/connection/api/serverErrorText';

interface AgendaProps {
  workshopId: string;
  token: string;
  template: WorkshopTemplate;
}

/** Top bar: the current phase (everyone); facilitators open the agenda from it. */
export function PhaseIndicator({ facilitator, ...props }: AgendaProps & { facilitator: boolean }) {
  const { t } = useTranslation();
  const state = useControlState();
  const popover = usePopover();
  const phase = currentPhase(state);
  const name = phase ? phaseLabel(t, phase.name) : null;

  if (!facilitator) {
    if (!name) return null;
    return (
      <span
        className="phase-pill"
        data-testid="current-phase"
        data-phase-id={phase?.id}
        title={t('facilitation.phase.current', { name })}
      >
        <span className="phase-pill__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('facilitation.phase.label')}: </span>
        <span className="phase-pill__name">{name}</span>
      </span>
    );
  }
  return (
    <div className="share-anchor phase-anchor" ref={popover.anchorRef}>
      <button
        type="button"
        className={
          name ? 'phase-pill phase-pill--button' : 'phase-pill phase-pill--button phase-pill--idle'
        }
        aria-expanded={popover.open}
        aria-haspopup="dialog"
        title={t('facilitation.agenda.openHint')}
        data-testid="agenda-button"
        onClick={popover.toggle}
      >
        <Icon name="agenda" size={16} />
        {name ? (
          <span className="phase-pill__name" data-testid="current-phase" data-phase-id={phase?.id}>
            <span className="visually-hidden">{t('facilitation.phase.label')}: </span>
            {name}
          </span>
        ) : (
          <span className="phase-pill__name">{t('facilitation.agenda.open')}</span>
        )}
      </button>
      {popover.open && <AgendaPanel {...props} onClose={popover.close} />}
    </div>
  );
}

export function currentPhase(state: ControlState | null): Phase | null {
  if (!state?.agenda.currentPhaseId) return null;
  return state.agenda.phases.find((p) => p.id === state.agenda.currentPhaseId) ?? null;
}

function newPhaseId(): string {
  return `phase-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function AgendaPanel({
  workshopId,
  token,
  template,
  onClose,
}: AgendaProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const control = useControl();
  const state = useControlState();
  const status = useControlStatus();
  const titleId = useId();
  const [error, setError] = useState<string | null>(null);
  const boards = templateOf(template).boards;

  const send = (command: ControlCommandInput) => {
    if (!control) return;
    void control.send(command).then((ack) => {
      setError(ack.ok ? null : t('facilitation.agenda.error', { error: serverErrorText(t, ack) }));
    });
  };
  const phases = state?.agenda.phases ?? [];
  const setPhases = (next: Phase[]) => send({ type: 'agenda:set', phases: next });
  const update = (index: number, patch: Partial<Phase>) =>
    setPhases(phases.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const move = (index: number, by: number) => {
    const next = [...phases];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setPhases(next);
  };

  return (
    <div
      className="popover agenda-panel"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="agenda-panel"
    >
      <PanelHeader
        titleId={titleId}
        title={t('facilitation.agenda.title')}
        closeLabel={t('facilitation.agenda.close')}
        onClose={onClose}
      />
      <p className="popover__intro">{t('facilitation.agenda.intro')}</p>
      {status !== 'connected' && (
        <p className="agenda__notice" role="status">
          {t('facilitation.agenda.offline')}
        </p>
      )}
      {phases.length === 0 && <p className="muted">{t('facilitation.agenda.empty')}</p>}
      <ol className="agenda__list">
        {phases.map((phase, index) => (
          <PhaseRow
            key={phase.id}
            phase={phase}
            index={index}
            count={phases.length}
            boards={boards}
            running={state?.agenda.currentPhaseId === phase.id}
            onChange={(patch) => update(index, patch)}
            onMove={(by) => move(index, by)}
            onDelete={() => setPhases(phases.filter((_, i) => i !== index))}
            onStart={() => send({ type: 'phase:start', phaseId: phase.id })}
            onEnd={() => send({ type: 'phase:end' })}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button agenda__add"
        data-testid="agenda-add"
        disabled={phases.length >= 50}
        onClick={() =>
          setPhases([
            ...phases,
            {
              id: newPhaseId(),
              name: t('facilitation.agenda.newPhase'),
              minutes: 15,
              board: boards[0]!,
              privateWriting: false,
            },
          ])
        }
      >
        <Icon name="plus" size={16} />
        {t('facilitation.agenda.add')}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <PhaseLog state={state} />
      <RoomControls workshopId={workshopId} token={token} send={send} state={state} />
    </div>
  );
}

interface PhaseRowProps {
  phase: Phase;
  index: number;
  count: number;
  boards: BoardKind[];
  running: boolean;
  onChange: (patch: Partial<Phase>) => void;
  onMove: (by: number) => void;
  onDelete: () => void;
  onStart: () => void;
  onEnd: () => void;
}

function PhaseRow({ phase, index, count, boards, running, ...on }: PhaseRowProps) {
  const { t } = useTranslation();
  const label = phaseLabel(t, phase.name);
  const [name, setName] = useState(label);
  const [minutes, setMinutes] = useState(String(phase.minutes));
  useEffect(() => setName(label), [label]);
  useEffect(() => setMinutes(String(phase.minutes)), [phase.minutes]);
  const n = index + 1;

  const commitName = () => {
    const trimmed = name.trim();
    if (!trimmed) setName(label);
    else if (trimmed !== label) on.onChange({ name: trimmed.slice(0, 120) });
  };
  const commitMinutes = () => {
    const value = Math.round(Number(minutes));
    if (!Number.isFinite(value) || value < 1) setMinutes(String(phase.minutes));
    else if (value !== phase.minutes) on.onChange({ minutes: value });
  };
  const enterCommits = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
  };

  return (
    <li
      className={running ? 'agenda__phase is-running' : 'agenda__phase'}
      data-testid="agenda-phase"
      data-phase-id={phase.id}
    >
      <span className="agenda__index" aria-hidden="true">
        {n}
      </span>
      <input
        className="field__input agenda__name"
        aria-label={t('facilitation.agenda.phaseName', { index: n })}
        value={name}
        maxLength={120}
        data-testid="agenda-phase-name"
        onChange={(e) => setName(e.target.value)}
        onBlur={commitName}
        onKeyDown={enterCommits}
      />
      <select
        className="field__input field__select agenda__board"
        aria-label={t('facilitation.agenda.board', { index: n })}
        value={phase.board}
        data-testid="agenda-phase-board"
        onChange={(e) => on.onChange({ board: e.target.value as BoardKind })}
      >
        {!boards.includes(phase.board) && (
          <option value={phase.board}>{t(`boards.names.${phase.board}`)}</option>
        )}
        {boards.map((board) => (
          <option key={board} value={board}>
            {t(`boards.names.${board}`)}
          </option>
        ))}
      </select>
      <span className="agenda__minutes">
        <input
          className="field__input"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          aria-label={t('facilitation.agenda.minutes', { index: n })}
          value={minutes}
          data-testid="agenda-phase-minutes"
          onChange={(e) => setMinutes(e.target.value)}
          onBlur={commitMinutes}
          onKeyDown={enterCommits}
        />
        <span aria-hidden="true">{t('facilitation.agenda.minutesShort')}</span>
      </span>
      <span className="agenda__actions">
        <button
          type="button"
          className={phase.privateWriting ? 'icon-button is-active' : 'icon-button'}
          aria-pressed={phase.privateWriting}
          aria-label={t('facilitation.agenda.privateWriting', { name: label })}
          title={t('facilitation.agenda.privateWritingHint')}
          data-testid="agenda-phase-private"
          onClick={() => on.onChange({ privateWriting: !phase.privateWriting })}
        >
          <Icon name="eyeOff" size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('facilitation.agenda.moveUp', { name: label })}
          title={t('facilitation.agenda.moveUp', { name: label })}
          disabled={index === 0}
          onClick={() => on.onMove(-1)}
        >
          <Icon name="arrowUp" size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('facilitation.agenda.moveDown', { name: label })}
          title={t('facilitation.agenda.moveDown', { name: label })}
          disabled={index === count - 1}
          onClick={() => on.onMove(1)}
        >
          <Icon name="arrowDown" size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('facilitation.agenda.remove', { name: label })}
          title={t('facilitation.agenda.remove', { name: label })}
          onClick={on.onDelete}
        >
          <Icon name="trash" size={16} />
        </button>
        {running ? (
          <button
            type="button"
            className="button agenda__start"
            data-testid="agenda-end"
            onClick={on.onEnd}
          >
            {t('facilitation.agenda.end')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary agenda__start"
            aria-label={t('facilitation.agenda.startLabel', { name: label })}
            data-testid="agenda-start"
            onClick={on.onStart}
          >
            <Icon name="play" size={14} />
            {t('facilitation.agenda.start')}
          </button>
        )}
      </span>
    </li>
  );
}

function PhaseLog({ state }: { state: ControlState | null }) {
  const { t } = useTranslation();
  const control = useControl();
  const titleId = useId();
  const offset = control?.getOffset() ?? 0;
  const log = state?.agenda.log ?? [];
  const nameOf = (id: string) => {
    const phase = state?.agenda.phases.find((p) => p.id === id);
    return phaseLabel(t, phase?.name ?? id);
  };
  const clock = (ms: number) => formatClock(ms, offset, currentLanguage());
  return (
    <section className="agenda__section" aria-labelledby={titleId}>
      <h3 id={titleId} className="agenda__heading">
        {t('facilitation.agenda.log')}
      </h3>
      {log.length === 0 ? (
        <p className="muted">{t('facilitation.agenda.logEmpty')}</p>
      ) : (
        <ul className="agenda__log" data-testid="agenda-log">
          {log
            .slice(-20)
            .reverse()
            .map((run) => (
              <li key={`${run.phaseId}-${run.startedAt}`}>
                <span className="agenda__log-name">{nameOf(run.phaseId)}</span>
                <span className="agenda__log-time">
                  {run.endedAt === null
                    ? t('facilitation.agenda.logRunning', { start: clock(run.startedAt) })
                    : t('facilitation.agenda.logEntry', {
                        start: clock(run.startedAt),
                        end: clock(run.endedAt),
                      })}
                  {run.endedAt !== null &&
                    ` · ${t('facilitation.agenda.logDuration', {
                      minutes: Math.max(0, Math.round((run.endedAt - run.startedAt) / 60_000)),
                    })}`}
                </span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

function RoomControls({
  workshopId,
  token,
  state,
  send,
}: {
  workshopId: string;
  token: string;
  state: ControlState | null;
  send: (command: ControlCommandInput) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [loadingLink, setLoadingLink] = useState(false);
  const joinShown = !!state?.wall.joinUrl;
  const toggleJoin = () => {
    if (joinShown) {
      send({ type: 'wall:set', joinUrl: null });
      return;
    }
    setLoadingLink(true);
    fetchWorkshopLinks(workshopId, token)
      .then((links) => send({ type: 'wall:set', joinUrl: links.links.participant }))
      .catch(() => undefined)
      .finally(() => setLoadingLink(false));
  };
  const workshopLocked = state?.locks.workshop ?? false;
  return (
    <section className="agenda__section" aria-labelledby={titleId}>
      <h3 id={titleId} className="agenda__heading">
        {t('facilitation.wall.title')}
      </h3>
      <div className="agenda__toggles">
        <label className="agenda__toggle">
          <input
            type="checkbox"
            checked={joinShown}
            disabled={loadingLink}
            data-testid="wall-show-join"
            onChange={toggleJoin}
          />
          {loadingLink ? t('facilitation.wall.joinLoading') : t('facilitation.wall.showJoin')}
        </label>
        <label className="agenda__toggle">
          <input
            type="checkbox"
            checked={state?.wall.showCursors ?? true}
            data-testid="wall-show-cursors"
            onChange={(e) => send({ type: 'wall:set', showCursors: e.target.checked })}
          />
          {t('facilitation.wall.showCursors')}
        </label>
        <label className="agenda__toggle">
          <input
            type="checkbox"
            checked={workshopLocked}
            data-testid="lock-workshop"
            onChange={(e) =>
              send({ type: 'lock:set', target: 'workshop', locked: e.target.checked })
            }
          />
          {t('facilitation.lock.lockWorkshop')}
        </label>
      </div>
      <FollowToggle />
    </section>
  );
}
