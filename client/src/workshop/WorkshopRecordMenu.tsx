/**
 * The workshop's "Outcome" menu in the top bar. Facilitators: take a snapshot, close and archive
 * the workshop (after a confirmation), reopen it, open the outcome and its exports. Participants:
 * the outcome, once a record exists. The archived banner (ArchivedBanner) offers the same reopen.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopStatus } from '@shared/domain/workshop';
import {
  archiveWorkshop,
  fetchRecordVersions,
  reopenWorkshop,
  snapshotWorkshop,
} from '@client/connection/api/records';
import { Icon } from '@client/ui/Icon';
import { ModalDialog } from '@client/ui/ModalDialog';
import { Popover } from '@client/ui/Popover';
import { usePopover } from '@client/ui/usePopover';
import { describeError } from '@client/connection/api/describeError';
import '@client/styles/archive.css';

interface WorkshopRecordMenuProps {
  workshopId: string;
  /** What this page connects with (a facilitator's token for the facilitator's actions). */
  token: string;
  facilitator: boolean;
  status: WorkshopStatus;
}

export const outcomePath = (workshopId: string) => `/archive/${encodeURIComponent(workshopId)}`;

/** Whether the workshop has a record yet (checked again when its status changes). */
function useHasRecord(workshopId: string, token: string, status: WorkshopStatus, refresh: number) {
  const [hasRecord, setHasRecord] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetchRecordVersions(workshopId, token).then(
      (list) => !cancelled && setHasRecord(list.versions.length > 0),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId, token, status, refresh]);
  return hasRecord;
}

export function WorkshopRecordMenu({
  workshopId,
  token,
  facilitator,
  status,
}: WorkshopRecordMenuProps) {
  const { t } = useTranslation();
  const menuId = useId();
  const { open, close, toggle, anchorRef } = usePopover();
  const [refresh, setRefresh] = useState(0);
  const hasRecord = useHasRecord(workshopId, token, status, refresh);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const run = useCallback(
    async (task: () => Promise<string>) => {
      setBusy(true);
      setMessage(null);
      try {
        setMessage({ text: await task(), error: false });
        setRefresh((n) => n + 1);
      } catch (error) {
        setMessage({
          text: t('archive.workshop.failed', { message: describeError(error, t) }),
          error: true,
        });
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  if (!facilitator && !hasRecord) return null;

  const snapshot = () =>
    run(async () => {
      const result = await snapshotWorkshop(workshopId, token);
      return t('archive.workshop.snapshotTaken', { version: result.record?.version ?? '' });
    });
  const reopen = () =>
    run(async () => {
      await reopenWorkshop(workshopId, token);
      return t('archive.workshop.reopened');
    });

  return (
    <div className="record-menu" ref={anchorRef}>
      <button
        type="button"
        className="button"
        data-testid="record-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={t('archive.workshop.menuLabel')}
        onClick={toggle}
      >
        <Icon name="agenda" size={16} />
        <span className="record-menu__label">{t('archive.workshop.menu')}</span>
      </button>
      {open && (
        <Popover
          className="record-menu__popup"
          id={menuId}
          role="menu"
          testId="record-menu"
          anchorRef={anchorRef}
          onClose={close}
        >
          <a
            role="menuitem"
            className="record-menu__item"
            href={outcomePath(workshopId)}
            target="_blank"
            rel="noopener"
            data-testid="record-menu-outcome"
            onClick={close}
          >
            {t('archive.workshop.outcome')}
            <span className="muted record-menu__hint">{t('archive.workshop.outcomeHint')}</span>
          </a>
          {facilitator && status === 'open' && (
            <>
              <button
                type="button"
                role="menuitem"
                className="record-menu__item"
                data-testid="record-menu-snapshot"
                disabled={busy}
                onClick={() => void snapshot()}
              >
                {t('archive.workshop.snapshot')}
              </button>
              <button
                type="button"
                role="menuitem"
                className="record-menu__item record-menu__item--danger"
                data-testid="record-menu-archive"
                disabled={busy}
                onClick={() => {
                  close();
                  setConfirming(true);
                }}
              >
                {t('archive.workshop.archive')}
              </button>
            </>
          )}
          {facilitator && status === 'archived' && (
            <button
              type="button"
              role="menuitem"
              className="record-menu__item"
              data-testid="record-menu-reopen"
              disabled={busy}
              onClick={() => void reopen()}
            >
              {t('archive.workshop.reopen')}
            </button>
          )}
          {message && (
            <p
              className={
                message.error ? 'field__error record-menu__message' : 'record-menu__message'
              }
              role={message.error ? 'alert' : 'status'}
              data-testid="record-menu-message"
            >
              {message.text}
            </p>
          )}
        </Popover>
      )}
      {confirming && (
        <ConfirmArchive
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await archiveWorkshop(workshopId, token);
            setRefresh((n) => n + 1);
            setConfirming(false);
          }}
        />
      )}
    </div>
  );
}

function ConfirmArchive({
  onCancel,
  onConfirm,
}: {
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      className="dialog"
      labelledBy={titleId}
      testId="archive-confirm"
      onClose={() => {
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {t('archive.workshop.confirmTitle')}
      </h2>
      <p className="dialog__text">{t('archive.workshop.confirmText')}</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--ghost"
          autoFocus
          disabled={busy}
          onClick={onCancel}
        >
          {t('archive.workshop.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="archive-confirm-button"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? t('archive.workshop.archiving') : t('archive.workshop.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}

/** Under the top bar while the workshop is archived: read-only for everyone; facilitators may reopen. */
export function ArchivedBanner({
  workshopId,
  token,
  facilitator,
}: {
  workshopId: string;
  token: string;
  facilitator: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reopen = async () => {
    setBusy(true);
    setError(null);
    try {
      await reopenWorkshop(workshopId, token);
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="archived-banner" role="status" data-testid="archived-banner">
      <Icon name="lock" size={16} />
      <span className="archived-banner__text">{t('archive.workshop.banner')}</span>
      <a
        className="archived-banner__link"
        href={outcomePath(workshopId)}
        target="_blank"
        rel="noopener"
      >
        {t('archive.workshop.bannerOutcome')}
      </a>
      {facilitator && (
        <button
          type="button"
          className="button"
          data-testid="archived-reopen"
          disabled={busy}
          onClick={() => void reopen()}
        >
          {t('archive.workshop.reopen')}
        </button>
      )}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
