/**
 * The name field of a group frame while it is renamed: Enter or leaving it saves, Escape keeps the
 * old name. Separate from the frame because it keeps its own draft of the name and keeps its keys
 * and presses from reaching the board.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function GroupNameInput({ name, onDone }: { name: string; onDone: (name: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(name);
  const done = useRef(false);
  const finish = (next: string) => {
    if (done.current) return;
    done.current = true;
    onDone(next.trim());
  };
  return (
    <input
      className="group-frame__name-input"
      aria-label={t('opportunityBoard.group.nameLabel')}
      data-testid="group-name-input"
      value={value}
      maxLength={200}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(name);
      }}
      onBlur={() => finish(value)}
    />
  );
}
