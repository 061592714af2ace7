/**
 * The action table: a virtualised grid (only the rows on screen are in the DOM, so 2,000 actions
 * scroll smoothly), sortable by any column, optionally grouped by transformative activity, with
 * Airtable-like inline editing: click a cell or press Enter to edit, Escape cancels, Enter saves,
 * Tab saves and moves to the next cell; arrow keys move between cells.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

import type { Action } from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import {
  activityLabel,
  COLUMNS,
  ROW_HEADER_WIDTH,
  TABLE_WIDTH,
  writeField,
  type ColumnKey,
  type FieldValue,
  type WriteError,
} from './actionFields';
import type { SortState, TableRow } from './actionFilters';
import type { ActionListSnapshot } from './actionStore';
import { moveInGrid } from '@client/ui/gridNavigation';
import { ActionRow, GroupRow, type ActiveCell, type CommitThen } from './ActionTableRows';

const ROW_HEIGHT = 40;
const GROUP_HEIGHT = 44;
const HEADER_HEIGHT = 40;

export type { ActiveCell } from './ActionTableRows';
interface ActionTableProps {
  doc: Y.Doc;
  snapshot: ActionListSnapshot;
  rows: TableRow[];
  regions: Region[];
  canEdit: boolean;
  sort: SortState | null;
  onSort: (key: ColumnKey) => void;
  onOpenDetails: (actionId: string) => void;
  onAddToActivity: (activityId: string) => void;
  /** Set to start editing a cell (a new action's title); cleared by onEditRequestDone. */
  editRequest: ActiveCell | null;
  onEditRequestDone: () => void;
}

export function ActionTable(props: ActionTableProps) {
  const { doc, snapshot, rows, regions, canEdit, sort, onSort } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [editing, setEditing] = useState<{ initial?: string } | null>(null);
  const [error, setError] = useState<{ cell: ActiveCell; error: WriteError } | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => {
      const row = rows[i]!;
      return row.kind === 'group' ? `g:${row.activityId}` : row.action.id;
    },
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  // Row positions change with grouping and filters: measure again.
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [rows, virtualizer]);

  const actionRows = useRef<{ ids: string[]; index: Map<string, number> }>({
    ids: [],
    index: new Map(),
  });
  const rowIndex = useRef(new Map<string, number>());
  {
    const ids: string[] = [];
    const index = new Map<string, number>();
    const all = new Map<string, number>();
    rows.forEach((row, i) => {
      if (row.kind !== 'action') return;
      index.set(row.action.id, ids.length);
      all.set(row.action.id, i);
      ids.push(row.action.id);
    });
    actionRows.current = { ids, index };
    rowIndex.current = all;
  }

  const actionOf = useCallback(
    (id: string): Action | undefined => {
      const i = rowIndex.current.get(id);
      const row = i === undefined ? undefined : rows[i];
      return row?.kind === 'action' ? row.action : undefined;
    },
    [rows],
  );

  /** One step from `cell` (Tab-like when `wrap`: past a row's end to the next row), by moveInGrid. */
  const move = useCallback(
    (cell: ActiveCell, dRow: number, dCol: number, wrap = false): ActiveCell | null => {
      const { ids, index } = actionRows.current;
      const from = {
        row: index.get(cell.rowId) ?? 0,
        column: COLUMNS.findIndex((col) => col.key === cell.column),
      };
      const key = wrap
        ? { key: 'Tab', shiftKey: dCol < 0 }
        : {
            key:
              dRow > 0 ? 'ArrowDown' : dRow < 0 ? 'ArrowUp' : dCol > 0 ? 'ArrowRight' : 'ArrowLeft',
          };
      const to = moveInGrid(from, key, {
        rows: ids.length,
        columns: COLUMNS.length,
        tabMoves: true,
      });
      return to ? { rowId: ids[to.row]!, column: COLUMNS[to.column]!.key } : null;
    },
    [],
  );

  const select = useCallback(
    (cell: ActiveCell | null) => {
      setActive(cell);
      if (cell) {
        const i = rowIndex.current.get(cell.rowId);
        if (i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
      }
    },
    [virtualizer],
  );

  // A new action: edit its title.
  const { editRequest, onEditRequestDone } = props;
  useEffect(() => {
    if (!editRequest || !rowIndex.current.has(editRequest.rowId)) return;
    select(editRequest);
    setEditing(canEdit ? {} : null);
    onEditRequestDone();
  }, [editRequest, rows, select, canEdit, onEditRequestDone]);

  // The active row vanished (deleted, filtered out): nothing is active.
  useEffect(() => {
    if (active && !rowIndex.current.has(active.rowId)) {
      setActive(null);
      setEditing(null);
    }
  }, [rows, active]);

  const editable = (column: ColumnKey) =>
    canEdit && COLUMNS.find((c) => c.key === column)?.editor !== 'none';

  const startEditing = useCallback(
    (cell: ActiveCell, initial?: string) => {
      setError(null);
      select(cell);
      const column = COLUMNS.find((c) => c.key === cell.column);
      if (!canEdit || !column || column.editor === 'none') {
        if (cell.column === 'indicators') props.onOpenDetails(cell.rowId);
        return;
      }
      setEditing({ initial });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [select, canEdit, props.onOpenDetails],
  );

  /** Saves an edited value; false (editor stays open) when the value is refused. */
  const commit = useCallback(
    (cell: ActiveCell, value: FieldValue, then: CommitThen): boolean => {
      const action = actionOf(cell.rowId);
      if (action) {
        const problem = writeField(doc, action, cell.column, value);
        if (problem) {
          setError({ cell, error: problem });
          return false;
        }
      }
      setError(null);
      if (then === 'keep') return true;
      if (then === 'stay') {
        setEditing(null);
        focusGrid(gridRef.current);
        return true;
      }
      const next =
        then === 'down' ? move(cell, 1, 0) : move(cell, 0, then === 'next' ? 1 : -1, true);
      if (next) {
        select(next);
        setEditing(then !== 'down' && editable(next.column) ? {} : null);
      } else setEditing(null);
      if (then === 'down' || !next || !editable(next.column)) focusGrid(gridRef.current);
      return true;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [actionOf, doc, move, select, canEdit],
  );

  const cancel = useCallback(() => {
    setEditing(null);
    setError(null);
    focusGrid(gridRef.current);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !active) return;
    if ((event.target as HTMLElement).closest('button, a, input, select')) return;
    const go = (dRow: number, dCol: number, wrap = false) => {
      const next = move(active, dRow, dCol, wrap);
      if (next) {
        event.preventDefault();
        select(next);
      }
      return next;
    };
    switch (event.key) {
      case 'ArrowDown':
        go(1, 0);
        return;
      case 'ArrowUp':
        go(-1, 0);
        return;
      case 'ArrowRight':
        go(0, 1);
        return;
      case 'ArrowLeft':
        go(0, -1);
        return;
      case 'Tab':
        go(0, event.shiftKey ? -1 : 1, true);
        return;
      case 'Enter':
      case 'F2':
        event.preventDefault();
        startEditing(active);
        return;
      case ' ':
        if (event.shiftKey) {
          event.preventDefault();
          props.onOpenDetails(active.rowId);
        }
        return;
      case 'Delete':
      case 'Backspace': {
        const column = COLUMNS.find((c) => c.key === active.column);
        if (!canEdit || !column || !['text', 'budget', 'list', 'date'].includes(column.editor))
          return;
        if (active.column === 'title') return;
        event.preventDefault();
        const action = actionOf(active.rowId);
        if (action)
          writeField(
            doc,
            action,
            active.column,
            column.editor === 'budget' ? null : column.editor === 'list' ? [] : '',
          );
        return;
      }
      default: {
        const column = COLUMNS.find((c) => c.key === active.column);
        const typing = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
        if (typing && canEdit && column && ['text', 'budget', 'list'].includes(column.editor)) {
          event.preventDefault();
          startEditing(active, event.key);
        }
      }
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="action-table" data-testid="action-table">
      <div className="action-table__scroll" ref={scrollRef}>
        <div
          ref={gridRef}
          role="grid"
          aria-label={t('actionList.grid')}
          aria-rowcount={actionRows.current.ids.length + 1}
          aria-colcount={COLUMNS.length + 1}
          aria-readonly={!canEdit || undefined}
          aria-describedby={canEdit ? 'action-table-hint' : undefined}
          className="action-table__grid"
          style={{ width: TABLE_WIDTH, height: virtualizer.getTotalSize() + HEADER_HEIGHT }}
          onKeyDown={onKeyDown}
        >
          <div className="action-table__header" role="row" aria-rowindex={1}>
            <div
              className="action-table__corner"
              role="columnheader"
              style={{ width: ROW_HEADER_WIDTH }}
            >
              <span className="visually-hidden">{t('actionList.detail.label')}</span>
            </div>
            {COLUMNS.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : null;
              return (
                <div
                  key={column.key}
                  role="columnheader"
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                  }
                  className={`action-table__th action-table__th--${column.key}`}
                  style={{ width: column.width }}
                >
                  <button
                    type="button"
                    className="action-table__sort"
                    data-testid={`sort-${column.key}`}
                    title={t('actionList.sortBy', { column: t(`actionList.column.${column.key}`) })}
                    onClick={() => onSort(column.key)}
                  >
                    <span>{t(`actionList.column.${column.key}`)}</span>
                    <span className="action-table__sort-mark" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
          {items.map((item) => {
            const row = rows[item.index]!;
            const style = { transform: `translateY(${item.start + HEADER_HEIGHT}px)` };
            if (row.kind === 'group') {
              return (
                <GroupRow
                  key={item.key}
                  doc={doc}
                  snapshot={snapshot}
                  activityId={row.activityId}
                  count={row.count}
                  canEdit={canEdit}
                  style={style}
                  onAdd={props.onAddToActivity}
                />
              );
            }
            const isActive = active?.rowId === row.action.id;
            return (
              <ActionRow
                key={item.key}
                doc={doc}
                action={row.action}
                activity={activityLabel(doc, snapshot, row.action.activityId)}
                snapshot={snapshot}
                regions={regions}
                ariaRowIndex={(actionRows.current.index.get(row.action.id) ?? 0) + 2}
                activeColumn={isActive ? active.column : null}
                editing={isActive ? editing : null}
                error={isActive && error?.cell.rowId === row.action.id ? error : null}
                canEdit={canEdit}
                style={style}
                onStartEditing={startEditing}
                onSelect={select}
                onCommit={commit}
                onCancel={cancel}
                onOpenDetails={props.onOpenDetails}
              />
            );
          })}
        </div>
      </div>
      {canEdit && (
        <p id="action-table-hint" className="visually-hidden">
          {t('actionList.cellHint')}
        </p>
      )}
    </div>
  );
}

function focusGrid(grid: HTMLDivElement | null) {
  // After React has rendered the cell as active again.
  requestAnimationFrame(() => {
    const cell = grid?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]');
    cell?.focus({ preventScroll: true });
  });
}
