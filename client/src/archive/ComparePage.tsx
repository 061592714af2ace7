/**
 * `/archive/compare?ids=a,b,…`: several workshops' latest records side by side, one column per
 * region (a region in several records is one column): a strength-by-kind table to spot regions
 * that complement each other, then each region's capacities and transformative activities. From
 * here the organiser starts a cEDW pre-filled with those records. Below, the records'
 * self-assessments side by side (SelfAssessmentCompare.tsx). The columns are built in
 * regionColumns.ts; the table and the dialog are modules of their own.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopRecord } from '@shared/record/schema';
import { ApiRequestError } from '@client/connection/api/errors';
import { fetchRecord } from '@client/connection/api/records';
import { describeError } from '@client/connection/api/describeError';
import { useOrganiserToken } from '@client/store/organiserToken';
import { ArchiveLayout } from './ArchiveLayout';
import { CapacityLine, BackToArchive } from './recordParts';
import { regionColumns } from './regionColumns';
import { SelfAssessmentCompare } from './SelfAssessmentCompare';
import { StartCedwDialog } from './StartCedwDialog';
import { StrengthTable } from './StrengthTable';
import { TokenGate } from './TokenGate';

/** The workshop ids of `?ids=`, each once. */
function idsFromLocation(): string[] {
  const raw = new URLSearchParams(window.location.search).get('ids') ?? '';
  return [
    ...new Set(
      raw
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

export function ComparePage() {
  const { token, save } = useOrganiserToken();
  const [ids] = useState(idsFromLocation);
  return (
    <ArchiveLayout onSignOut={token ? () => save(null) : undefined}>
      {token ? (
        <Comparison token={token} ids={ids} onInvalid={() => save(null)} />
      ) : (
        <TokenGate onToken={save} />
      )}
    </ArchiveLayout>
  );
}

type CompareState =
  | { status: 'loading' }
  | { status: 'ready'; records: WorkshopRecord[] }
  | { status: 'error'; message: string };

function Comparison({
  token,
  ids,
  onInvalid,
}: {
  token: string;
  ids: string[];
  onInvalid: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<CompareState>({ status: 'loading' });
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all(ids.map((id) => fetchRecord(id, token))).then(
      (records) => !cancelled && setState({ status: 'ready', records }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.status === 401) onInvalid();
        else setState({ status: 'error', message: describeError(error, t) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ids, token, onInvalid, t]);

  const columns = useMemo(
    () => (state.status === 'ready' ? regionColumns(state.records) : []),
    [state],
  );

  if (ids.length === 0) return <p className="archive-empty">{t('archive.compare.none')}</p>;
  if (state.status === 'loading')
    return <p className="archive-empty">{t('archive.compare.loading')}</p>;
  if (state.status === 'error') {
    return (
      <p className="archive-empty field__error" role="alert">
        {t('archive.compare.failed', { message: state.message })}
      </p>
    );
  }

  return (
    <div className="archive-compare" data-testid="archive-compare-view">
      <BackToArchive />
      <header className="archive-record__header">
        <div>
          <h1 className="archive__heading">{t('archive.compare.heading')}</h1>
          <p className="muted">{t('archive.compare.intro')}</p>
        </div>
        <button
          type="button"
          className="button button--primary"
          data-testid="start-cedw"
          onClick={() => setStarting(true)}
        >
          {t('archive.compare.startCedw')}
        </button>
      </header>
      <StrengthTable columns={columns} />
      <div
        className="compare-columns"
        style={{ '--columns': columns.length } as React.CSSProperties}
      >
        {columns.map((column) => (
          <section
            key={column.key}
            className="compare-column"
            aria-labelledby={`compare-${column.key}`}
            data-testid="compare-region"
          >
            <h2 id={`compare-${column.key}`} className="compare-column__title">
              {column.name}
              {column.nuts && <span className="muted"> · {column.nuts}</span>}
            </h2>
            <p className="muted compare-column__from">
              {t('archive.compare.from', { workshop: column.workshops.join(', ') })}
            </p>
            <h3 className="compare-column__heading">{t('archive.compare.capacities')}</h3>
            {column.capacities.length === 0 ? (
              <p className="muted">{t('archive.compare.noCapacities')}</p>
            ) : (
              <ul className="record-list">
                {column.capacities.map((c) => (
                  <li key={`${c.workshop}-${c.id}`}>
                    <CapacityLine capacity={c} />
                  </li>
                ))}
              </ul>
            )}
            <h3 className="compare-column__heading">{t('archive.compare.activities')}</h3>
            {column.activities.length === 0 ? (
              <p className="muted">{t('archive.compare.noActivities')}</p>
            ) : (
              <ul className="record-list">
                {column.activities.map((a) => (
                  <li key={`${a.workshop}-${a.id}`}>
                    {a.rank !== null && (
                      <span className="record-rank record-rank--small">{a.rank}</span>
                    )}{' '}
                    <strong>{a.title}</strong>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <SelfAssessmentCompare records={state.records} />
      {starting && (
        <StartCedwDialog
          token={token}
          records={state.records}
          regions={columns.map((c) => c.name)}
          onClose={() => setStarting(false)}
        />
      )}
    </div>
  );
}
