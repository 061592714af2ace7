/**
 * A list of checkboxes with "all" and "none" buttons (and any other preset choices), over a set
 * of chosen ids owned by the caller.
 */
import type { ReactNode } from 'react';

export interface CheckListPreset {
  label: string;
  ids: Iterable<string>;
  testId?: string;
}

export interface CheckListProps<T extends { id: string }> {
  items: readonly T[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
  renderItem: (item: T) => ReactNode;
  allLabel: string;
  noneLabel: string;
  /** Presets shown between "all" and "none". */
  presets?: CheckListPreset[];
  /** Shown before the buttons. */
  hint?: ReactNode;
  allTestId?: string;
  noneTestId?: string;
  listTestId?: string;
  itemTestId?: string;
  /** Names the `data-…-id` attribute of each checkbox (e.g. 'card' → data-card-id). */
  itemIdAttribute?: string;
  /** Class names: `${classPrefix}__bulk`, `${classPrefix}__list`; items take `itemClassName`. */
  classPrefix: string;
  itemClassName: string;
}

export function CheckList<T extends { id: string }>({
  items,
  chosen,
  onChange,
  renderItem,
  allLabel,
  noneLabel,
  presets = [],
  hint,
  allTestId,
  noneTestId,
  listTestId,
  itemTestId,
  itemIdAttribute,
  classPrefix,
  itemClassName,
}: CheckListProps<T>) {
  const button = (label: string, ids: Iterable<string>, testId?: string) => (
    <button
      key={label}
      type="button"
      className="button button--ghost"
      data-testid={testId}
      onClick={() => onChange(new Set(ids))}
    >
      {label}
    </button>
  );
  return (
    <>
      <div className={`${classPrefix}__bulk`}>
        {hint}
        {button(
          allLabel,
          items.map((item) => item.id),
          allTestId,
        )}
        {presets.map((preset) => button(preset.label, preset.ids, preset.testId))}
        {button(noneLabel, [], noneTestId)}
      </div>
      <ul className={`${classPrefix}__list`} data-testid={listTestId}>
        {items.map((item) => (
          <li key={item.id}>
            <label className={itemClassName}>
              <input
                type="checkbox"
                checked={chosen.has(item.id)}
                data-testid={itemTestId}
                {...(itemIdAttribute ? { [`data-${itemIdAttribute}-id`]: item.id } : {})}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(item.id);
                  else next.delete(item.id);
                  onChange(next);
                }}
              />
              {renderItem(item)}
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}
