/** The results of one revealed vote in a dialog (everyone; the facilitator reopens past votes). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Icon } from '@client/ui/Icon';
import { ResultsView } from './ResultsView';
import { ModalDialog } from '@client/ui/ModalDialog';
import { useVoteResults } from './useVoting';

interface ResultsDialogProps {
  doc: Y.Doc | null;
  voteId: string;
  onClose: () => void;
}

export function ResultsDialog({ doc, voteId, onClose }: ResultsDialogProps) {
  const { t } = useTranslation();
  const result = useVoteResults(doc).find((r) => r.voteId === voteId);
  const headingId = useId();
  return (
    <ModalDialog
      className="dialog vote-results-dialog"
      labelledBy={headingId}
      busy={!result}
      testId="vote-results-dialog"
      onClose={onClose}
    >
      <button
        type="button"
        className="icon-button vote-results-dialog__close"
        aria-label={t('voting.results.close')}
        data-testid="vote-results-close"
        onClick={onClose}
      >
        <Icon name="close" />
      </button>
      {result ? (
        <ResultsView result={result} doc={doc} headingId={headingId} />
      ) : (
        <p id={headingId} className="dialog__text" role="status">
          {t('voting.results.loading')}
        </p>
      )}
    </ModalDialog>
  );
}
