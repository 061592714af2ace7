/**
 * The facilitator's voting control beside the locks: start a vote, and reopen the results of any
 * vote revealed so far. A running vote is steered from the vote bar.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardToolMenu } from '../BoardToolMenu';
import { StartVoteDialog } from './StartVoteDialog';
import { useCurrentVote, useVoteResults, useWorkshopDoc } from './useVoting';
import { useVotingUi } from './votingUi';
import { VoteIcon } from './VoteIcon';
import { currentLanguage } from '@client/i18n';
import { formatters } from '@shared/i18n/format';

export function VoteMenu() {
  const { t } = useTranslation();
  const doc = useWorkshopDoc();
  const vote = useCurrentVote();
  const results = useVoteResults(doc);
  const showResults = useVotingUi((s) => s.showResults);
  const [starting, setStarting] = useState(false);
  const running = !!vote && vote.status !== 'revealed';

  return (
    <>
      <BoardToolMenu
        icon={<VoteIcon />}
        label={t('voting.menu.button')}
        title={t('voting.menu.title')}
        hint={t('voting.menu.hint')}
        active={running}
        testId="vote-menu"
        panelClassName="vote-menu"
        panelTestId="vote-menu-panel"
      >
        {(close) => (
          <>
            <p className="popover__intro">{t('voting.menu.intro')}</p>
            {running ? (
              <p className="vote-menu__running" role="status">
                {t('voting.menu.running')}
              </p>
            ) : (
              <button
                type="button"
                className="button button--primary vote-menu__start"
                data-testid="vote-menu-start"
                disabled={!doc}
                onClick={() => {
                  close();
                  setStarting(true);
                }}
              >
                {t('voting.menu.start')}
              </button>
            )}
            <h3 className="vote-menu__heading">{t('voting.menu.past')}</h3>
            {results.length === 0 ? (
              <p className="muted">{t('voting.menu.noPast')}</p>
            ) : (
              <ul className="vote-menu__past" data-testid="vote-past">
                {[...results].reverse().map((result) => {
                  const title = result.title || t('voting.untitled');
                  return (
                    <li key={result.voteId}>
                      <button
                        type="button"
                        className="vote-menu__result"
                        aria-label={t('voting.menu.show', { title })}
                        data-testid="vote-past-result"
                        data-vote-id={result.voteId}
                        onClick={() => {
                          close();
                          showResults(result.voteId);
                        }}
                      >
                        <span className="vote-menu__result-title">{title}</span>
                        <span className="muted">
                          {formatters(currentLanguage()).dateTime(result.revealedAt)} ·{' '}
                          {t('voting.menu.voters', { count: result.voters })}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </BoardToolMenu>
      {starting && doc && <StartVoteDialog doc={doc} onClose={() => setStarting(false)} />}
    </>
  );
}
