/**
 * Raise / lower your hand (top bar, everyone who joined). The button answers at once; the server's
 * list confirms, and a refusal puts it back and says why.
 */
import { Icon } from '@client/ui/Icon';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '@shared/domain/identity';
import { useParticipants, usePeopleChannel } from '@client/connection/usePeople';
import { serverErrorText } from '@client/connection/api/serverErrorText';

export function HandButton({ identityId }: { identityId: string }) {
  const { t } = useTranslation();
  const channel = usePeopleChannel();
  const participants = useParticipants();
  const confirmed = participants?.find((p) => p.id === identityId)?.handRaisedAt != null;
  // What was clicked, shown until the server sends its next list (which has the change).
  const [pending, setPending] = useState<{ raised: boolean; list: Participant[] | null } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const raised = pending && pending.list === participants ? pending.raised : confirmed;

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), 5000);
    return () => clearTimeout(timer);
  }, [error]);

  const toggle = () => {
    if (!channel) return;
    const next = !raised;
    setPending({ raised: next, list: participants });
    setError(null);
    void channel.setHand(next).then((ack) => {
      if (ack.ok) return;
      setPending(null);
      setError(t('people.hand.failed', { error: serverErrorText(t, ack) }));
    });
  };

  const label = raised ? t('people.hand.lower') : t('people.hand.raise');
  return (
    <span className="hand-anchor">
      <button
        type="button"
        className={raised ? 'hand-button hand-button--raised' : 'hand-button'}
        data-testid="hand-toggle"
        data-raised={raised}
        aria-pressed={raised}
        aria-label={label}
        title={label}
        disabled={!channel}
        onClick={toggle}
      >
        <Icon name="hand" size={18} />
      </button>
      {error && (
        <span className="hand-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
