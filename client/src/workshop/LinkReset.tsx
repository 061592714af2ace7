/**
 * Resetting a shared link, in the facilitator's share panel: for a participant or wall link that
 * reached the wrong hands, or so that a removed person's copy of it is worth nothing. The old link
 * stops working at once (whatever is still connected with it is disconnected); people who already
 * joined stay in with their own identity. The wall's join QR code moves to the new link.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SHARED_LINK_ROLES,
  type SharedLinkRole,
  type WorkshopLinks,
} from '@shared/domain/workshop';
import { rotateWorkshopLink } from '@client/connection/api/workshops';
import { useControl, useControlState } from '@client/connection/control';

interface LinkResetProps {
  workshopId: string;
  /** The facilitator link's token: the new links derive from it. */
  token: string;
  onReset: (links: WorkshopLinks) => void;
}

export function LinkReset({ workshopId, token, onReset }: LinkResetProps) {
  const { t } = useTranslation();
  const control = useControl();
  const wallJoinUrl = useControlState()?.wall.joinUrl ?? null;
  const [confirming, setConfirming] = useState<SharedLinkRole | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ role: SharedLinkRole; ok: boolean } | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const reset = (role: SharedLinkRole) => {
    setBusy(true);
    setOutcome(null);
    rotateWorkshopLink(workshopId, token, role)
      .then((links) => {
        onReset(links);
        // The wall must not keep showing a QR code that no longer lets anyone in.
        if (role === 'participant' && wallJoinUrl) {
          void control?.send({ type: 'wall:set', joinUrl: links.links.participant });
        }
        setOutcome({ role, ok: true });
      })
      .catch(() => setOutcome({ role, ok: false }))
      .finally(() => {
        setBusy(false);
        setConfirming(null);
      });
  };

  return (
    <div className="share__reset" data-testid="share-reset">
      <p className="share__reset-intro">{t('share.reset.intro')}</p>
      {confirming ? (
        <div className="share__reset-confirm" role="alert" data-testid="share-reset-confirm">
          <p>{t(`share.reset.confirm.${confirming}`)}</p>
          <div className="share__reset-actions">
            <button
              type="button"
              className="button button--ghost"
              disabled={busy}
              onClick={() => setConfirming(null)}
            >
              {t('share.reset.cancel')}
            </button>
            <button
              ref={confirmRef}
              type="button"
              className="button button--danger"
              data-testid="share-reset-confirm-button"
              disabled={busy}
              onClick={() => reset(confirming)}
            >
              {t(busy ? 'share.reset.resetting' : 'share.reset.confirmButton')}
            </button>
          </div>
        </div>
      ) : (
        <div className="share__reset-actions">
          {SHARED_LINK_ROLES.map((role) => (
            <button
              key={role}
              type="button"
              className="button button--ghost"
              data-testid={`share-reset-${role}`}
              onClick={() => setConfirming(role)}
            >
              {t(`share.reset.button.${role}`)}
            </button>
          ))}
        </div>
      )}
      <p className="share__reset-status" aria-live="polite" data-testid="share-reset-status">
        {outcome && t(outcome.ok ? `share.reset.done.${outcome.role}` : 'share.reset.failed')}
      </p>
    </div>
  );
}
