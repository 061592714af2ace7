/** The results of one revealed vote in a dialog (everyone; the facilitator reopens past votes). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Icon } from '../../app/Icon';
import { ResultsView } from './ResultsView';
import { useModalDialog } from './useModalDialog';
import { useVoteResults } from './useVoting';

interface ResultsDialogProps {
  doc: Y.Doc | null;
  voteId: string;
  onClose: () => void;
}

export function ResultsDialog({ doc, voteId, onClose }: ResultsDialogProps) {
  const { t } = useTranslation();
  const result = useVoteResults(doc).find((r) => r.voteId === voteId);
  const dialogRef = useModalDialog();
  const headingId = useId();
  return (
    <dialog
      ref={dialogRef}
      className="dialog vote-results-dialog"
      aria-labelledby={headingId}
      aria-busy={!result}
      data-testid="vote-results-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
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
    </dialog>
  );
}
