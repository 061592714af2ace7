/**
 * The facilitator's "Start a vote": the question, the cards (the transformative activities by
 * default, candidates preselected; or the cards of the board on screen), with select all / none,
 * the dots per person and the most dots on one card (checked with the server's own schema).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { cardsMap, type CardMap } from '@shared/doc';
import { useActiveBoard } from '@client/store/workshopStore';
import { useYValue } from '@client/sync/useY';
import { useControl, useRoom } from '@client/connection/control';
import {
  activityCandidates,
  boardIdOf,
  candidatesByBoard,
  checkVoteForm,
  DEFAULT_BUDGET,
  DEFAULT_MAX_PER_CARD,
  defaultChoice,
  type VoteCandidate,
  type VoteFormErrors,
} from './voteSetup';
import { ModalDialog } from '@client/ui/ModalDialog';
import { PanelHeader } from '@client/ui/PanelHeader';
import { CheckList } from '@client/ui/CheckList';

type Source = 'activities' | 'board';

const NONE: VoteCandidate[] = [];
const readActivities = (cards: Y.Map<CardMap>): VoteCandidate[] =>
  cards.doc ? activityCandidates(cards.doc) : NONE;
const readByBoard = (cards: Y.Map<CardMap>): Map<string, VoteCandidate[]> =>
  cards.doc ? candidatesByBoard(cards.doc) : new Map();

export function StartVoteDialog({ doc, onClose }: { doc: Y.Doc; onClose: () => void }) {
  const { t } = useTranslation();
  const control = useControl();
  const ids = { title: useId(), question: useId(), budget: useId(), max: useId(), error: useId() };
  const board = useActiveBoard(useRoom().template);
  const cards = cardsMap(doc);
  const activities = useYValue(cards, readActivities, { deep: true });
  const byBoard = useYValue(cards, readByBoard, { deep: true });
  const boardCards = byBoard.get(boardIdOf(board)) ?? NONE;
  const [source, setSource] = useState<Source>('activities');
  const candidates = source === 'activities' ? activities : boardCards;
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [question, setQuestion] = useState<string>(() => t('voting.dialog.defaultQuestion'));
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET));
  const [maxPerCard, setMaxPerCard] = useState(String(DEFAULT_MAX_PER_CARD));
  const [errors, setErrors] = useState<VoteFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Until the facilitator changes it, the choice follows the cards (candidates preselected).
  const choice = useMemo(() => {
    const offered = new Set(candidates.map((c) => c.id));
    const base = chosen ?? new Set(defaultChoice(candidates));
    return new Set([...base].filter((id) => offered.has(id)));
  }, [chosen, candidates]);

  const choose = (next: Iterable<string>) => {
    setChosen(new Set(next));
    setErrors((e) => ({ ...e, cards: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const checked = checkVoteForm({
      title: question,
      // In the order the cards are listed.
      cardIds: candidates.filter((c) => choice.has(c.id)).map((c) => c.id),
      budget,
      maxPerCard,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (!control) return;
    setSubmitting(true);
    setServerError(null);
    const reply = await control.send(checked.command);
    setSubmitting(false);
    if (reply.ok) onClose();
    else setServerError(reply.error);
  };

  const errorText = (field: keyof VoteFormErrors): string | null => {
    const code = errors[field];
    if (!code) return null;
    if (field === 'cards') return t('voting.dialog.errors.cards');
    if (field === 'title') return t('voting.dialog.errors.title');
    return code === 'aboveBudget'
      ? t('voting.dialog.errors.aboveBudget')
      : t('voting.dialog.errors.range');
  };
  const fieldError = (field: keyof VoteFormErrors, id: string) => {
    const text = errorText(field);
    return text ? (
      <p id={id} className="field__error" data-testid={`vote-error-${field}`}>
        {text}
      </p>
    ) : null;
  };

  return (
    <ModalDialog
      className="dialog vote-dialog"
      labelledBy={ids.title}
      testId="vote-dialog"
      onClose={onClose}
    >
      <PanelHeader
        className="vote-dialog__header"
        titleId={ids.title}
        titleClassName="dialog__title"
        title={t('voting.dialog.title')}
        closeLabel={t('voting.dialog.close')}
        onClose={onClose}
      />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={ids.question} className="field__label">
            {t('voting.dialog.question')}
          </label>
          <input
            id={ids.question}
            className="field__input"
            value={question}
            maxLength={200}
            placeholder={t('voting.dialog.questionPlaceholder')}
            data-testid="vote-title"
            aria-invalid={!!errors.title}
            onChange={(e) => setQuestion(e.target.value)}
          />
          {fieldError('title', `${ids.error}-title`)}
        </div>

        <fieldset className="vote-dialog__cards">
          <legend className="field__label vote-dialog__legend">
            <span>{t('voting.dialog.source')}</span>
            <span className="muted" data-testid="vote-chosen-count">
              {t('voting.dialog.chosen', { count: choice.size, total: candidates.length })}
            </span>
          </legend>
          {board !== 'activity-canvas' && (
            <div className="vote-dialog__sources" role="radiogroup">
              {(['activities', 'board'] as const).map((option) => (
                <label
                  key={option}
                  className={source === option ? 'vote-source is-on' : 'vote-source'}
                >
                  <input
                    type="radio"
                    name="vote-source"
                    checked={source === option}
                    data-testid={`vote-source-${option}`}
                    onChange={() => {
                      setSource(option);
                      setChosen(null);
                    }}
                  />
                  {option === 'activities'
                    ? t('voting.dialog.sourceActivities')
                    : t('voting.dialog.sourceBoard', { board: t(`boards.names.${board}`) })}
                </label>
              ))}
            </div>
          )}
          {candidates.length === 0 ? (
            <p className="muted">{t('voting.dialog.noCards')}</p>
          ) : (
            <CheckList
              items={candidates}
              chosen={choice}
              onChange={choose}
              allLabel={t('voting.dialog.all')}
              noneLabel={t('voting.dialog.none')}
              presets={
                source === 'activities'
                  ? [{ label: t('voting.dialog.candidates'), ids: defaultChoice(candidates) }]
                  : []
              }
              allTestId="vote-select-all"
              noneTestId="vote-select-none"
              listTestId="vote-candidates"
              itemTestId="vote-candidate"
              itemIdAttribute="card"
              classPrefix="vote-dialog"
              itemClassName="vote-candidate"
              renderItem={(card) => (
                <>
                  <span className="vote-candidate__title">
                    {card.title || t('voting.untitledCard')}
                  </span>
                  {card.status && (
                    <span
                      className={`vote-candidate__status vote-candidate__status--${card.status}`}
                    >
                      {t(`s3.activityStatus.${card.status}`)}
                    </span>
                  )}
                </>
              )}
            />
          )}
          {fieldError('cards', `${ids.error}-cards`)}
        </fieldset>

        <div className="vote-dialog__numbers">
          <div className="field">
            <label htmlFor={ids.budget} className="field__label">
              {t('voting.dialog.budget')}
            </label>
            <input
              id={ids.budget}
              className="field__input"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              value={budget}
              data-testid="vote-budget-input"
              aria-invalid={!!errors.budget}
              aria-describedby={errors.budget ? `${ids.error}-budget` : undefined}
              onChange={(e) => {
                setBudget(e.target.value);
                setErrors((x) => ({ ...x, budget: undefined, maxPerCard: undefined }));
              }}
            />
            {fieldError('budget', `${ids.error}-budget`)}
          </div>
          <div className="field">
            <label htmlFor={ids.max} className="field__label">
              {t('voting.dialog.maxPerCard')}
            </label>
            <input
              id={ids.max}
              className="field__input"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              value={maxPerCard}
              data-testid="vote-max-input"
              aria-invalid={!!errors.maxPerCard}
              aria-describedby={errors.maxPerCard ? `${ids.error}-maxPerCard` : undefined}
              onChange={(e) => {
                setMaxPerCard(e.target.value);
                setErrors((x) => ({ ...x, maxPerCard: undefined }));
              }}
            />
            {fieldError('maxPerCard', `${ids.error}-maxPerCard`)}
          </div>
        </div>

        {serverError && (
          <p className="field__error" role="alert" data-testid="vote-server-error">
            {t('voting.dialog.errors.server', { error: serverError })}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('voting.dialog.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid="vote-start"
            disabled={submitting}
          >
            {submitting
              ? t('voting.dialog.submitting')
              : t('voting.dialog.submit', { count: choice.size })}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
