/**
 * The wall screen's side panel, for the room: the current phase in large type, the big timer, and
 * (when the facilitator shows it) a QR code with a short link to join.
 */
import { isValidElement, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useControlState } from '@client/connection/control';
import { currentPhase } from './AgendaPanel';
import { phaseLabel } from './format';
import { TimerDisplay, useTimerView } from './TimerWidget';
import { useWallAutoFit, useWallFitStore } from './WallAutoFit';
import { useWorkshopStore } from '@client/store/workshopStore';
import '@client/styles/facilitation.css';

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

/** Whether the wall's side panel has anything to show: otherwise the board takes the whole wall. */
export function useWallPanelShown(): boolean {
  const state = useControlState();
  const view = useTimerView();
  if (!state) return false;
  return (
    currentPhase(state) !== null ||
    view.timer.status !== 'idle' ||
    state.wall.joinUrl !== null ||
    state.vote !== null ||
    state.privateRound?.status === 'open'
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
/** Fits the wall again and resumes auto-fit; stands out while auto-fit is paused. */
function WallFitButton() {
  const { t } = useTranslation();
  const paused = useWallFitStore((s) => s.paused);
  const board = useWorkshopStore((s) => s.activeBoard);
  // Only the free boards are fitted; the others lay themselves out.
  if (board !== 'notes' && board !== 'opportunity-board') return null;
  return (
    <button
      type="button"
      className={paused ? 'wall-fit wall-fit--paused' : 'wall-fit'}
      onClick={() => useWallFitStore.getState().fitNow()}
      title={t('facilitation.wall.fitHint')}
      aria-keyshortcuts="F"
      data-testid="wall-fit"
      data-paused={paused}
    >
      {paused ? t('facilitation.wall.fitPaused') : t('facilitation.wall.fit')}
    </button>
  );
}

export function WallFrame({ children, doc }: { children: ReactNode; doc?: Y.Doc | null }) {
  const showCursors = useControlState()?.wall.showCursors ?? true;
  const boardRef = useRef<HTMLDivElement>(null);
  const panelShown = useWallPanelShown();
  useWallAutoFit(boardRef, doc ?? docOf(children));
  const classes = ['wall', !showCursors && 'wall--no-cursors', !panelShown && 'wall--no-panel']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid="wall" data-cursors={showCursors ? 'shown' : 'hidden'}>
      <div className="wall__board" ref={boardRef}>
        {children}
        <WallFitButton />
      </div>
      {panelShown && <WallPanel />}
    </div>
  );
}
