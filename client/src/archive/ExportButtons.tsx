/**
 * One button per export format, and the language of the files (the workshop's by default; every
 * download carries it as `&lang=`). A download shows its progress (bytes as they arrive; a PDF
 * first waits for the server to print it), then the file name and size, or why it failed.
 */
import { useId, useRef, useState } from 'react';
import type { Language } from '@shared/i18n/locales';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '@client/connection/api/errors';
import { downloadExport, type ExportFormat } from '@client/connection/api/records';
import { downloadBlob } from '@client/boards/capacity-map/diamond/exportDiamond';
import { describeError } from '@client/connection/api/describeError';

const FORMATS: ExportFormat[] = ['pdf', 'html', 'csv', 'xlsx', 'md', 'json'];
/** The export languages (the server's `lang` values), each named in itself. */
const LANGUAGES: readonly Language[] = ['en', 'de', 'fr', 'it', 'sl'];
const nativeName = (lng: Language) => {
  const name = new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng;
  return name.charAt(0).toLocaleUpperCase(lng) + name.slice(1);
};

type ExportState =
  | { status: 'idle' }
  | { status: 'busy'; format: ExportFormat; received: number; total: number | null }
  | { status: 'done'; file: string; size: number }
  | { status: 'error'; format: ExportFormat; message: string };

/** "12.3 kB", "1.4 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

interface ExportButtonsProps {
  workshopId: string;
  token: string;
  /** The version shown; undefined: the latest (or the live state when there is no record). */
  version?: number;
  live: boolean;
  /** The workshop's language, when its record says it; else the server picks it. */
  language?: string | undefined;
}

export function ExportButtons({ workshopId, token, version, live, language }: ExportButtonsProps) {
  const { t } = useTranslation();
  const languageId = useId();
  const known = LANGUAGES.find((lng) => lng === language);
  // '' = no `lang`: the server exports in the workshop's language.
  const [lang, setLang] = useState<string>(known ?? '');
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const busy = state.status === 'busy';
  const abort = useRef<AbortController | null>(null);
  const label = (format: ExportFormat) => t(`archive.export.formats.${format}`);

  const run = async (format: ExportFormat) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: 'busy', format, received: 0, total: null });
    try {
      const file = await downloadExport(workshopId, token, format, {
        version,
        lang: lang || undefined,
        signal: controller.signal,
        onProgress: ({ received, total }) => setState({ status: 'busy', format, received, total }),
      });
      downloadBlob(file.blob, file.fileName);
      setState({ status: 'done', file: file.fileName, size: file.blob.size });
    } catch (error) {
      if (controller.signal.aborted) return;
      const message =
        error instanceof ApiRequestError && error.status === 503
          ? t('archive.export.unavailable', { message: error.message })
          : describeError(error, t);
      setState({ status: 'error', format, message });
    }
  };

  return (
    <section
      className="archive-export"
      aria-labelledby="archive-export-title"
      data-testid="export-panel"
    >
      <h2 id="archive-export-title" className="archive-export__title">
        {t('archive.export.heading')}
      </h2>
      <p className="muted archive-export__intro">
        {live ? t('archive.export.introLive') : t('archive.export.intro')}
      </p>
      <div className="field archive-export__language">
        <label className="field__label" htmlFor={languageId}>
          {t('archive.export.language')}
        </label>
        <select
          id={languageId}
          className="field__input field__select"
          data-testid="export-language"
          value={lang}
          onChange={(e) => setLang(e.target.value)}
        >
          {known ? null : <option value="">{t('archive.export.workshopLanguage')}</option>}
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {nativeName(lng)}
            </option>
          ))}
        </select>
      </div>
      <div className="archive-export__buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={format === 'pdf' ? 'button button--primary' : 'button'}
            data-testid={`export-${format}`}
            aria-label={t('archive.export.download', { format: label(format) })}
            disabled={busy}
            aria-busy={busy && state.format === format ? true : undefined}
            onClick={() => void run(format)}
          >
            {label(format)}
          </button>
        ))}
      </div>
      <div className="archive-export__status" role="status" data-testid="export-status">
        {state.status === 'busy' && (
          <>
            <span>
              {state.received === 0
                ? t('archive.export.preparing', { format: label(state.format) })
                : state.total
                  ? t('archive.export.progress', {
                      format: label(state.format),
                      received: formatSize(state.received),
                      total: formatSize(state.total),
                    })
                  : t('archive.export.progressUnknown', {
                      format: label(state.format),
                      received: formatSize(state.received),
                    })}
            </span>
            <progress
              className="archive-export__progress"
              max={state.total ?? undefined}
              value={state.total ? state.received : undefined}
            />
          </>
        )}
        {state.status === 'done' &&
          t('archive.export.done', { file: state.file, size: formatSize(state.size) })}
      </div>
      {state.status === 'error' && (
        <p className="field__error" role="alert" data-testid="export-error">
          {t('archive.export.failed', { format: label(state.format), message: state.message })}
        </p>
      )}
    </section>
  );
}
