/**
 * Locks: the facilitator locks one board or the whole workshop; everyone sees it on the tabs and in
 * a banner over the board; participants' editing is off there (the server drops their updates too).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBoardLocked } from '@shared/control/state';
import { templateOf, type BoardKind } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import type { ChangeRefusal } from '@client/sync/workshopSync';
import { useControl, useControlState, useRoom } from '@client/connection/control';
import { BoardToolMenu } from './BoardToolMenu';
import '@client/styles/facilitation.css';

/** Whether participants cannot edit `board` now. */
export function useBoardLocked(board: BoardKind): boolean {
  const state = useControlState();
  return state ? isBoardLocked(state, board) : false;
}

/** Whether this person may not edit `board` because of a lock (facilitators never are). */
export function useLockedForMe(board: BoardKind): boolean {
  const { role } = useRoom();
  return useBoardLocked(board) && role === 'participant';
}

export function TabLockIcon({ board }: { board: BoardKind }) {
  const { t } = useTranslation();
  if (!useBoardLocked(board)) return null;
  return (
    <span
      className="tab-lock"
      data-testid={`tab-lock-${board}`}
      title={t('facilitation.lock.locked')}
    >
      <Icon name="lock" size={13} />
      <span className="visually-hidden"> ({t('facilitation.lock.locked')})</span>
    </span>
  );
}

export function LockBanner({ board }: { board: BoardKind }) {
  const { t } = useTranslation();
  const state = useControlState();
  const { role } = useRoom();
  if (!state || !isBoardLocked(state, board)) return null;
  const text =
    role === 'facilitator'
      ? t('facilitation.lock.bannerFacilitator')
      : state.locks.workshop
        ? t('facilitation.lock.bannerWorkshop')
        : t('facilitation.lock.banner');
  return (
    <div className="lock-banner" role="status" data-testid="lock-banner">
      <Icon name="lock" size={16} />
      {text}
    </div>
  );
}

/** Facilitator: lock or unlock each board and the whole workshop. */
export function LockMenu() {
  const { t } = useTranslation();
  const control = useControl();
  const state = useControlState();
  const { template } = useRoom();
  const boards = templateOf(template).boards;
  const anyLocked = !!state && (state.locks.workshop || state.locks.boards.length > 0);
  const set = (target: BoardKind | 'workshop', locked: boolean) =>
    void control?.send({ type: 'lock:set', target, locked });
  return (
    <BoardToolMenu
      icon={<Icon name={anyLocked ? 'lock' : 'unlock'} size={16} />}
      label={t('facilitation.lock.menu')}
      active={anyLocked}
      testId="lock-menu"
      panelClassName="lock-menu"
    >
      {() => (
        <>
          <p className="popover__intro">{t('facilitation.lock.intro')}</p>
          <div className="agenda__toggles">
            {boards.map((board) => (
              <label key={board} className="agenda__toggle">
                <input
                  type="checkbox"
                  checked={state?.locks.boards.includes(board) ?? false}
                  data-testid={`lock-board-${board}`}
                  onChange={(e) => set(board, e.target.checked)}
                />
                <Icon name="lock" size={14} />
                {t(`boards.names.${board}`)}
              </label>
            ))}
            <label className="agenda__toggle agenda__toggle--strong">
              <input
                type="checkbox"
                checked={state?.locks.workshop ?? false}
                data-testid="lock-menu-workshop"
                onChange={(e) => set('workshop', e.target.checked)}
              />
              {t('facilitation.lock.lockWorkshop')}
            </label>
          </div>
        </>
      )}
    </BoardToolMenu>
  );
}

const REFUSED_KEY = 'transforma-lock-refused-';

/** Remembers, across the reload that resyncs the doc, that a change was refused, and why. */
export function rememberLockRefusal(workshopId: string, why: ChangeRefusal): void {
  try {
    sessionStorage.setItem(REFUSED_KEY + workshopId, why);
  } catch {
    // No storage: the reload happens anyway.
  }
}

/** After that reload: tells the person their last change was not saved. */
export function LockRefusedNotice({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<ChangeRefusal | null>(() => {
    try {
      const why = sessionStorage.getItem(REFUSED_KEY + workshopId);
      // '1' was written before the workshop-full refusal existed.
      return why === 'full' ? 'full' : why === 'locked' || why === '1' ? 'locked' : null;
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (!shown) return;
    try {
      sessionStorage.removeItem(REFUSED_KEY + workshopId);
    } catch {
      // Nothing to clean.
    }
    const timer = setTimeout(() => setShown(null), 12_000);
    return () => clearTimeout(timer);
  }, [shown, workshopId]);
  if (!shown) return null;
  return (
    <div className="lock-refused" role="alert" data-testid="lock-refused">
      <Icon name="alert" size={16} />
      <span>{t(shown === 'full' ? 'facilitation.lock.full' : 'facilitation.lock.refused')}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('facilitation.lock.dismiss')}
        onClick={() => setShown(null)}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
