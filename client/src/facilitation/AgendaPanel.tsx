/**
 * The facilitator's agenda: the phases with their board and duration (rename, re-time, change
 * board, reorder, add, delete: each change is one `agenda:set` with the whole list), Start / End
 * phase, what actually ran, and the room controls (follow-me, workshop lock, wall screen).
 * A phase's row is AgendaPhaseRow.tsx, what ran PhaseLog.tsx, the room controls RoomControls.tsx.
 */
import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlCommandInput } from '@shared/control/commands';
import type { ControlState, Phase } from '@shared/control/state';
import type { WorkshopTemplate } from '@shared/domain/workshop';
import { templateOf } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import { PanelHeader } from '@client/ui/PanelHeader';
import { Popover } from '@client/ui/Popover';
import { useControl, useControlState, useControlStatus } from '@client/connection/control';
import { PhaseRow } from './AgendaPhaseRow';
import { phaseLabel } from './format';
import { PhaseLog } from './PhaseLog';
import { RoomControls } from './RoomControls';
import { usePopover } from '@client/ui/usePopover';
import '@client/styles/facilitation.css';
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
      {popover.open && (
        <AgendaPanel {...props} anchorRef={popover.anchorRef} onClose={popover.close} />
      )}
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
  anchorRef,
  onClose,
}: AgendaProps & { anchorRef: RefObject<HTMLElement | null>; onClose: () => void }) {
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
    <Popover
      className="popover agenda-panel"
      labelledBy={titleId}
      testId="agenda-panel"
      anchorRef={anchorRef}
      onClose={onClose}
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
    </Popover>
  );
}
