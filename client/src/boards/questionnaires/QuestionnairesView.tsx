/**
 * The questionnaires board (issue 12): the self-assessment, the StressTest and the evaluation.
 * What each person sees follows the run's state and their role:
 *   open      a person asked fills it in privately (held by the server); the facilitator sees the
 *             turnout and, with live results, the aggregate; the wall the turnout or the results
 *   revealed  side by side with the coach's notes (named runs), the results, and for the
 *             self-assessment each manager's summaries
 * The questionnaire itself, revealed answers, notes and the question under discussion come from the
 * doc; the turnout and live results from the control plane (counts, never answers).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aggregateQuestionnaire } from '@shared/questionnaire/aggregate';
import { SELF_ASSESSMENT } from '@shared/questionnaire/shipped';
import type { BoardViewProps } from '@client/boards/boardView';
import {
  useControl,
  useControlState,
  useQuestionnaireRuns,
  useRoom,
} from '@client/connection/control';
import { AnswerForm } from './AnswerForm';
import { QuestionnaireEditor } from './QuestionnaireEditor';
import { ResultsView } from './ResultsView';
import { RunBar } from './RunBar';
import { SideBySideView } from './SideBySideView';
import { StartQuestionnaire } from './StartQuestionnaire';
import { SummariesView } from './SummariesView';
import { useQuestionnaireDoc } from './useQuestionnaireDoc';
import '@client/styles/questionnaires.css';

type Tab = 'answer' | 'results' | 'side' | 'summaries' | 'waiting' | 'edit';

export default function QuestionnairesView({ doc, role, canEdit }: BoardViewProps) {
  const { t } = useTranslation();
  const channel = useControl()?.questionnaires ?? null;
  const runs = useQuestionnaireRuns();
  const items = useQuestionnaireDoc(doc);
  const { identityId, template, archived } = useRoom();
  const phase = useCurrentPhaseName();
  const [selected, setSelected] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [chosenTab, setTab] = useState<Tab | null>(null);
  const facilitator = role === 'facilitator';
  const wall = role === 'projector';

  const item = items.find((i) => i.definition.id === selected) ?? items.at(-1);
  if (!item || (starting && facilitator)) {
    if (facilitator && !archived) {
      return (
        <div className="q-board">
          {item && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setStarting(false)}
            >
              {t('questionnaires.start.cancel')}
            </button>
          )}
          <StartQuestionnaire
            channel={channel}
            initial={
              template === 'self-assessment' ? SELF_ASSESSMENT.templateId : 'formative-evaluation'
            }
            onStarted={(id) => {
              setSelected(id);
              setStarting(false);
              setTab(null);
            }}
          />
        </div>
      );
    }
    return (
      <div className="q-board">
        <p className="q-empty" data-testid="no-questionnaire">
          {t('questionnaires.none')}
        </p>
      </div>
    );
  }

  const { definition } = item;
  const run = runs.find((r) => r.questionnaireId === definition.id);
  const revealed = run ? run.status === 'revealed' : item.revealedAt !== undefined;
  const asked = !!identityId && !!run?.respondentIds.includes(identityId);
  const selfAssessment = definition.basedOn?.id === SELF_ASSESSMENT.templateId;
  const tabs: Tab[] = revealed
    ? [
        ...(definition.anonymous ? [] : (['side'] as Tab[])),
        'results',
        ...(selfAssessment && !definition.anonymous ? (['summaries'] as Tab[]) : []),
      ]
    : [
        ...(asked && !wall ? (['answer'] as Tab[]) : []),
        ...(run?.results ? (['results'] as Tab[]) : []),
      ];
  // Nothing to show yet (answers held until the reveal): say so, in a tab of its own.
  if (tabs.length === 0) tabs.push('waiting');
  if (facilitator && !archived && run) tabs.push('edit');
  const preferred: Tab | undefined = revealed
    ? selfAssessment && phase === 'summaries' && tabs.includes('summaries')
      ? 'summaries'
      : tabs[0]
    : tabs[0];
  const tab = chosenTab && tabs.includes(chosenTab) ? chosenTab : preferred;

  return (
    <div className={wall ? 'q-board q-board--wall' : 'q-board'} data-testid="questionnaires-board">
      <header className="q-board__header">
        <div>
          <h2 className="q-board__title">{definition.title}</h2>
          {items.length > 1 && (
            <select
              className="field__input field__select q-board__pick"
              aria-label={t('questionnaires.pick')}
              value={definition.id}
              onChange={(e) => {
                setSelected(e.target.value);
                setTab(null);
              }}
            >
              {items.map((i) => (
                <option key={i.definition.id} value={i.definition.id}>
                  {i.definition.title} ({i.definition.id})
                </option>
              ))}
            </select>
          )}
        </div>
        <RunBar
          run={run}
          revealed={revealed}
          facilitator={facilitator && !archived}
          channel={channel}
          onStartAnother={() => setStarting(true)}
        />
      </header>
      {tabs.length > 1 && (
        <div className="q-tabs" role="tablist" aria-label={t('questionnaires.views')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className="q-tabs__tab"
              data-testid={`q-tab-${name}`}
              onClick={() => setTab(name)}
            >
              {t(`questionnaires.tabs.${name}`)}
            </button>
          ))}
        </div>
      )}
      {tab === 'answer' && channel && (
        <AnswerForm
          questionnaire={definition}
          channel={channel}
          anonymous={definition.anonymous}
          readOnly={!canEdit}
        />
      )}
      {tab === 'results' && (
        <ResultsView
          questionnaire={definition}
          aggregate={
            revealed || !run?.results
              ? aggregateQuestionnaire(definition, item.responses)
              : run.results
          }
          only={wall ? item.focus : undefined}
        />
      )}
      {tab === 'side' && (
        <SideBySideView
          item={item}
          channel={channel}
          coach={facilitator && !archived}
          wall={wall}
        />
      )}
      {tab === 'edit' && channel && (
        <QuestionnaireEditor questionnaire={definition} channel={channel} />
      )}
      {tab === 'summaries' && (
        <SummariesView
          item={item}
          channel={canEdit ? channel : null}
          me={identityId}
          asked={asked}
        />
      )}
      {tab === 'waiting' && (
        <p className="q-empty" data-testid="questionnaire-waiting">
          {facilitator || wall
            ? t('questionnaires.heldUntilReveal')
            : t('questionnaires.notForYou')}
        </p>
      )}
    </div>
  );
}

/** The current phase's name (a template key such as "summaries" until the facilitator renames it). */
function useCurrentPhaseName(): string | null {
  const state = useControlState();
  const phase = state?.agenda.phases.find((p) => p.id === state.agenda.currentPhaseId);
  return phase?.name ?? null;
}
