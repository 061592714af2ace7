// @jsxRuntime automatic
/**
 * The record as a self-contained, printable HTML report (no scripts, no external resources): a
 * title page, a linked table of contents, a summary of the budget, participants, the transformative activities with their links, vote results, the
 * Synergy Diamond as inline SVG, capacities, opportunities, actions, the self-assessment and the
 * other questionnaires, the agenda as it ran, and the record's provenance. The PDF export is this page printed by Chromium.
 *
 * Rendered from React components (html/*.tsx) with renderToStaticMarkup, so every value from the
 * record is escaped by construction; the only markup written by hand is the stylesheet.
 */
import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { WorkshopRecord } from '../../../shared/record/schema';
import { Actions } from './html/Actions';
import { Activities } from './html/Activities';
import { Agenda } from './html/Agenda';
import type { ReportProps } from './html/blocks';
import { Capacities } from './html/Capacities';
import { Contents, type ContentsEntry } from './html/Contents';
import { Diamond } from './html/Diamond';
import { Opportunities } from './html/Opportunities';
import { Participants } from './html/Participants';
import { Provenance } from './html/Provenance';
import { Questionnaires } from './html/Questionnaires';
import { SelfAssessment } from './html/SelfAssessment';
import { REPORT_CSS } from './html/styles';
import { Summary } from './html/Summary';
import { TitlePage } from './html/TitlePage';
import { Votes } from './html/Votes';
import { indexRecord } from './recordIndex';
import { VOCABULARY_EN, type ExportVocabulary } from './vocabulary';

/** The report's sections in order; a section with nothing to show renders nothing. */
const SECTIONS: ((props: ReportProps) => ReactNode)[] = [
  Summary,
  Participants,
  Activities,
  Votes,
  Diamond,
  Capacities,
  Opportunities,
  Actions,
  SelfAssessment,
  Questionnaires,
  Agenda,
  Provenance,
];

/** A rendered section's anchor and heading (every section is a `Section` with `id` and `title`). */
function contentsEntry(node: ReactNode): ContentsEntry | null {
  if (!isValidElement(node)) return null;
  const { id, title } = (node as ReactElement<Partial<ContentsEntry>>).props;
  return typeof id === 'string' && typeof title === 'string' ? { id, title } : null;
}

function Report(props: ReportProps): ReactNode {
  const { record, words } = props;
  // The sections are plain functions of the record (no hooks): called here, so the table of
  // contents lists exactly the sections the report holds.
  const sections = SECTIONS.map((section) => section(props)).filter((node) => node !== null);
  const entries = sections.map(contentsEntry).filter((e): e is ContentsEntry => e !== null);
  return (
    <html lang={words.lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{record.workshop.title}</title>
        {/* Our own constant stylesheet: the one piece of markup not built from elements. */}
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <TitlePage {...props} />
        <Contents entries={entries} words={words} />
        {sections.map((section, i) => (
          <Fragment key={i}>{section}</Fragment>
        ))}
        <footer>
          {words.t('generated')} {words.time(record.provenance.archivedAt)}
        </footer>
      </body>
    </html>
  );
}

export function exportHtml(
  record: WorkshopRecord,
  words: ExportVocabulary = VOCABULARY_EN,
): string {
  const index = indexRecord(record, words);
  return `<!doctype html>\n${renderToStaticMarkup(<Report record={record} index={index} words={words} />)}\n`;
}
