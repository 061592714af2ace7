/**
 * The wall screen's side panel, for the room: the current phase in large type, the big timer, and
 * (when the facilitator shows it) a QR code with a short link to join.
 */
import { isValidElement, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useControlState } from './control';
import { currentPhase } from './AgendaPanel';
import { phaseLabel } from './format';
import { TimerDisplay, useTimerView } from './TimerWidget';
import { useWallAutoFit } from './WallAutoFit';
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

/** The doc the board shows: given, or read from the board element's own props. */
function docOf(children: ReactNode): Y.Doc | null {
  if (!isValidElement<{ doc?: Y.Doc }>(children)) return null;
  return children.props.doc ?? null;
}

/**
 * The wall screen's layout: the live board (a presentation: large type, no editing chrome, fitted
 * to its content) beside the panel; cursors hidden when asked.
 */
export function WallFrame({ children, doc }: { children: ReactNode; doc?: Y.Doc | null }) {
  const showCursors = useControlState()?.wall.showCursors ?? true;
  const boardRef = useRef<HTMLDivElement>(null);
  useWallAutoFit(boardRef, doc ?? docOf(children));
  return (
    <div
      className={showCursors ? 'wall' : 'wall wall--no-cursors'}
      data-testid="wall"
      data-cursors={showCursors ? 'shown' : 'hidden'}
    >
      <div className="wall__board" ref={boardRef}>
        {children}
      </div>
      <WallPanel />
    </div>
  );
}
