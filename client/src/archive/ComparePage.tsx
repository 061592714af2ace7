/**
 * `/archive/compare?ids=a,b,…`: several workshops' latest records side by side, one column per
 * region (a region in several records is one column): a strength-by-kind table to spot regions
 * that complement each other, then each region's capacities and transformative activities. From
 * here the organiser starts a cEDW pre-filled with those records. Below, the records'
 * self-assessments side by side (SelfAssessmentCompare.tsx).
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPACITY_KINDS, NOT_SET, type CapacityKindOrNotSet } from '@shared/domain/s3';
import { closedLabel } from '@client/boards/closedLabel';
import type { FromRecordResponse } from '@shared/record/api';
import type { WorkshopRecord } from '@shared/record/schema';
import { ApiRequestError } from '@client/connection/api/errors';
import { createWorkshopFromRecords, fetchRecord } from '@client/connection/api/records';
import { navigate } from '@client/lib/navigation';
import { saveWorkshopAccess } from '@client/store/workshopAccess';
import { ArchiveLayout } from './ArchiveLayout';
import { describeError } from '@client/connection/api/describeError';
import { useOrganiserToken } from '@client/store/organiserToken';
import { SelfAssessmentCompare } from './SelfAssessmentCompare';
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

interface RegionColumn {
  key: string;
  name: string;
  nuts: string;
  workshops: string[];
  capacities: {
    id: string;
    title: string;
    kind: CapacityKindOrNotSet;
    strength: number;
    workshop: string;
  }[];
  activities: { id: string; title: string; rank: number | null; workshop: string }[];
}

/** One column per region across the records (same name or NUTS code: same region). */
export function regionColumns(records: WorkshopRecord[]): RegionColumn[] {
  const columns = new Map<string, RegionColumn>();
  const keyOf = (r: { name: string; nuts: string }) => (r.nuts || r.name).trim().toLowerCase();
  for (const record of records) {
    const title = record.workshop.title;
    const regionOfCapacity = new Map(record.capacities.map((c) => [c.id, c.regionId]));
    for (const region of record.workshop.regions) {
      const key = keyOf(region);
      const column = columns.get(key) ?? {
        key,
        name: region.name,
        nuts: region.nuts,
        workshops: [],
        capacities: [],
        activities: [],
      };
      columns.set(key, column);
      if (!column.workshops.includes(title)) column.workshops.push(title);
      for (const c of record.capacities.filter((c) => c.regionId === region.id)) {
        column.capacities.push({
          id: c.id,
          title: c.title,
          kind: c.kind,
          strength: c.strength,
          workshop: title,
        });
      }
      // An activity belongs to the regions whose capacities, actors or needs it names; one that
      // names none belongs to every region of its workshop.
      for (const a of record.activities) {
        const named = new Set<string | null>([
          ...a.capacityIds.map((id) => regionOfCapacity.get(id) ?? null),
          ...a.actors.map((actor) => actor.regionId),
          ...a.crossRegionalNeeds.map((n) => n.regionId),
        ]);
        named.delete(null);
        if (named.size === 0 || named.has(region.id)) {
          column.activities.push({ id: a.id, title: a.title, rank: a.rank, workshop: title });
        }
      }
    }
  }
  return [...columns.values()];
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
      <a
        className="archive-back"
        href="/archive"
        onClick={(event) => {
          event.preventDefault();
          navigate('/archive');
        }}
      >
        ← {t('archive.record.back')}
      </a>
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
                    <strong>{c.title}</strong>
                    <span className="muted">
                      {' · '}
                      {closedLabel(t, 'capacityKind', c.kind)}
                      {c.strength > 0 &&
                        ` · ${t('archive.record.strength', { score: c.strength })}`}
                    </span>
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

function StrengthTable({ columns }: { columns: RegionColumn[] }) {
  const { t } = useTranslation();
  // A "Not set" row only when some capacity has no kind.
  const kinds: CapacityKindOrNotSet[] = columns.some((c) =>
    c.capacities.some((x) => x.kind === NOT_SET),
  )
    ? [...CAPACITY_KINDS, NOT_SET]
    : [...CAPACITY_KINDS];
  const cell = (column: RegionColumn, kind: CapacityKindOrNotSet) => {
    const own = column.capacities.filter((c) => c.kind === kind);
    return { value: own.reduce((sum, c) => sum + Math.max(1, c.strength), 0), count: own.length };
  };
  const max = Math.max(1, ...columns.flatMap((c) => kinds.map((k) => cell(c, k).value)));
  return (
    <div className="archive-table-wrap">
      <table className="archive-table compare-strength" data-testid="compare-strength">
        <caption>
          <strong>{t('archive.compare.strengthTable')}</strong>{' '}
          <span className="muted">{t('archive.compare.strengthHint')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('archive.compare.kind')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="archive-table__num">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind || 'not-set'}>
              <th scope="row">{closedLabel(t, 'capacityKind', kind)}</th>
              {columns.map((column) => {
                const { value, count } = cell(column, kind);
                return (
                  <td
                    key={column.key}
                    className="archive-table__num compare-strength__cell"
                    style={{ '--level': value / max } as React.CSSProperties}
                  >
                    {value > 0 ? value : '–'}{' '}
                    {count > 0 && <span className="muted">({count})</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface StartCedwDialogProps {
  token: string;
  records: WorkshopRecord[];
  regions: string[];
  onClose: () => void;
}

function StartCedwDialog({ token, records, regions, onClose }: StartCedwDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [title, setTitle] = useState(() =>
    t('archive.compare.defaultTitle', { regions: regions.join(', ') }).slice(0, 200),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<FromRecordResponse | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

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
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="start-cedw-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
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
            <div className="field">
              <label className="field__label" htmlFor={inputId}>
                {t('archive.compare.titleLabel')}
              </label>
              <input
                id={inputId}
                className="field__input"
                data-testid="start-cedw-title"
                value={title}
                maxLength={200}
                autoFocus
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
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
    </dialog>
  );
}
