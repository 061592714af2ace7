/**
 * The self-assessment's step 5: each manager's two summaries (key issues and bottlenecks, potential
 * solutions; ~500 words each, with a live count) next to their A, B and C sum-ups — the framework
 * asks for the fit between the three, not a count of ticks. A manager edits only their own; the
 * server writes it into the doc (questionnaire:revise).
 */
import { useTranslation } from 'react-i18next';
import { findQuestion, type Answer, type Response } from '@shared/questionnaire/schema';
import { selfAssessmentSummary } from '@shared/questionnaire/views';
import type { QuestionnaireChannel } from '@client/connection/questionnaireChannel';
import { serverErrorText } from '@client/connection/api/serverErrorText';
import { AnswerInput } from './AnswerInput';
import { QuestionBlock } from './QuestionBlock';
import type { QuestionnaireInDoc } from './useQuestionnaireDoc';
import { WordCount } from './WordCount';

export function SummariesView({
  item,
  channel,
  me,
  asked,
}: {
  item: QuestionnaireInDoc;
  channel: QuestionnaireChannel | null;
  /** My identity id, when I am asked by this questionnaire (my own summaries are editable). */
  me: string | null;
  asked: boolean;
}) {
  const { t } = useTranslation();
  const responses: Response[] = [...item.responses];
  if (me && asked && !responses.some((r) => r.respondentId === me)) {
    responses.unshift({ respondentId: me, answers: {} });
  }
  if (responses.length === 0) return <p className="q-muted">{t('questionnaires.noAnswers')}</p>;
  // My own first, then the others as the doc sorts them.
  responses.sort((a, b) => Number(b.respondentId === me) - Number(a.respondentId === me));
  return (
    <div className="q-summaries" data-testid="summaries">
      {responses.map((response, i) => (
        <ManagerSummary
          key={response.respondentId}
          item={item}
          response={response}
          name={response.name ?? t('questionnaires.respondent', { number: i + 1 })}
          mine={response.respondentId === me}
          channel={channel}
        />
      ))}
    </div>
  );
}

function ManagerSummary({
  item,
  response,
  name,
  mine,
  channel,
}: {
  item: QuestionnaireInDoc;
  response: Response;
  name: string;
  mine: boolean;
  channel: QuestionnaireChannel | null;
}) {
  const { t } = useTranslation();
  const { definition } = item;
  const summary = selfAssessmentSummary(definition, response);
  const revise = async (questionId: string, answer: Answer | null) => {
    if (!channel) return t('questionnaires.offline');
    const reply = await channel.revise(definition.id, questionId, answer);
    return reply.ok ? null : serverErrorText(t, reply);
  };
  const texts = [summary.keyIssues, summary.solutions];
  return (
    <article className="q-summary" data-testid="manager-summary">
      <h3 className="q-summary__name">{mine ? t('questionnaires.summary.mine') : name}</h3>
      <dl className="q-summary__sumups">
        {(['A', 'B', 'C'] as const).map((dimension) => {
          const sumUp = summary.sumUps[dimension];
          return (
            <div key={dimension}>
              <dt>{t('questionnaires.summary.sumUp', { dimension })}</dt>
              <dd>
                {sumUp.text ?? <span className="q-muted">{t('questionnaires.notAnswered')}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      {texts.map((text) => {
        const question = findQuestion(definition, text.questionId);
        if (!question) return null;
        return (
          <QuestionBlock key={text.questionId} question={question} number="">
            {({ labelledBy, describedBy }) =>
              mine ? (
                <AnswerInput
                  question={question}
                  answer={response.answers[question.id]}
                  labelledBy={labelledBy}
                  describedBy={describedBy}
                  onAnswer={(answer) => revise(question.id, answer)}
                />
              ) : (
                <div className="q-summary__text" aria-labelledby={labelledBy}>
                  {text.text ?? <span className="q-muted">{t('questionnaires.notWritten')}</span>}
                  {text.wordTarget !== null && (
                    <WordCount text={text.text ?? ''} target={text.wordTarget} />
                  )}
                </div>
              )
            }
          </QuestionBlock>
        );
      })}
    </article>
  );
}
