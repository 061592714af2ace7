/**
 * Facilitator: start a private-writing round on a board (for the action list: for one activity),
 * watch how many ideas are in, then reveal them with or without the authors' names, or discard.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listActivities } from '@shared/doc';
import { cardBoardsOf, type BoardKind } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import { useActiveBoard } from '@client/store/workshopStore';
import { useControl, useRoom } from '@client/connection/control';
import { BoardToolMenu } from '../BoardToolMenu';
import { progressText, useDraftProgress, usePrivateRound } from './usePrivateRound';
import { currentLanguage } from '@client/i18n';
import { formatters } from '@shared/i18n/format';
import { serverErrorText } from '@client/connection/api/serverErrorText';

export function PrivateWritingMenu() {
  const { t } = useTranslation();
  const round = usePrivateRound();
  const open = round?.status === 'open';
  return (
    <BoardToolMenu
      icon={<Icon name="eyeOff" size={16} />}
      label={t('privateWriting.menu.open')}
      active={open}
      testId="private-menu"
      panelClassName="private-menu"
      panelTestId="private-menu-panel"
    >
      {() => (open ? <RunningRound /> : <StartRound />)}
    </BoardToolMenu>
  );
}

function useSend() {
  const { t } = useTranslation();
  const control = useControl();
  const [error, setError] = useState<string | null>(null);
  const send = async (command: Parameters<NonNullable<typeof control>['send']>[0]) => {
    if (!control) return false;
    const reply = await control.send(command);
    setError(reply.ok ? null : serverErrorText(t, reply));
    return reply.ok;
  };
  return { send, error };
}

function StartRound() {
  const { t } = useTranslation();
  const { template, doc } = useRoom();
  const round = usePrivateRound();
  const boards = cardBoardsOf(template);
  const [board, setBoard] = useState<BoardKind>(useActiveBoard(template));
  const [prompt, setPrompt] = useState('');
  const [activityId, setActivityId] = useState('');
  const activities = useMemo(
    () => (doc && board === 'action-list' ? listActivities(doc) : []),
    [doc, board],
  );
  const { send, error } = useSend();
  const ids = { board: useId(), prompt: useId(), activity: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({
      type: 'private:open',
      board,
      prompt: prompt.trim(),
      activityId: board === 'action-list' ? activityId || null : null,
    });
  };
  return (
    <form onSubmit={submit} className="private-menu__form">
      <p className="popover__intro">{t('privateWriting.menu.intro')}</p>
      {round?.status === 'revealed' && round.published !== null && (
        <p className="muted" data-testid="private-last">
          {t('privateWriting.menu.last', { count: round.published })}
        </p>
      )}
      <label className="field__label" htmlFor={ids.board}>
        {t('privateWriting.menu.board')}
      </label>
      <select
        id={ids.board}
        className="field__input field__select"
        value={board}
        data-testid="private-board"
        onChange={(e) => setBoard(e.target.value as BoardKind)}
      >
        {boards.map((b) => (
          <option key={b} value={b}>
            {t(`boards.names.${b}`)}
          </option>
        ))}
      </select>
      {board === 'action-list' && (
        <>
          <label className="field__label" htmlFor={ids.activity}>
            {t('privateWriting.menu.activity')}
          </label>
          {activities.length === 0 ? (
            <p className="muted">{t('privateWriting.menu.noActivities')}</p>
          ) : (
            <select
              id={ids.activity}
              className="field__input field__select"
              value={activityId}
              required
              onChange={(e) => setActivityId(e.target.value)}
            >
              <option value="">{t('privateWriting.menu.chooseActivity')}</option>
              {activities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title || t('activityCanvas.list.untitled')}
                </option>
              ))}
            </select>
          )}
        </>
      )}
      <label className="field__label" htmlFor={ids.prompt}>
        {t('privateWriting.menu.prompt')}
      </label>
      <input
        id={ids.prompt}
        className="field__input"
        maxLength={300}
        value={prompt}
        placeholder={t('privateWriting.menu.promptPlaceholder')}
        data-testid="private-prompt-input"
        onChange={(e) => setPrompt(e.target.value)}
      />
      {error && (
        <p className="field__error" role="alert">
          {t('privateWriting.menu.error', { error })}
        </p>
      )}
      <div className="dialog__actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="private-start"
          disabled={board === 'action-list' && !activityId}
        >
          <Icon name="play" size={14} />
          {t('privateWriting.menu.start')}
        </button>
      </div>
    </form>
  );
}

function RunningRound() {
  const { t } = useTranslation();
  const round = usePrivateRound()!;
  const progress = useDraftProgress(round);
  const [showAuthors, setShowAuthors] = useState(true);
  const { send, error } = useSend();
  const since = formatters(currentLanguage()).time(round.openedAt);
  return (
    <div className="private-menu__running">
      <p className="popover__intro">
        {t('privateWriting.menu.running', { board: t(`boards.names.${round.board}`), time: since })}
      </p>
      {round.prompt && <p className="private-menu__prompt">{round.prompt}</p>}
      <p className="private-menu__progress" data-testid="private-progress" role="status">
        {progress && progress.drafts > 0
          ? progressText(t, progress)
          : t('privateWriting.progressNone')}
      </p>
      <label className="agenda__toggle">
        <input
          type="checkbox"
          checked={showAuthors}
          data-testid="private-show-authors"
          onChange={(e) => setShowAuthors(e.target.checked)}
        />
        {t('privateWriting.menu.showAuthors')}
      </label>
      {error && (
        <p className="field__error" role="alert">
          {t('privateWriting.menu.error', { error })}
        </p>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--ghost"
          data-testid="private-cancel"
          onClick={() => {
            if (window.confirm(t('privateWriting.menu.confirmCancel'))) {
              void send({ type: 'private:cancel' });
            }
          }}
        >
          {t('privateWriting.menu.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="private-reveal"
          onClick={() => void send({ type: 'private:reveal', showAuthors })}
        >
          <Icon name="eye" size={16} />
          {t('privateWriting.menu.reveal')}
        </button>
      </div>
    </div>
  );
}
