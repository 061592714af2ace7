/** The facilitator's "Workshop settings" button in the top bar; the dialog loads on first use. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

const WorkshopSettings = lazy(() => import('./WorkshopSettings'));

const GEAR =
  'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 0 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 0 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 0 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 0 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z';

export function WorkshopSettingsButton({ doc }: { doc: Y.Doc | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="workshop-settings-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={!doc}
        title={t('capacityMap.settings.open')}
        onClick={() => setOpen(true)}
      >
        <svg
          className="icon"
          width={16}
          height={16}
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d={GEAR} />
        </svg>
        <span className="workshop-settings-button__label">{t('capacityMap.settings.open')}</span>
      </button>
      {open && doc && (
        <Suspense fallback={null}>
          <WorkshopSettings doc={doc} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
