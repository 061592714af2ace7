/** The pointers of everyone else on the board, with their names; drawn in board coordinates. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { useRemotePointers } from '@client/sync/presence';
import { useCounterScale } from './useCounterScale';

export const Cursors = memo(function Cursors({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const pointers = useRemotePointers(awareness);
  const scale = useCounterScale();
  return (
    <div className="cursors" aria-hidden="true">
      {pointers.map((pointer) => (
        <div
          key={pointer.clientId}
          className="cursor"
          data-testid="remote-cursor"
          data-name={pointer.name}
          title={t('cursor.label', { name: pointer.name })}
          style={{
            ...scale,
            transform: `translate3d(${pointer.x}px, ${pointer.y}px, 0) scale(var(--counter-scale))`,
          }}
        >
          <svg className="cursor__arrow" width="20" height="20" viewBox="0 0 20 20">
            <path
              d="M2 2l6.5 16 2.3-6.7L17.5 9z"
              fill={pointer.color}
              stroke="#fff"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
          <span className="cursor__label" style={{ backgroundColor: pointer.color }}>
            {pointer.name}
          </span>
        </div>
      ))}
    </div>
  );
});
