/** The tabs that switch between a workshop's boards (from its template), and the board shown. */
import { Suspense, useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopTemplate } from '@shared/domain/workshop';
import { templateOf } from '@shared/templates/templates';
import type { BoardViewProps } from '@client/boards/boardView';
import { useRoom } from '@client/connection/control';
import { FollowToggle } from '@client/facilitation/FollowMe';
import { LockBanner, LockMenu, TabLockIcon, useLockedForMe } from '@client/facilitation/Locks';
import { VoteMenu } from '@client/facilitation/voting/VoteMenu';
import { BreakoutsMenu } from '@client/facilitation/breakouts/BreakoutsMenu';
import { PrivateWritingMenu } from '@client/facilitation/private-writing/PrivateWritingMenu';
import { BOARD_VIEWS } from '@client/boards/registry';
import { useActiveBoard, useWorkshopStore } from '@client/store/workshopStore';

export function BoardTabs({ template }: { template: WorkshopTemplate }) {
  const { t } = useTranslation();
  const boards = templateOf(template).boards;
  const active = useActiveBoard(template);
  const showBoard = useWorkshopStore((s) => s.showBoard);
  const { role, archived } = useRoom();
  const facilitator = role === 'facilitator';

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = boards.indexOf(active);
    const next =
      boards[(index + (event.key === 'ArrowRight' ? 1 : boards.length - 1)) % boards.length]!;
    showBoard(next);
    document.getElementById(`board-tab-${next}`)?.focus();
  };

  // The active tab scrolls into its strip (phones show a few tabs at a time), never the page.
  useEffect(() => {
    const tab = document.getElementById(`board-tab-${active}`);
    const strip = tab?.parentElement;
    if (!tab || !strip || strip.scrollWidth <= strip.clientWidth) return;
    const left = tab.offsetLeft - strip.offsetLeft;
    if (left < strip.scrollLeft) strip.scrollLeft = left - 8;
    else if (left + tab.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = left + tab.offsetWidth - strip.clientWidth + 8;
    }
  }, [active]);

  if (boards.length < 2 && !facilitator) return null;
  return (
    <div className="board-tabs-row">
      {/* The landmark holds the tablist: a role on the nav itself would remove the landmark. */}
      <nav className="board-tabs-nav" aria-label={t('boards.tabsLabel')}>
        <div
          className="board-tabs"
          role="tablist"
          aria-label={t('boards.tabsLabel')}
          onKeyDown={onKeyDown}
        >
          {boards.map((board) => (
            <button
              key={board}
              id={`board-tab-${board}`}
              type="button"
              role="tab"
              aria-selected={board === active}
              aria-controls="board-panel"
              tabIndex={board === active ? 0 : -1}
              className="board-tabs__tab"
              data-testid={`board-tab-${board}`}
              onClick={() => showBoard(board)}
            >
              {t(`boards.names.${board}`)}
              <TabLockIcon board={board} />
            </button>
          ))}
        </div>
      </nav>
      {facilitator && (
        <div className="board-tabs-row__tools">
          {/* An archived workshop starts nothing new (the server refuses it too). */}
          {!archived && <BreakoutsMenu />}
          {!archived && <PrivateWritingMenu />}
          <VoteMenu />
          <LockMenu />
          <FollowToggle />
        </div>
      )}
    </div>
  );
}

export function ActiveBoard({
  template,
  ...props
}: BoardViewProps & { template: WorkshopTemplate }) {
  const { t } = useTranslation();
  const active = useActiveBoard(template);
  const View = BOARD_VIEWS[active];
  const locked = useLockedForMe(active);
  return (
    <div
      id="board-panel"
      role="tabpanel"
      aria-labelledby={`board-tab-${active}`}
      className="board-panel"
    >
      <LockBanner board={active} />
      <Suspense fallback={<div className="board-panel__loading">{t('boards.loading')}</div>}>
        <View {...props} canEdit={props.canEdit && !locked} />
      </Suspense>
    </div>
  );
}
