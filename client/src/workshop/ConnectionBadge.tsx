import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '@client/sync/workshopSync';

const HINTS = {
  connected: 'connection.connectedHint',
  connecting: 'connection.connectingHint',
  reconnecting: 'connection.reconnectingHint',
  offline: 'connection.offlineHint',
} as const;

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`connection connection--${status}`}
      data-testid="connection-status"
      data-status={status}
      title={t(HINTS[status])}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{t(`connection.${status}`)}</span>
    </span>
  );
}
