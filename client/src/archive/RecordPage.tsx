/**
 * `/archive/:workshopId`: one workshop's record: its versions, the chosen version rendered, and
 * the exports. Opened with the organiser token, or from the workshop itself with the token this
 * browser holds for it (facilitators and participants see their own workshop's outcome).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordVersionList } from '@shared/record/api';
import type { WorkshopRecord } from '@shared/record/schema';
import { ApiRequestError } from '@client/connection/api/errors';
import { fetchRecord, fetchRecordVersions } from '@client/connection/api/records';
import { ArchiveLayout } from './ArchiveLayout';
import { describeError } from '@client/connection/api/describeError';
import { ExportButtons } from './ExportButtons';
import { recordToken, useOrganiserToken } from '@client/store/organiserToken';
import { RecordView } from './RecordView';
import { TokenGate } from './TokenGate';
import { BackToArchive } from './recordParts';
import { Field, SelectField } from '@client/ui/Field';

export function RecordPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const organiser = useOrganiserToken();
  const token = recordToken(workshopId, organiser.token);
  return (
    <ArchiveLayout onSignOut={organiser.token ? () => organiser.save(null) : undefined}>
      {token ? (
        <RecordLoader
          key={token}
          workshopId={workshopId}
          token={token}
          isOrganiser={token === organiser.token}
          onInvalid={() => organiser.save(null)}
        />
      ) : (
        <TokenGate onToken={organiser.save} note={t('archive.gate.needed')} />
      )}
    </ArchiveLayout>
  );
}

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; versions: RecordVersionList; record: WorkshopRecord | null }
  | { status: 'notFound' }
  | { status: 'error'; message: string };

interface RecordLoaderProps {
  workshopId: string;
  token: string;
  isOrganiser: boolean;
  onInvalid: () => void;
}

function RecordLoader({ workshopId, token, isOrganiser, onInvalid }: RecordLoaderProps) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    (async () => {
      const versions = await fetchRecordVersions(workshopId, token);
      const record =
        versions.versions.length > 0 ? await fetchRecord(workshopId, token, version) : null;
      return { versions, record };
    })().then(
      ({ versions, record }) => !cancelled && setState({ status: 'ready', versions, record }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.status === 401 && isOrganiser) onInvalid();
        else if (error instanceof ApiRequestError && (error.status === 404 || error.status === 400))
          setState({ status: 'notFound' });
        else setState({ status: 'error', message: describeError(error, t) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId, token, version, attempt, isOrganiser, onInvalid, t]);

  useEffect(() => {
    if (state.status === 'ready' && state.record) {
      document.title = `${state.record.workshop.title} · ${t('archive.documentTitle')}`;
    }
  }, [state, t]);

  if (state.status === 'loading') {
    return (
      <p className="archive-empty" aria-busy="true">
        {t('archive.record.loading')}
      </p>
    );
  }
  if (state.status === 'notFound') {
    return <p className="archive-empty">{t('archive.record.notFound')}</p>;
  }
  if (state.status === 'error') {
    return (
      <div className="archive-empty" role="alert">
        <p>{t('archive.record.error', { message: state.message })}</p>
        <button type="button" className="button" onClick={retry}>
          {t('archive.record.retry')}
        </button>
      </div>
    );
  }

  const { versions, record } = state;
  const latest = versions.versions.at(-1);
  const shown = record?.provenance.recordVersion;
  return (
    <div className="archive-record">
      {isOrganiser && <BackToArchive />}
      <header className="archive-record__header">
        <div>
          <h1 className="archive__heading" data-testid="record-title">
            {record?.workshop.title ?? t('archive.record.noRecord')}
          </h1>
          {record && (
            <p className="muted">
              {t(`templateShort.${record.workshop.template}`)} ·{' '}
              {t('archive.record.heldOn', {
                date: (
                  record.workshop.dates.firstPhaseStartedAt ?? record.workshop.dates.createdAt
                ).slice(0, 10),
              })}{' '}
              ·{' '}
              <span className={`archive-status archive-status--${versions.status}`}>
                {t(`archive.status.${versions.status}`)}
              </span>
            </p>
          )}
        </div>
        {versions.versions.length > 0 && (
          <Field label={t('archive.record.versions')} className="field archive-record__versions">
            <SelectField
              className="field__input field__select"
              testId="record-version"
              value={String(shown ?? '')}
              options={[...versions.versions].reverse().map((v) => ({
                value: String(v.version),
                label:
                  t('archive.record.versionOption', {
                    version: v.version,
                    kind: t(`archive.kind.${v.kind}`),
                    date: `${v.archivedAt.slice(0, 10)} ${v.archivedAt.slice(11, 16)}`,
                  }) + (v.version === latest?.version ? ` (${t('archive.record.latest')})` : ''),
              }))}
              onChange={(value) => setVersion(Number(value))}
            />
          </Field>
        )}
      </header>
      {!record && <p className="archive-empty">{t('archive.record.noRecordHint')}</p>}
      <ExportButtons
        // A new record may have another language: the choice starts again from it.
        key={record?.workshop.language ?? ''}
        workshopId={workshopId}
        token={token}
        version={shown}
        live={!record}
        language={record?.workshop.language}
      />
      {record && <RecordView record={record} />}
    </div>
  );
}
