/**
 * The editor of one table cell, mounted only while that cell is edited. Enter saves, Escape
 * cancels, Tab / Shift+Tab save and move to the next / previous cell; leaving the cell saves.
 * A refused value (an end date before the start date) keeps the editor open with the reason.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_TITLE_MAX, type Action, type Activity } from '@shared/doc';
import { notSetOption } from '../closedLabel';
import { ACTION_STATUSES, ACTION_TYPES, FUNDING_SOURCES, type Region } from '@shared/domain/s3';
import {
  formatBudget,
  parseBudget,
  parseList,
  type ColumnKey,
  type FieldValue,
  type WriteError,
} from './actionFields';

type Then = 'stay' | 'keep' | 'next' | 'previous' | 'down';

interface CellEditorProps {
  action: Action;
  column: ColumnKey;
  /** A key typed on the selected cell: replaces the value. */
  initial?: string;
  regions: Region[];
  activities: Activity[];
  error: WriteError | null;
  onCommit: (value: FieldValue, then: Then) => boolean;
  onCancel: () => void;
}

function startText(action: Action, column: ColumnKey): string {
  switch (column) {
    case 'title':
      return action.title;
    case 'lead':
      return action.lead;
    case 'clusterService':
      return action.clusterService;
    case 'partners':
      return action.partners.join('; ');
    case 'budget':
      return action.budget == null ? '' : String(action.budget);
    case 'start':
      return action.start;
    case 'end':
      return action.end;
    default:
      return '';
  }
}

export function CellEditor(props: CellEditorProps) {
  const { action, column, error } = props;
  const { t } = useTranslation();
  const errorId = useId();
  const [text, setText] = useState(() => props.initial ?? startText(action, column));
  const [localError, setLocalError] = useState<WriteError | null>(null);
  const settled = useRef(false);
  const shown = localError ?? error;

  const value = (): FieldValue | undefined => {
    switch (column) {
      case 'budget': {
        const amount = parseBudget(text);
        if (amount !== null && !Number.isFinite(amount)) {
          setLocalError('budgetInvalid');
          return undefined;
        }
        return amount;
      }
      case 'partners':
        return parseList(text);
      default:
        return text;
    }
  };

  const commit = (then: Then, next?: FieldValue) => {
    const v = next === undefined ? value() : next;
    if (v === undefined) return false;
    setLocalError(null);
    const ok = props.onCommit(v, then);
    if (ok) settled.current = true;
    return ok;
  };

  const onKeyDown = (
    event: KeyboardEvent<HTMLElement>,
    options: { enterCommits?: boolean } = {},
  ) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      settled.current = true;
      props.onCancel();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commit(event.shiftKey ? 'previous' : 'next');
    } else if (event.key === 'Enter' && options.enterCommits !== false) {
      event.preventDefault();
      commit('stay');
    }
  };

  // Leaving the cell (a click elsewhere) saves, unless already saved or cancelled.
  const onBlur = () => {
    if (settled.current) return;
    if (!commit('stay')) settled.current = false;
  };

  const errorBubble = shown && (
    <span id={errorId} className="cell-error" role="alert" data-testid="cell-error">
      {t(`actionList.errors.${shown}`)}
    </span>
  );
  const common = {
    'aria-label': t(`actionList.column.${column}`),
    'aria-invalid': shown ? true : undefined,
    'aria-describedby': shown ? errorId : undefined,
    'data-testid': 'cell-editor',
  } as const;

  if (
    column === 'actionType' ||
    column === 'status' ||
    column === 'fundingSource' ||
    column === 'activity'
  ) {
    const options: { value: string; label: string }[] =
      column === 'actionType'
        ? [
            notSetOption(t),
            ...ACTION_TYPES.map((v) => ({ value: v, label: t(`s3.actionType.${v}`) })),
          ]
        : column === 'status'
          ? [
              notSetOption(t),
              ...ACTION_STATUSES.map((v) => ({ value: v, label: t(`s3.actionStatus.${v}`) })),
            ]
          : column === 'fundingSource'
            ? [
                notSetOption(t),
                ...FUNDING_SOURCES.map((v) => ({ value: v, label: t(`s3.fundingSource.${v}`) })),
              ]
            : props.activities.map((a) => ({
                value: a.id,
                label: a.title || t('actionList.untitledActivity'),
              }));
    const current = column === 'activity' ? action.activityId : (action[column] as string);
    return (
      <>
        <select
          {...common}
          className="cell-input cell-input--select"
          autoFocus
          defaultValue={current}
          // Written at once (arrow keys on a closed select too); the editor stays until Enter,
          // Tab, Escape or a click elsewhere.
          onChange={(e) => props.onCommit(e.target.value, 'keep')}
          onKeyDown={(e) => {
            if (e.key === 'Tab') {
              e.preventDefault();
              e.stopPropagation();
              commit(e.shiftKey ? 'previous' : 'next', e.currentTarget.value);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              commit('stay', e.currentTarget.value);
            } else onKeyDown(e, { enterCommits: false });
          }}
          onBlur={() => {
            if (!settled.current) {
              settled.current = true;
              props.onCancel();
            }
          }}
        >
          {column === 'activity' && !props.activities.some((a) => a.id === current) && (
            <option value={current} disabled>
              {t('actionList.sourceRemovedUntitled')}
            </option>
          )}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {errorBubble}
      </>
    );
  }

  if (column === 'regions') {
    return <RegionsEditor {...props} />;
  }

  return (
    <>
      <input
        {...common}
        className={`cell-input cell-input--${column}`}
        type={column === 'start' || column === 'end' ? 'date' : 'text'}
        inputMode={column === 'budget' ? 'decimal' : undefined}
        autoFocus
        value={text}
        maxLength={column === 'title' ? CARD_TITLE_MAX : column === 'partners' ? 4000 : 200}
        placeholder={column === 'partners' ? t('actionList.listHint') : undefined}
        onFocus={(e) => {
          if (props.initial === undefined && e.currentTarget.type === 'text')
            e.currentTarget.select();
          else if (e.currentTarget.type === 'text') {
            const end = e.currentTarget.value.length;
            e.currentTarget.setSelectionRange(end, end);
          }
        }}
        onChange={(e) => {
          setText(e.target.value);
          setLocalError(null);
        }}
        onKeyDown={(e) => onKeyDown(e)}
        onBlur={onBlur}
      />
      {column === 'title' && !shown && text.length >= CARD_TITLE_MAX && (
        <span className="cell-error cell-error--hint" role="status" data-testid="cell-limit">
          {t('actionList.titleLimit', { max: CARD_TITLE_MAX })}
        </span>
      )}
      {column === 'budget' && text && Number.isFinite(parseBudget(text) ?? 0) && (
        <span className="cell-preview" aria-hidden="true">
          {formatBudget(parseBudget(text))}
        </span>
      )}
      {errorBubble}
    </>
  );
}

/** Regions: a checklist of the workshop's regions under the cell. */
function RegionsEditor({ action, regions, onCommit, onCancel }: CellEditorProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(() => new Set(action.regionIds));
  const ref = useRef<HTMLDivElement>(null);
  const settled = useRef(false);

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
    if (regions.length === 0) ref.current?.focus();
  }, [regions.length]);

  const commit = (then: Then) => {
    settled.current = true;
    // Unknown regions (removed from the workshop) are kept: nobody unticked them.
    const kept = action.regionIds.filter((id) => !regions.some((r) => r.id === id));
    onCommit([...kept, ...regions.filter((r) => chosen.has(r.id)).map((r) => r.id)], then);
  };

  return (
    <div
      ref={ref}
      className="cell-popover"
      role="group"
      aria-label={t('actionList.column.regions')}
      tabIndex={-1}
      data-testid="cell-editor"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          settled.current = true;
          onCancel();
        } else if (e.key === 'Tab') {
          // Tab walks through the regions and Done; past the last (or before the first) it saves
          // and moves to the next (previous) cell, as in every other cell.
          const controls = [
            ...e.currentTarget.querySelectorAll<HTMLElement>('input, button:not([disabled])'),
          ];
          const at = controls.indexOf(e.target as HTMLElement);
          const edge = e.shiftKey ? at <= 0 : at === -1 || at === controls.length - 1;
          if (!edge) return;
          e.preventDefault();
          commit(e.shiftKey ? 'previous' : 'next');
        } else if (e.key === 'Enter') {
          e.preventDefault();
          commit('stay');
        }
      }}
      onBlur={(e) => {
        if (!settled.current && !e.currentTarget.contains(e.relatedTarget as Node | null))
          commit('stay');
      }}
    >
      {regions.length === 0 && (
        <p className="muted cell-popover__empty">{t('actionList.regionsNone')}</p>
      )}
      {regions.map((region) => (
        <label key={region.id} className="cell-popover__option">
          <input
            type="checkbox"
            checked={chosen.has(region.id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(region.id);
              else next.delete(region.id);
              setChosen(next);
            }}
          />
          <span>{region.name}</span>
          {region.nuts && <span className="muted">{region.nuts}</span>}
        </label>
      ))}
      <button type="button" className="button cell-popover__done" onClick={() => commit('stay')}>
        {t('actionList.done')}
      </button>
    </div>
  );
}
