/** The tabs that switch between a workshop's boards (from its template), and the board shown. */
import { Suspense, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopTemplate } from '../../../shared/domain/workshop';
import { templateOf, type BoardKind } from '../../../shared/templates/templates';
import type { BoardViewProps } from '../boards/boardView';
import { useRoom } from '../facilitation/control';
import { FollowToggle } from '../facilitation/FollowMe';
import { LockBanner, LockMenu, TabLockIcon, useLockedForMe } from '../facilitation/Locks';
import { VoteMenu } from '../facilitation/voting/VoteMenu';
import { BreakoutsMenu } from '../facilitation/breakouts/BreakoutsMenu';
import { PrivateWritingMenu } from '../facilitation/private-writing/PrivateWritingMenu';
import { BOARD_VIEWS } from '../boards/registry';
import { useWorkshopStore } from '../store/workshopStore';

export function useActiveBoard(template: WorkshopTemplate): BoardKind {
  const boards = templateOf(template).boards;
  const active = useWorkshopStore((s) => s.activeBoard);
  return active && boards.includes(active) ? active : boards[0]!;
}

export function BoardTabs({ template }: { template: WorkshopTemplate }) {
  const { t } = useTranslation();
  const boards = templateOf(template).boards;
  const active = useActiveBoard(template);
  const showBoard = useWorkshopStore((s) => s.showBoard);
  const facilitator = useRoom().role === 'facilitator';

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = boards.indexOf(active);
    const next =
      boards[(index + (event.key === 'ArrowRight' ? 1 : boards.length - 1)) % boards.length]!;
    showBoard(next);
    document.getElementById(`board-tab-${next}`)?.focus();
  };

  if (boards.length < 2 && !facilitator) return null;
  return (
    <div className="board-tabs-row">
      <nav
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
      </nav>
      {facilitator && (
        <div className="board-tabs-row__tools">
          <BreakoutsMenu />
          <PrivateWritingMenu />
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
