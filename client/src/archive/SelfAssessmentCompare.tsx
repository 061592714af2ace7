/**
 * Self-assessments of several cities side by side (issue 12), under the region comparison of
 * `/archive/compare`: question by question, one column per record (its city) and manager, so an
 * organiser reads how managers in different places answered the same guiding question. Summaries
 * show their word counts. A record whose self-assessment was never revealed says so — it holds no
 * answers — and an unanswered question reads "not answered", never a value.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isSelfAssessment } from '@shared/record/questionnaireExtract';
import { recordQuestionnaires, type WorkshopRecord } from '@shared/record/schema';
import type { RecordQuestionnaire } from '@shared/record/questionnaireSchema';
import { countWords } from '@shared/questionnaire/wordCount';
import type { Answer, Question } from '@shared/questionnaire/schema';
import '@client/styles/archive-self-assessment.css';

interface Column {
  key: string;
  /** The record's city: its regions, else its title. */
  city: string;
  workshop: string;
  manager: string;
  answers: Record<string, Answer>;
  questionnaire: RecordQuestionnaire;
}

interface Row {
  id: string;
  section: string;
  text: string;
  /** The question as each record's copy has it (copies may be adapted). */
  questions: Map<RecordQuestionnaire, Question>;
}

export interface SelfAssessmentComparison {
  columns: Column[];
  rows: Row[];
  /** Titles of records whose self-assessment was not revealed. */
  notRevealed: string[];
}

/** The columns and question rows of several records' self-assessments (pure, for tests). */
export function compareSelfAssessments(
  records: WorkshopRecord[],
  anonymousLabel: (n: number) => string,
): SelfAssessmentComparison {
  const columns: Column[] = [];
  const rows = new Map<string, Row>();
  const notRevealed: string[] = [];
  for (const record of records) {
    const city = record.workshop.regions.map((r) => r.name).join(', ') || record.workshop.title;
    for (const q of recordQuestionnaires(record).filter((x) => isSelfAssessment(x.definition))) {
      if (q.status === 'not-revealed') {
        notRevealed.push(record.workshop.title);
        continue;
      }
      // Rows in the order of the first copy that has them (the template's order).
      for (const section of q.definition.sections) {
        for (const question of section.questions) {
          const row = rows.get(question.id) ?? {
            id: question.id,
            section: section.title,
            text: question.text,
            questions: new Map(),
          };
          row.questions.set(q, question);
          rows.set(question.id, row);
        }
      }
      q.responses.forEach((response, i) => {
        columns.push({
          key: `${record.workshop.id}/${q.definition.id}/${response.respondentId}`,
          city,
          workshop: record.workshop.title,
          manager:
            q.definition.anonymous || response.name === undefined
              ? anonymousLabel(i + 1)
              : response.name,
          answers: response.answers,
          questionnaire: q,
        });
      });
    }
  }
  return { columns, rows: [...rows.values()], notRevealed };
}

function optionLabel(question: Question | undefined, id: string): string {
  const type = question?.answer;
  return (type && 'options' in type && type.options.find((o) => o.id === id)?.label) || id;
}

/** An answer as a person reads it: likert with its label, options by label, yes/no in words. */
function answerText(answer: Answer, question: Question | undefined, t: TFunction): string {
  const fits = question?.answer.type === answer.type ? question : undefined;
  switch (answer.type) {
    case 'short-text':
    case 'long-text':
      return answer.value;
    case 'likert': {
      const label = fits?.answer.type === 'likert' ? fits.answer.labels[answer.value - 1] : '';
      return label ? `${answer.value} – ${label}` : String(answer.value);
    }
    case 'yes-no':
      return answer.value
        ? t('archive.compare.selfAssessment.yes')
        : t('archive.compare.selfAssessment.no');
    case 'number':
      return fits?.answer.type === 'number' && fits.answer.unit
        ? `${answer.value} ${fits.answer.unit}`
        : String(answer.value);
    case 'single-choice':
      return optionLabel(fits, answer.value);
    case 'multiple-choice':
      return answer.value.map((id) => optionLabel(fits, id)).join('; ');
    case 'ranking':
      return answer.value.map((id, i) => `${i + 1}. ${optionLabel(fits, id)}`).join('; ');
  }
}

export function SelfAssessmentCompare({ records }: { records: WorkshopRecord[] }) {
  const { t } = useTranslation();
  const { columns, rows, notRevealed } = useMemo(
    () =>
      compareSelfAssessments(records, (number) =>
        t('archive.compare.selfAssessment.anonymous', { number }),
      ),
    [records, t],
  );
  if (columns.length === 0 && notRevealed.length === 0) return null;
  return (
    <section
      className="compare-self-assessment"
      aria-labelledby="compare-self-assessment-title"
      data-testid="compare-self-assessment"
    >
      <h2 id="compare-self-assessment-title" className="archive__heading">
        {t('archive.compare.selfAssessment.heading')}
      </h2>
      <p className="muted">{t('archive.compare.selfAssessment.intro')}</p>
      {notRevealed.map((title, i) => (
        <p key={i} className="muted">
          {t('archive.compare.selfAssessment.notRevealed', { workshop: title })}
        </p>
      ))}
      {columns.length > 0 && (
        <div className="archive-table-wrap">
          <table className="archive-table compare-self-assessment__table">
            <thead>
              <tr>
                <th scope="col">{t('archive.compare.selfAssessment.question')}</th>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.city}
                    <span className="compare-self-assessment__manager">{c.manager}</span>
                    <span className="muted compare-self-assessment__manager">{c.workshop}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <span className="muted compare-self-assessment__section">{row.section}</span>
                    {row.text}
                  </th>
                  {columns.map((c) => {
                    const answer = c.answers[row.id];
                    if (!answer) {
                      return (
                        <td key={c.key} className="muted">
                          {t('archive.compare.selfAssessment.notAnswered')}
                        </td>
                      );
                    }
                    const question = row.questions.get(c.questionnaire);
                    const target =
                      question?.answer.type === 'long-text'
                        ? question.answer.wordTarget
                        : undefined;
                    return (
                      <td key={c.key} className="compare-self-assessment__answer">
                        {answerText(answer, question, t)}
                        {target !== undefined && answer.type === 'long-text' && (
                          <span className="muted compare-self-assessment__words">
                            {t('archive.compare.selfAssessment.words', {
                              count: countWords(answer.value),
                              target,
                            })}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
