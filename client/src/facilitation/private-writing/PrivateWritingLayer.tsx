/**
 * What a private-writing round puts over the board: my ideas panel (people who write), a banner with
 * the room's progress (the wall screen), and a notice when the ideas are revealed (everyone).
 */
import { useTranslation } from 'react-i18next';
import type { PrivateRound } from '@shared/control/privateWriting';
import { Icon } from '@client/ui/Icon';
import { useRoom } from '@client/connection/control';
import { PrivateWritingPanel } from './PrivateWritingPanel';
import {
  progressText,
  useDraftProgress,
  usePrivateRound,
  useRevealNotice,
} from './usePrivateRound';
import '@client/styles/private-writing.css';

export function PrivateWritingLayer() {
  const { role } = useRoom();
  const round = usePrivateRound();
  const { notice, dismiss } = useRevealNotice(round);
  const open = round?.status === 'open' ? round : null;
  return (
    <>
      {open &&
        (role === 'projector' ? <WallBanner round={open} /> : <PrivateWritingPanel round={open} />)}
      {notice && <RevealNotice round={notice} onDismiss={dismiss} />}
    </>
  );
}

function WallBanner({ round }: { round: PrivateRound }) {
  const { t } = useTranslation();
  const progress = useDraftProgress(round);
  return (
    <div className="private-wall" role="status" data-testid="private-wall">
      <Icon name="eyeOff" size={28} />
      <div>
        <p className="private-wall__title">
          {t('privateWriting.onBoard', { board: t(`boards.names.${round.board}`) })}
        </p>
        {round.prompt && <p className="private-wall__prompt">{round.prompt}</p>}
        <p className="private-wall__progress" data-testid="private-wall-progress">
          {progress && progress.drafts > 0
            ? progressText(t, progress)
            : t('privateWriting.progressNone')}
        </p>
      </div>
    </div>
  );
}

function RevealNotice({ round, onDismiss }: { round: PrivateRound; onDismiss: () => void }) {
  const { t } = useTranslation();
  const count = round.published ?? 0;
  return (
    <div className="private-notice" role="status" data-testid="private-revealed">
      <Icon name="eye" size={16} />
      <span>
        {count > 0
          ? t('privateWriting.revealed', { count, board: t(`boards.names.${round.board}`) })
          : t('privateWriting.revealedNone')}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('privateWriting.dismiss')}
        onClick={onDismiss}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
