/**
 * One phase of the agenda, as the facilitator edits it: its name and minutes (saved on blur or
 * Enter), its board, private writing, moving and deleting it, and Start / End. Separate from the
 * agenda panel because a row keeps its own drafts of the name and the minutes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '@shared/control/state';
import type { BoardKind } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import { phaseLabel } from './format';

export interface PhaseRowProps {
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

export function PhaseRow({ phase, index, count, boards, running, ...on }: PhaseRowProps) {
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
