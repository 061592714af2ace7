/**
 * The comparison's "Start a cEDW" dialog: the new workshop's title (pre-filled with the regions),
 * then the workshop created from the compared records, with the facilitator's access kept in this
 * browser and a button to open it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FromRecordResponse } from '@shared/record/api';
import type { WorkshopRecord } from '@shared/record/schema';
import { createWorkshopFromRecords } from '@client/connection/api/records';
import { describeError } from '@client/connection/api/describeError';
import { navigate } from '@client/lib/navigation';
import { saveWorkshopAccess } from '@client/store/workshopAccess';
import { Field } from '@client/ui/Field';
import { ModalDialog } from '@client/ui/ModalDialog';

interface StartCedwDialogProps {
  token: string;
  records: WorkshopRecord[];
  regions: string[];
  onClose: () => void;
}

export function StartCedwDialog({ token, records, regions, onClose }: StartCedwDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [title, setTitle] = useState(() =>
    t('archive.compare.defaultTitle', { regions: regions.join(', ') }).slice(0, 200),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<FromRecordResponse | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !title.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const result = await createWorkshopFromRecords(token, {
        records: records.map((r) => ({
          workshopId: r.provenance.workshopId,
          version: r.provenance.recordVersion,
        })),
        template: 'cedw',
        title: title.trim(),
      });
      saveWorkshopAccess(result.id, { token: result.tokens.facilitator, tokens: result.tokens });
      setCreated(result);
    } catch (err) {
      setError(t('archive.compare.createFailed', { message: describeError(err, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      className="dialog"
      labelledBy={titleId}
      testId="start-cedw-dialog"
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="dialog__title">
          {t('archive.compare.dialogTitle')}
        </h2>
        {created ? (
          <p className="dialog__text" role="status" data-testid="start-cedw-done">
            {t('archive.compare.created', { title: created.title })}
          </p>
        ) : (
          <>
            <p className="dialog__text">
              {t('archive.compare.dialogText', { count: records.length })}
            </p>
            <Field label={t('archive.compare.titleLabel')}>
              {(control) => (
                <input
                  {...control}
                  className="field__input"
                  data-testid="start-cedw-title"
                  value={title}
                  maxLength={200}
                  autoFocus
                  onChange={(e) => setTitle(e.target.value)}
                />
              )}
            </Field>
          </>
        )}
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('archive.compare.cancel')}
          </button>
          {created ? (
            <button
              type="button"
              className="button button--primary"
              data-testid="start-cedw-open"
              onClick={() => navigate(`/w/${encodeURIComponent(created.id)}`)}
            >
              {t('archive.compare.open')}
            </button>
          ) : (
            <button
              type="submit"
              className="button button--primary"
              data-testid="start-cedw-submit"
              disabled={busy || !title.trim()}
            >
              {busy ? t('archive.compare.creating') : t('archive.compare.create')}
            </button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
