/**
 * One button per export format. A download shows its progress (bytes as they arrive; a PDF first
 * waits for the server to print it), then the file name and size, or why it failed.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/errors';
import { downloadExport, type ExportFormat } from '../api/records';
import { downloadBlob } from '../boards/capacity-map/diamond/exportDiamond';
import { describeError } from './describeError';

const FORMATS: ExportFormat[] = ['pdf', 'html', 'csv', 'md', 'json'];

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
}

export function ExportButtons({ workshopId, token, version, live }: ExportButtonsProps) {
  const { t } = useTranslation();
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
