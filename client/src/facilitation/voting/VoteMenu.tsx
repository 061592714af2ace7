/**
 * The facilitator's voting control beside the locks: start a vote, and reopen the results of any
 * vote revealed so far. A running vote is steered from the vote bar.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePopover } from '../usePopover';
import { StartVoteDialog } from './StartVoteDialog';
import { useCurrentVote, useVoteResults, useWorkshopDoc } from './useVoting';
import { useVotingUi } from './votingUi';
import { VoteIcon } from './VoteIcon';

export function VoteMenu() {
  const { t } = useTranslation();
  const doc = useWorkshopDoc();
  const vote = useCurrentVote();
  const results = useVoteResults(doc);
  const showResults = useVotingUi((s) => s.showResults);
  const popover = usePopover();
  const titleId = useId();
  const [starting, setStarting] = useState(false);
  const running = !!vote && vote.status !== 'revealed';

  return (
    <div className="share-anchor" ref={popover.anchorRef}>
      <button
        type="button"
        className={running ? 'tab-tool is-active' : 'tab-tool'}
        aria-expanded={popover.open}
        aria-haspopup="dialog"
        title={t('voting.menu.hint')}
        data-testid="vote-menu"
        onClick={popover.toggle}
      >
        <VoteIcon />
        <span className="tab-tool__label">{t('voting.menu.button')}</span>
      </button>
      {popover.open && (
        <div
          className="popover vote-menu"
          role="dialog"
          aria-labelledby={titleId}
          data-testid="vote-menu-panel"
        >
          <div className="popover__header">
            <h2 id={titleId}>{t('voting.menu.title')}</h2>
          </div>
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
                popover.close();
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
                        popover.close();
                        showResults(result.voteId);
                      }}
                    >
                      <span className="vote-menu__result-title">{title}</span>
                      <span className="muted">
                        {new Date(result.revealedAt).toLocaleString([], {
                          dateStyle: 'short',
                          timeStyle: 'short',
                        })}{' '}
                        · {t('voting.menu.voters', { count: result.voters })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {starting && doc && <StartVoteDialog doc={doc} onClose={() => setStarting(false)} />}
    </div>
  );
}
