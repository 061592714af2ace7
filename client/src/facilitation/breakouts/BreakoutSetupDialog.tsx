/**
 * The facilitator's "Breakout groups" dialog: how to split (at random, by region, by helix, by
 * hand) and into how many groups, who is split (people online, or everyone), a preview of the
 * groups to rename, re-area and move people in, a duration, and Start (one `breakout:start`).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { BREAKOUT_GROUPS_MAX } from '@shared/control/breakouts';
import { cardBoardsOf } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import { useActionList } from '@client/boards/action-list/actionStore';
import { useParticipants, useRegions } from '@client/connection/usePeople';
import { useControl, useRoom } from '@client/connection/control';
import { usePeopleById } from './labels';
import { PlanGroup, WaitingPeople } from './PlanGroup';
import { planProblem, SPLIT_METHODS, startCommand } from './plan';
import { useBreakoutPlan } from './useBreakoutPlan';
import { serverErrorText } from '@client/connection/api/serverErrorText';
import { ModalDialog } from '@client/ui/ModalDialog';
import { DragAndDrop } from '@client/ui/dragAndDrop';

const DEFAULT_MINUTES = '20';

export function BreakoutSetupDialog({ doc, onClose }: { doc: Y.Doc; onClose: () => void }) {
  const { t } = useTranslation();
  const control = useControl();
  const { template } = useRoom();
  const boards = cardBoardsOf(template);
  const titleId = useId();
  const minutesId = useId();
  const participants = useParticipants();
  const people = usePeopleById();
  const regions = useRegions(doc);
  const { activities } = useActionList(doc);
  const plan = useBreakoutPlan(participants, activities, boards);
  const [timed, setTimed] = useState(true);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const minutesValue = Number(minutes.replace(',', '.'));
  const minutesValid =
    Number.isFinite(minutesValue) && minutesValue >= 1 && minutesValue <= 24 * 60;
  const problem = useMemo(() => planProblem(plan.groups), [plan.groups]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (starting || !control) return;
    if (problem) {
      setError(t(`breakouts.setup.problems.${problem}`));
      return;
    }
    if (timed && !minutesValid) return;
    setStarting(true);
    setError(null);
    const ack = await control.send(startCommand(plan.groups, timed ? minutesValue : null));
    setStarting(false);
    if (ack.ok) onClose();
    else setError(t('breakouts.setup.error', { error: serverErrorText(t, ack) }));
  };

  return (
    <ModalDialog
      className="dialog breakout-setup"
      labelledBy={titleId}
      testId="breakout-setup"
      onClose={onClose}
    >
      <form onSubmit={(e) => void start(e)}>
        <div className="breakout-setup__header">
          <h2 id={titleId} className="dialog__title">
            {t('breakouts.setup.title')}
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('breakouts.setup.close')}
            title={t('breakouts.setup.close')}
            onClick={onClose}
          >
            <Icon name="close" size={18} />
          </button>
        </div>
        <p className="dialog__text">{t('breakouts.setup.intro')}</p>

        <div className="breakout-setup__options">
          <fieldset className="breakout-setup__methods">
            <legend className="field__label">{t('breakouts.setup.method')}</legend>
            {SPLIT_METHODS.map((method) => (
              <label key={method} className="breakout-setup__method">
                <input
                  type="radio"
                  name="split-method"
                  value={method}
                  checked={plan.method === method}
                  data-testid={`split-${method}`}
                  onChange={() => plan.change({ method })}
                />
                <span>
                  <strong>{t(`breakouts.setup.methods.${method}`)}</strong>
                  <small>{t(`breakouts.setup.methodHints.${method}`)}</small>
                </span>
              </label>
            ))}
          </fieldset>

          <div className="breakout-setup__side">
            <div className="field">
              <span className="field__label" id={`${titleId}-count`}>
                {t('breakouts.setup.count')}
              </span>
              <div
                className="breakout-setup__stepper"
                role="group"
                aria-labelledby={`${titleId}-count`}
              >
                <button
                  type="button"
                  className="button"
                  aria-label={t('breakouts.setup.fewer')}
                  disabled={plan.count <= 1}
                  data-testid="group-count-minus"
                  onClick={() => plan.change({ count: plan.count - 1 })}
                >
                  <Icon name="minus" size={16} />
                </button>
                <output className="breakout-setup__count" data-testid="group-count">
                  {plan.count}
                </output>
                <button
                  type="button"
                  className="button"
                  aria-label={t('breakouts.setup.more')}
                  disabled={plan.count >= BREAKOUT_GROUPS_MAX}
                  data-testid="group-count-plus"
                  onClick={() => plan.change({ count: plan.count + 1 })}
                >
                  <Icon name="plus" size={16} />
                </button>
                {plan.method !== 'hand' && (
                  <button
                    type="button"
                    className="button button--ghost"
                    data-testid="reshuffle"
                    onClick={plan.reshuffle}
                  >
                    {t('breakouts.setup.reshuffle')}
                  </button>
                )}
              </div>
            </div>
            <label className="breakout-setup__check">
              <input
                type="checkbox"
                checked={plan.includeEveryone}
                data-testid="include-everyone"
                onChange={(e) => plan.change({ includeEveryone: e.target.checked })}
              />
              {t('breakouts.setup.includeEveryone')}
            </label>
            <p className="breakout-setup__who" data-testid="split-pool">
              {plan.pool.length === 0
                ? t('breakouts.setup.nobody')
                : t('breakouts.setup.who', { count: plan.pool.length })}
            </p>
            <div className="breakout-setup__timer">
              <label className="breakout-setup__check">
                <input
                  type="checkbox"
                  checked={timed}
                  data-testid="breakout-timed"
                  onChange={(e) => setTimed(e.target.checked)}
                />
                {t('breakouts.setup.timed')}
              </label>
              {timed && (
                <label className="breakout-setup__minutes" htmlFor={minutesId}>
                  <input
                    id={minutesId}
                    className="field__input"
                    type="number"
                    min={1}
                    max={24 * 60}
                    step="any"
                    inputMode="decimal"
                    value={minutes}
                    aria-invalid={!minutesValid}
                    data-testid="breakout-minutes"
                    onChange={(e) => setMinutes(e.target.value)}
                  />
                  <span>{t('breakouts.setup.minutes')}</span>
                </label>
              )}
            </div>
          </div>
        </div>

        <DragAndDrop>
          <ul className="breakout-plan" data-testid="breakout-plan">
            {plan.groups.map((group, index) => (
              <PlanGroup
                key={group.id}
                group={group}
                index={index}
                groups={plan.groups}
                people={people}
                regions={regions}
                activities={activities}
                boards={boards}
                onRename={(name) => plan.rename(group.id, name)}
                onArea={(area) => plan.setArea(group.id, area)}
                onMove={plan.move}
              />
            ))}
            {plan.waiting.length > 0 && (
              <WaitingPeople
                waiting={plan.waiting}
                groups={plan.groups}
                regions={regions}
                onMove={plan.move}
              />
            )}
          </ul>
        </DragAndDrop>

        {error && (
          <p className="field__error" role="alert" data-testid="breakout-setup-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('breakouts.setup.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={starting || !control || (timed && !minutesValid)}
            data-testid="breakout-start"
          >
            <Icon name="play" size={16} />
            {starting ? t('breakouts.setup.starting') : t('breakouts.setup.start')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
