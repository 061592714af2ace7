/**
 * What a screen-reader user must hear without looking: a phase starts or ends, the timer runs
 * out, a vote opens or its results are revealed, the connection drops or comes back. Two
 * visually hidden live regions (polite; assertive for a lost connection) say each change once; what
 * was already so when the page opened is not announced.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timerRemainingMs } from '@shared/control/timer';
import { useControlState, useServerClock } from '@client/connection/control';
import { currentPhase } from '@client/facilitation/AgendaPanel';
import { phaseLabel } from '@client/facilitation/format';
import type { ConnectionStatus } from '@client/sync/workshopSync';

/** Says `message` in the region: cleared first, so the same words twice are said twice. */
function useLiveText(): [string, (message: string) => void] {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  const say = (message: string) => {
    setText('');
    clearTimeout(timer.current ?? undefined);
    timer.current = setTimeout(() => setText(message), 50);
  };
  return [text, say];
}

export function Announcer({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  const state = useControlState();
  const [polite, sayPolite] = useLiveText();
  const [assertive, sayAssertive] = useLiveText();

  const phase = currentPhase(state);
  const phaseId = state ? (phase?.id ?? '') : null;
  const phaseName = phase ? phaseLabel(t, phase.name) : '';
  const lastPhase = useRef<string | null>(null);
  useEffect(() => {
    if (phaseId === null) return;
    const before = lastPhase.current;
    lastPhase.current = phaseId;
    if (before === null || before === phaseId) return;
    sayPolite(
      phaseId
        ? t('facilitation.announce.phaseStarted', { name: phaseName })
        : t('facilitation.announce.phaseEnded'),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- said when the phase changes only
  }, [phaseId]);

  const timer = state?.timer;
  const now = useServerClock(timer?.status === 'running', 500);
  const timeUp = !!timer && timer.status === 'running' && timerRemainingMs(timer, now) <= 0;
  const wasUp = useRef<boolean | null>(null);
  useEffect(() => {
    if (!state) return;
    if (wasUp.current === false && timeUp) sayPolite(t('facilitation.announce.timeUp'));
    wasUp.current = timeUp;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- said when the time runs out only
  }, [timeUp, !!state]);

  const vote = state?.vote ?? null;
  const voteKey = vote ? `${vote.id}:${vote.status}` : state ? '' : null;
  const lastVote = useRef<string | null>(null);
  useEffect(() => {
    if (voteKey === null) return;
    const before = lastVote.current;
    lastVote.current = voteKey;
    if (before === null || before === voteKey || !vote) return;
    if (vote.status === 'open' && !before.startsWith(`${vote.id}:`)) {
      sayPolite(t('facilitation.announce.voteOpened', { title: vote.title }));
    } else if (vote.status === 'revealed') {
      sayPolite(t('facilitation.announce.voteRevealed', { title: vote.title }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- said when the vote changes only
  }, [voteKey]);

  const lost = status === 'offline' || status === 'reconnecting';
  const wasLost = useRef(false);
  const seenConnected = useRef(false);
  useEffect(() => {
    if (status === 'connected') {
      if (wasLost.current) sayAssertive(t('facilitation.announce.connectionBack'));
      wasLost.current = false;
      seenConnected.current = true;
    } else if (lost && seenConnected.current && !wasLost.current) {
      wasLost.current = true;
      sayAssertive(t('facilitation.announce.connectionLost'));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- said when the status changes only
  }, [status]);

  return (
    <div className="visually-hidden" data-testid="announcer">
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="announcer-polite">
        {polite}
      </div>
      <div role="alert" aria-live="assertive" aria-atomic="true" data-testid="announcer-assertive">
        {assertive}
      </div>
    </div>
  );
}
