/**
 * The facilitator's entry point among the board tools: "Groups" opens the setup dialog when no groups are
 * running, else the panel of the running (or ended) groups.
 */
import { Icon } from '@client/ui/Icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useControlState, useRoom } from '@client/connection/control';
import { usePopover } from '@client/ui/usePopover';
import { BreakoutPanel } from './BreakoutPanel';
import { BreakoutSetupDialog } from './BreakoutSetupDialog';

export function BreakoutsMenu() {
  const { t } = useTranslation();
  const { doc } = useRoom();
  const breakouts = useControlState()?.breakouts ?? null;
  const popover = usePopover();
  const [setupOpen, setSetupOpen] = useState(false);
  const running = breakouts?.status === 'running';
  const label = running
    ? t('breakouts.buttonRunning', { count: breakouts.groups.length })
    : breakouts
      ? t('breakouts.buttonEnded')
      : t('breakouts.buttonHint');

  return (
    <div className="share-anchor breakouts-menu" ref={popover.anchorRef}>
      <button
        type="button"
        className={running ? 'tab-tool is-active' : 'tab-tool'}
        aria-expanded={breakouts ? popover.open : setupOpen}
        aria-haspopup="dialog"
        aria-label={label}
        title={label}
        disabled={!doc}
        data-testid="breakouts-button"
        data-status={breakouts?.status ?? 'none'}
        onClick={() => (breakouts ? popover.toggle() : setSetupOpen(true))}
      >
        <Icon name="groups" size={16} />
        <span className="tab-tool__label">{t('breakouts.button')}</span>
        {running && <span className="breakouts-menu__count">{breakouts.groups.length}</span>}
      </button>
      {breakouts && popover.open && (
        <BreakoutPanel
          breakouts={breakouts}
          anchorRef={popover.anchorRef}
          onClose={popover.close}
          onNewGroups={() => {
            popover.close();
            setSetupOpen(true);
          }}
        />
      )}
      {setupOpen && doc && <BreakoutSetupDialog doc={doc} onClose={() => setSetupOpen(false)} />}
    </div>
  );
}
