/**
 * The map: one row per region (and one for capacities without a region), one column per kind; the
 * capacities flow inside each cell. Cells render their cards in blocks, and a block off screen is a
 * placeholder until it scrolls near, so a board of thousands of capacities opens fast.
 * Dragging a card to another cell changes its region and kind.
 */
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { createCapacity, updateCapacity } from '@shared/doc';
import { CAPACITY_KINDS, NOT_SET, type CapacityKindOrNotSet, type Region } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { DragAndDrop, isDragging, useDropZone } from '@client/ui/dragAndDrop';
import { CapacityCard } from './CapacityCard';
import { NO_REGION_ROW, useCell, useSummary } from './capacityIndex';
import { cellZoneId, focusCardOnMount, useCapacityMap } from './capacityMapContext';
import { NO_REGION_FILTER, NOT_SET_FILTER, useCapacityMapStore } from './capacityMapStore';
import { regionColor } from './visuals';

/** Cards per lazily rendered block. */
const BLOCK = 24;
/** Placeholder height of one card not yet rendered (px, with the gap). */
const ESTIMATED_CARD = 92;
/** Render blocks this far outside the visible area (px). */
const MARGIN = 900;

const ScrollRoot = createContext<HTMLElement | null>(null);

export interface GridRow {
  key: string;
  region: Region | null;
  color: string | null;
}

/** The grid is one drag and drop area: cards are dragged from cell to cell. */
export function CapacityGrid({ regions }: { regions: Region[] }) {
  return (
    <DragAndDrop>
      <GridView regions={regions} />
    </DragAndDrop>
  );
}

function GridView({ regions }: { regions: Region[] }) {
  const { t } = useTranslation();
  const { doc, index, canEdit, deleteCapacity } = useCapacityMap();
  const filters = useCapacityMapStore((s) => s.filters);
  const { kindNotSet } = useSummary(index);
  const [root, setRoot] = useState<HTMLElement | null>(null);

  const allRows: GridRow[] = [
    ...regions.map((region, i) => ({ key: region.id, region, color: regionColor(i) })),
    { key: NO_REGION_ROW, region: null, color: null },
  ];
  const rows = filters.regionId
    ? allRows.filter(
        (r) => r.key === (filters.regionId === NO_REGION_FILTER ? NO_REGION_ROW : filters.regionId),
      )
    : allRows;
  // Capacities nobody gave a kind get their own column, only while there are some (never "Other").
  const kinds: CapacityKindOrNotSet[] =
    filters.kind === NOT_SET_FILTER
      ? [NOT_SET]
      : filters.kind
        ? [filters.kind]
        : kindNotSet > 0
          ? [...CAPACITY_KINDS, NOT_SET]
          : [...CAPACITY_KINDS];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // A card being dragged from the keyboard (Space picks it up) takes the keys.
    if (isDragging() || event.isDefaultPrevented()) return;
    const target = event.target as HTMLElement;
    const id = target.dataset.capacityId;
    if (!id || !target.matches('[data-testid="capacity-card"]')) return;
    if (event.key === 'Enter' || event.key === ' ') {
      // Opened from the keyboard: the focus goes into the panel (Escape brings it back).
      event.preventDefault();
      useCapacityMapStore.getState().open(id, true);
      return;
    }
    if (event.key === 'Escape' && useCapacityMapStore.getState().openId) {
      event.preventDefault();
      useCapacityMapStore.getState().open(null);
      return;
    }
    if (canEdit && (event.key === 'Delete' || event.key === 'Backspace')) {
      event.preventDefault();
      const next = neighbour(target, 'ArrowDown') ?? neighbour(target, 'ArrowUp');
      deleteCapacity(id);
      next?.focus();
      return;
    }
    if (!event.key.startsWith('Arrow')) return;
    event.preventDefault();
    if (event.altKey && canEdit) {
      const cell = target.closest<HTMLElement>('[data-cell-kind]');
      if (!cell) return;
      const kind = (cell.dataset.cellKind ?? NOT_SET) as CapacityKindOrNotSet;
      const rowKey = cell.dataset.cellRow ?? NO_REGION_ROW;
      const rowKeys = allRows.map((r) => r.key);
      let nextKind = kind;
      let nextRow = rowKey;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        const i =
          (kind === NOT_SET ? CAPACITY_KINDS.length : CAPACITY_KINDS.indexOf(kind)) +
          (event.key === 'ArrowRight' ? 1 : -1);
        if (i < 0 || i >= CAPACITY_KINDS.length) return;
        nextKind = CAPACITY_KINDS[i]!;
      } else {
        const i = rowKeys.indexOf(rowKey) + (event.key === 'ArrowDown' ? 1 : -1);
        if (i < 0 || i >= rowKeys.length) return;
        nextRow = rowKeys[i]!;
      }
      focusCardOnMount(id);
      updateCapacity(doc, id, { kind: nextKind, regionId: nextRow });
      return;
    }
    const next = neighbour(target, event.key as Direction);
    if (next) {
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };

  return (
    <div ref={setRoot} className="cmap-scroll" data-testid="capacity-grid" onKeyDown={onKeyDown}>
      <ScrollRoot value={root}>
        <div className="cmap-grid" style={{ '--cmap-cols': kinds.length } as CSSProperties}>
          <div className="cmap-colheads" role="presentation">
            {kinds.map((kind) => (
              <div
                key={kind || 'not-set'}
                className={`cmap-colhead${kind ? '' : ' is-not-set'}`}
                data-testid={kind ? undefined : 'kind-not-set-column'}
              >
                {kind ? t(`s3.capacityKind.${kind}`) : t('capacityMap.kindNotSet')}
              </div>
            ))}
          </div>
          {rows.map((row) => (
            <GridRowView key={row.key || 'none'} row={row} kinds={kinds} />
          ))}
        </div>
      </ScrollRoot>
    </div>
  );
}

const GridRowView = memo(function GridRowView({
  row,
  kinds,
}: {
  row: GridRow;
  kinds: CapacityKindOrNotSet[];
}) {
  const { t } = useTranslation();
  const { index } = useCapacityMap();
  const summary = useSummary(index);
  const count = summary.perRow.get(row.key) ?? 0;
  const name = row.region?.name ?? t('capacityMap.grid.noRegion');
  const details = row.region
    ? [row.region.country, row.region.nuts].filter(Boolean).join(' · ')
    : '';
  const headingId = `cmap-row-${row.key || 'none'}`;
  return (
    <section
      className={row.region ? 'cmap-row' : 'cmap-row cmap-row--none'}
      aria-labelledby={headingId}
      data-testid="capacity-row"
      data-region-id={row.key}
    >
      <header className="cmap-row__head">
        {row.color && (
          <span className="cmap-row__swatch" style={{ background: row.color }} aria-hidden="true" />
        )}
        <h3 id={headingId} className="cmap-row__name">
          {name}
        </h3>
        {details && <span className="cmap-row__details">{details}</span>}
        <span className="cmap-row__count">{t('capacityMap.grid.rowCount', { count })}</span>
      </header>
      <div className="cmap-row__cells">
        {kinds.map((kind) => (
          <Cell key={kind} rowKey={row.key} rowName={name} kind={kind} />
        ))}
      </div>
    </section>
  );
});

const Cell = memo(function Cell({
  rowKey,
  rowName,
  kind,
}: {
  rowKey: string;
  rowName: string;
  kind: CapacityKindOrNotSet;
}) {
  const { t } = useTranslation();
  const { doc, index, canEdit, user } = useCapacityMap();
  const ids = useCell(index, rowKey, kind);
  const kindName = kind ? t(`s3.capacityKind.${kind}`) : t('capacityMap.kindNotSet');

  const blocks: string[][] = [];
  for (let i = 0; i < ids.length; i += BLOCK) blocks.push(ids.slice(i, i + BLOCK));

  const cellLabel = t('capacityMap.grid.cellLabel', {
    region: rowName,
    kind: kindName,
    count: ids.length,
  });
  const drop = useDropZone({
    id: cellZoneId(rowKey, kind),
    label: cellLabel,
    disabled: !canEdit,
    onDrop: (id) => {
      updateCapacity(doc, id, { regionId: rowKey, kind });
      if (rowKey) useCapacityMapStore.getState().setLastRegionId(rowKey);
    },
  });

  const add = () => {
    const id = createCapacity(doc, { regionId: rowKey, kind, createdBy: user?.name ?? '' });
    if (rowKey) useCapacityMapStore.getState().setLastRegionId(rowKey);
    useCapacityMapStore.getState().open(id, true);
  };

  return (
    <div
      ref={drop.ref}
      className={drop.isOver ? 'cmap-cell is-drop-target' : 'cmap-cell'}
      role="group"
      aria-label={cellLabel}
      data-testid="capacity-cell"
      data-cell-row={rowKey}
      data-cell-kind={kind}
    >
      {blocks.map((block, i) => (
        <LazyBlock key={i} ids={block} rowKey={rowKey} eager={i === 0 && ids.length <= BLOCK} />
      ))}
      {canEdit && (
        <button
          type="button"
          className={ids.length === 0 ? 'cmap-cell__add is-empty-cell' : 'cmap-cell__add'}
          data-testid="capacity-cell-add"
          aria-label={t('capacityMap.grid.addIn', { region: rowName, kind: kindName })}
          title={t('capacityMap.grid.addIn', { region: rowName, kind: kindName })}
          onClick={add}
        >
          <Icon name="plus" size={14} />
          <span>{t('capacityMap.grid.add')}</span>
        </button>
      )}
    </div>
  );
});

/** A run of cards, drawn once it comes near the visible area (then kept). */
const LazyBlock = memo(function LazyBlock({
  ids,
  rowKey,
  eager,
}: {
  ids: string[];
  rowKey: string;
  eager: boolean;
}) {
  const root = useContext(ScrollRoot);
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(eager);

  // Before the first paint: draw at once what is already on screen (no placeholder flash).
  useLayoutEffect(() => {
    if (visible || !root || !ref.current) return;
    const box = ref.current.getBoundingClientRect();
    const view = root.getBoundingClientRect();
    if (box.bottom > view.top - MARGIN && box.top < view.bottom + MARGIN) setVisible(true);
  }, [visible, root]);

  useEffect(() => {
    const element = ref.current;
    if (visible || !root || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { root, rootMargin: `${MARGIN}px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible, root]);

  if (!visible) {
    return (
      <div
        ref={ref}
        className="cmap-placeholder"
        style={{ height: ids.length * ESTIMATED_CARD }}
        aria-hidden="true"
      />
    );
  }
  return (
    <>
      {ids.map((id) => (
        <CapacityCard key={id} id={id} rowKey={rowKey} />
      ))}
    </>
  );
});

type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/** The card drawn nearest to `from` in a direction (same column first), or null. */
function neighbour(from: HTMLElement, direction: Direction): HTMLElement | null {
  const grid = from.closest('.cmap-grid');
  if (!grid) return null;
  // Up and down inside a cell: the card before or after.
  if (direction === 'ArrowDown' || direction === 'ArrowUp') {
    const sibling =
      direction === 'ArrowDown' ? from.nextElementSibling : from.previousElementSibling;
    if (sibling instanceof HTMLElement && sibling.dataset.capacityId) return sibling;
  }
  const a = from.getBoundingClientRect();
  const ax = a.left + a.width / 2;
  const ay = a.top + a.height / 2;
  let best: HTMLElement | null = null;
  let bestScore = Infinity;
  for (const el of grid.querySelectorAll<HTMLElement>('[data-testid="capacity-card"]')) {
    if (el === from) continue;
    const b = el.getBoundingClientRect();
    const dx = b.left + b.width / 2 - ax;
    const dy = b.top + b.height / 2 - ay;
    let along: number;
    let across: number;
    switch (direction) {
      case 'ArrowDown':
        along = dy;
        across = dx;
        break;
      case 'ArrowUp':
        along = -dy;
        across = dx;
        break;
      case 'ArrowRight':
        along = dx;
        across = dy;
        break;
      case 'ArrowLeft':
        along = -dx;
        across = dy;
        break;
    }
    if (along <= 4) continue;
    const score = along + Math.abs(across) * 3;
    if (score < bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}
