/**
 * The participant's side of a private-writing round: a panel of my ideas, each a short text that
 * only I (and the server) see until the facilitator reveals. Enter adds the next idea; an emptied
 * idea is deleted with Backspace. Collapsible, so the board stays usable.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_TEXT_MAX, type PrivateRound } from '@shared/control/privateWriting';
import { Icon } from '@client/ui/Icon';
import { phaseLabel } from '../format';
import { useControlState } from '@client/connection/control';
import { useMyDrafts, type LocalDraft } from './useMyDrafts';
import { serverErrorText } from '@client/connection/api/serverErrorText';

export function PrivateWritingPanel({ round }: { round: PrivateRound }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { drafts, status, add, edit, flush, remove } = useMyDrafts(round.id);
  const [collapsed, setCollapsed] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const prompt = usePrompt(round);

  // A new idea gets the caret at once.
  useEffect(() => {
    if (!focusId) return;
    listRef.current?.querySelector<HTMLTextAreaElement>(`[data-draft-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId, drafts]);

  // Start with one empty idea to type into.
  useEffect(() => {
    if (status === 'ready' && drafts.length === 0) add();
  }, [status, drafts.length, add]);

  const written = drafts.filter((d) => d.text.trim() !== '').length;
  const saving = drafts.some((d) => d.state === 'saving');
  const failed = drafts.find((d) => d.state === 'error');

  if (collapsed) {
    return (
      <button
        type="button"
        className="private-panel__expand"
        data-testid="private-panel-expand"
        onClick={() => setCollapsed(false)}
      >
        <Icon name="eyeOff" size={16} />
        {t('privateWriting.expand', { count: written })}
      </button>
    );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>, draft: LocalDraft, i: number) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      flush(draft.draftId);
      const next = drafts[i + 1];
      setFocusId(next && next.text === '' ? next.draftId : add());
    } else if (event.key === 'Backspace' && draft.text === '' && drafts.length > 1) {
      event.preventDefault();
      remove(draft.draftId);
      setFocusId(drafts[i - 1]?.draftId ?? drafts[i + 1]?.draftId ?? null);
    }
  };

  return (
    <section className="private-panel" aria-labelledby={titleId} data-testid="private-panel">
      <header className="private-panel__header">
        <Icon name="eyeOff" size={18} />
        <h2 id={titleId} className="private-panel__title">
          {t('privateWriting.onBoard', { board: t(`boards.names.${round.board}`) })}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('privateWriting.collapse')}
          title={t('privateWriting.collapse')}
          onClick={() => setCollapsed(true)}
        >
          <Icon name="minus" size={16} />
        </button>
      </header>
      {prompt && (
        <p className="private-panel__prompt" data-testid="private-prompt">
          {prompt}
        </p>
      )}
      <p className="private-panel__hint">{t('privateWriting.explanation')}</p>
      {status === 'no-identity' ? (
        <p className="private-panel__hint" role="status">
          {t('privateWriting.noIdentity')}
        </p>
      ) : (
        <>
          <ol className="private-panel__list" ref={listRef}>
            {drafts.map((draft, i) => (
              <li key={draft.draftId} className="private-idea">
                <textarea
                  className="private-idea__text"
                  data-testid="private-idea"
                  data-draft-id={draft.draftId}
                  aria-label={t('privateWriting.ideaLabel', { index: i + 1 })}
                  placeholder={t('privateWriting.ideaPlaceholder')}
                  maxLength={DRAFT_TEXT_MAX}
                  rows={2}
                  value={draft.text}
                  onChange={(e) => edit(draft.draftId, e.target.value)}
                  onBlur={() => flush(draft.draftId)}
                  onKeyDown={(e) => onKeyDown(e, draft, i)}
                />
                <button
                  type="button"
                  className="icon-button private-idea__remove"
                  aria-label={t('privateWriting.remove', { index: i + 1 })}
                  title={t('privateWriting.remove', { index: i + 1 })}
                  onClick={() => remove(draft.draftId)}
                >
                  <Icon name="trash" size={15} />
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button private-panel__add"
            data-testid="private-add"
            onClick={() => setFocusId(add())}
          >
            <Icon name="plus" size={16} />
            {t('privateWriting.add')}
          </button>
          <p
            className={failed ? 'private-panel__status is-error' : 'private-panel__status'}
            role="status"
            data-testid="private-status"
            data-saved={!saving && !failed ? 'true' : 'false'}
          >
            {t('privateWriting.count', { count: written })}
            {' · '}
            {failed
              ? t('privateWriting.notSaved', {
                  error: failed.error ? serverErrorText(t, { error: failed.error }) : '',
                })
              : saving
                ? t('privateWriting.saving')
                : t('privateWriting.saved')}
            <span className="private-panel__keys"> · {t('privateWriting.keyboardHint')}</span>
          </p>
        </>
      )}
    </section>
  );
}

/** The round's question, or else the name of the phase running. */
function usePrompt(round: PrivateRound): string {
  const { t } = useTranslation();
  const state = useControlState();
  if (round.prompt) return round.prompt;
  const phase = state?.agenda.phases.find((p) => p.id === state.agenda.currentPhaseId);
  return phase ? phaseLabel(t, phase.name) : '';
}
