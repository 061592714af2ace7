/**
 * `/archive`: the organisers' archive. Asks for the organiser token, then searches every
 * workshop's latest record (words, region, type, field, dates), paged; a result opens its record,
 * and several selected results open side by side (the input of a cEDW).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSearchResult } from '@shared/record/api';
import { WORKSHOP_TEMPLATES } from '@shared/domain/workshop';
import { ApiRequestError } from '@client/connection/api/errors';
import { searchRecords, type RecordSearchParams } from '@client/connection/api/records';
import { navigate } from '@client/lib/navigation';
import { ArchiveLayout } from './ArchiveLayout';
import { describeError } from '@client/connection/api/describeError';
import { useOrganiserToken } from '@client/store/organiserToken';
import { TokenGate } from './TokenGate';

const PAGE_SIZE = 20;
const EMPTY_FILTERS = { q: '', region: '', template: '', field: '', from: '', to: '' };
type Filters = typeof EMPTY_FILTERS;

export function ArchivePage() {
  const { token, save } = useOrganiserToken();
  return (
    <ArchiveLayout onSignOut={token ? () => save(null) : undefined}>
      {token ? (
        <RecordSearch token={token} onInvalid={() => save(null)} />
      ) : (
        <TokenGate onToken={save} />
      )}
    </ArchiveLayout>
  );
}

type SearchState =
  | { status: 'loading' }
  | { status: 'ready'; result: RecordSearchResult }
  | { status: 'error'; message: string };

function RecordSearch({ token, onInvalid }: { token: string; onInvalid: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY_FILTERS);
  const [query, setQuery] = useState<RecordSearchParams>({ page: 1, pageSize: PAGE_SIZE });
  const [state, setState] = useState<SearchState>({ status: 'loading' });
  const [selected, setSelected] = useState<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    searchRecords(token, query).then(
      (result) => !cancelled && setState({ status: 'ready', result }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.status === 401) onInvalid();
        else setState({ status: 'error', message: describeError(error, t) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, query, onInvalid, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...draft, page: 1, pageSize: PAGE_SIZE });
  };
  const reset = () => {
    setDraft(EMPTY_FILTERS);
    setQuery({ page: 1, pageSize: PAGE_SIZE });
  };
  const toggle = useCallback(
    (workshopId: string) =>
      setSelected((list) =>
        list.includes(workshopId) ? list.filter((id) => id !== workshopId) : [...list, workshopId],
      ),
    [],
  );
  const filtered = Object.values(draft).some(Boolean);

  return (
    <div className="archive-search">
      <h1 className="archive__heading">{t('archive.search.heading')}</h1>
      <SearchForm draft={draft} onChange={setDraft} onSubmit={submit} onReset={reset} />
      <div className="archive-search__bar">
        <p className="muted" aria-live="polite" data-testid="archive-result-count">
          {state.status === 'ready' && t('archive.search.results', { count: state.result.total })}
          {state.status === 'loading' && t('archive.search.searching')}
        </p>
        <button
          type="button"
          className="button button--primary"
          data-testid="archive-compare"
          disabled={selected.length < 2}
          title={selected.length < 2 ? t('archive.search.compareHint') : undefined}
          onClick={() =>
            navigate(`/archive/compare?ids=${selected.map(encodeURIComponent).join(',')}`)
          }
        >
          {t('archive.search.compare', { count: selected.length })}
        </button>
      </div>
      {state.status === 'error' && (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (state.result.items.length === 0 ? (
          <p className="archive-empty" data-testid="archive-empty">
            {filtered || query.q ? t('archive.search.empty') : t('archive.search.emptyArchive')}
          </p>
        ) : (
          <>
            <ResultsTable result={state.result} selected={selected} onToggle={toggle} />
            <Pager result={state.result} onPage={(page) => setQuery((q) => ({ ...q, page }))} />
          </>
        ))}
    </div>
  );
}

interface SearchFormProps {
  draft: Filters;
  onChange: (filters: Filters) => void;
  onSubmit: (event: FormEvent) => void;
  onReset: () => void;
}

function SearchForm({ draft, onChange, onSubmit, onReset }: SearchFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    onChange({ ...draft, [key]: e.target.value });
  const text = (key: 'q' | 'region' | 'field', placeholder?: string) => (
    <div className={`field archive-search__${key}`}>
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {t(`archive.search.${key}`)}
      </label>
      <input
        id={`${id}-${key}`}
        className="field__input"
        type="search"
        data-testid={`archive-search-${key}`}
        value={draft[key]}
        placeholder={placeholder}
        maxLength={200}
        onChange={set(key)}
      />
    </div>
  );
  return (
    <form className="archive-search__form" role="search" onSubmit={onSubmit}>
      {text('q', t('archive.search.qPlaceholder'))}
      {text('region', t('archive.search.regionPlaceholder'))}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-template`}>
          {t('archive.search.template')}
        </label>
        <select
          id={`${id}-template`}
          className="field__input field__select"
          data-testid="archive-search-template"
          value={draft.template}
          onChange={set('template')}
        >
          <option value="">{t('archive.search.anyTemplate')}</option>
          {WORKSHOP_TEMPLATES.map((template) => (
            <option key={template} value={template}>
              {t(`templateShort.${template}`)}
            </option>
          ))}
        </select>
      </div>
      {text('field')}
      {(['from', 'to'] as const).map((key) => (
        <div className="field" key={key}>
          <label className="field__label" htmlFor={`${id}-${key}`}>
            {t(`archive.search.${key}`)}
          </label>
          <input
            id={`${id}-${key}`}
            className="field__input"
            type="date"
            data-testid={`archive-search-${key}`}
            value={draft[key]}
            onChange={set(key)}
          />
        </div>
      ))}
      <div className="archive-search__actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="archive-search-submit"
        >
          {t('archive.search.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onReset}>
          {t('archive.search.reset')}
        </button>
      </div>
    </form>
  );
}

interface ResultsTableProps {
  result: RecordSearchResult;
  selected: string[];
  onToggle: (workshopId: string) => void;
}

function ResultsTable({ result, selected, onToggle }: ResultsTableProps) {
  const { t } = useTranslation();
  const columns = ['title', 'template', 'regions', 'heldOn', 'versions', 'status'] as const;
  return (
    <div className="archive-table-wrap">
      <table className="archive-table" data-testid="archive-results">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('archive.search.compareHint')}</span>
            </th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`archive.search.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.items.map((item) => (
            <tr
              key={item.workshopId}
              data-testid="archive-result"
              data-workshop-id={item.workshopId}
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={t('archive.search.select', { title: item.title })}
                  data-testid="archive-select"
                  checked={selected.includes(item.workshopId)}
                  onChange={() => onToggle(item.workshopId)}
                />
              </td>
              <th scope="row">
                <a
                  href={`/archive/${encodeURIComponent(item.workshopId)}`}
                  data-testid="archive-result-link"
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                    event.preventDefault();
                    navigate(`/archive/${encodeURIComponent(item.workshopId)}`);
                  }}
                >
                  {item.title}
                </a>
                {item.field && <div className="muted archive-table__sub">{item.field}</div>}
              </th>
              <td>{t(`templateShort.${item.template}`)}</td>
              <td>{item.regions.join(', ')}</td>
              <td>
                <time dateTime={item.heldOn}>{item.heldOn}</time>
              </td>
              <td className="archive-table__num">{item.versions}</td>
              <td>
                <span className={`archive-status archive-status--${item.status}`}>
                  {t(`archive.status.${item.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ result, onPage }: { result: RecordSearchResult; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, first + result.items.length - 1);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <nav className="archive-pager" aria-label={t('archive.search.heading')}>
      <button
        type="button"
        className="button"
        data-testid="archive-previous"
        disabled={result.page <= 1}
        onClick={() => onPage(result.page - 1)}
      >
        {t('archive.search.previous')}
      </button>
      <span className="muted">
        {t('archive.search.range', { from: first, to: last, total: result.total })}
      </span>
      <button
        type="button"
        className="button"
        data-testid="archive-next"
        disabled={result.page >= pages}
        onClick={() => onPage(result.page + 1)}
      >
        {t('archive.search.next')}
      </button>
    </nav>
  );
}
