/** Local UI state of voting on this page: which results dialog is open, whether the ballot is. */
import { create } from 'zustand';

interface VotingUiState {
  /** The vote whose results are shown in the dialog. */
  resultsFor: string | null;
  ballotOpen: boolean;
  showResults: (voteId: string | null) => void;
  showBallot: (open: boolean) => void;
}

export const useVotingUi = create<VotingUiState>()((set) => ({
  resultsFor: null,
  ballotOpen: false,
  showResults: (voteId) => set({ resultsFor: voteId }),
  showBallot: (open) => set({ ballotOpen: open }),
}));
