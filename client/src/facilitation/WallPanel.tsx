/**
 * The wall screen's side panel, for the room: the current phase in large type, the big timer, and
 * (when the facilitator shows it) a QR code with a short link to join.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useControlState } from './control';
import { currentPhase } from './AgendaPanel';
import { phaseLabel } from './format';
import { TimerDisplay, useTimerView } from './TimerWidget';
import '../styles/facilitation.css';

/** The link without its scheme: what people can read and type. */
export function readableLink(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host + parsed.pathname + parsed.hash;
  } catch {
    return url;
  }
}

function JoinCode({ url }: { url: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    import('qrcode')
      .then((qr) => qr.toDataURL(url, { margin: 1, width: 480, errorCorrectionLevel: 'M' }))
      .then((data) => {
        if (!cancelled) setSrc(data);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <figure className="wall-join" data-testid="wall-join">
      {src && (
        <img
          className="wall-join__qr"
          src={src}
          alt={t('facilitation.wall.qrAlt')}
          data-testid="wall-qr"
        />
      )}
      <figcaption>
        <strong>{t('facilitation.wall.scanToJoin')}</strong>
        <span className="wall-join__link" data-testid="wall-join-link">
          {readableLink(url)}
        </span>
      </figcaption>
    </figure>
  );
}

export function WallPanel() {
  const { t } = useTranslation();
  const state = useControlState();
  const view = useTimerView();
  const phase = currentPhase(state);
  const joinUrl = state?.wall.joinUrl ?? null;
  return (
    <aside
      className="wall-panel"
      aria-label={t('facilitation.wall.title')}
      data-testid="wall-panel"
    >
      <div className="wall-panel__phase">
        <span className="wall-panel__label">{t('facilitation.wall.phaseLabel')}</span>
        <p className="wall-panel__name" data-testid="wall-phase">
          {phase ? phaseLabel(t, phase.name) : t('facilitation.phase.none')}
        </p>
      </div>
      {view.timer.status !== 'idle' && <TimerDisplay view={view} wall />}
      {joinUrl && <JoinCode url={joinUrl} />}
    </aside>
  );
}

/** The wall screen's layout: the live board beside the panel; cursors hidden when asked. */
export function WallFrame({ children }: { children: ReactNode }) {
  const showCursors = useControlState()?.wall.showCursors ?? true;
  return (
    <div
      className={showCursors ? 'wall' : 'wall wall--no-cursors'}
      data-testid="wall"
      data-cursors={showCursors ? 'shown' : 'hidden'}
    >
      <div className="wall__board">{children}</div>
      <WallPanel />
    </div>
  );
}
