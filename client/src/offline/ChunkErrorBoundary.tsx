/**
 * Catches a part of the app whose code could not be downloaded (see chunkErrors.ts) and says so,
 * with a way out, instead of a blank screen: "Try again" (when given `onRetry`) and "Reload the
 * page". The workshop itself is safe meanwhile: the doc and unsent edits are in IndexedDB. Any
 * other error goes on up, as if this boundary were not there.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusScreen } from '@client/ui/StatusScreen';
import { isChunkLoadError } from './chunkErrors';
import './offline.css';

interface ChunkErrorBoundaryProps {
  children: ReactNode;
  /** Fill the page (around the whole app) rather than the board's panel. */
  page?: boolean;
  /** Loads the chunk anew (a fresh lazy component) and renders the children again. */
  onRetry?: () => void;
}

interface ChunkErrorBoundaryState {
  error: Error | null;
}

export class ChunkErrorBoundary extends Component<
  ChunkErrorBoundaryProps,
  ChunkErrorBoundaryState
> {
  override state: ChunkErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ChunkErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    if (isChunkLoadError(error))
      console.warn('chunk not loaded', error.message, info.componentStack);
  }

  private readonly retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Not ours: rethrown, for a boundary further up (or React's default) to handle.
    if (!isChunkLoadError(error)) throw error;
    return (
      <ChunkFailed page={this.props.page} onRetry={this.props.onRetry ? this.retry : undefined} />
    );
  }
}

function ChunkFailed({ page, onRetry }: { page?: boolean; onRetry?: () => void }) {
  const { t } = useTranslation();
  const body = navigator.onLine ? t('offline.chunk.online') : t('offline.chunk.offline');
  const buttons = (
    <div className="chunk-failed__actions">
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} data-testid="chunk-retry">
          {t('offline.chunk.retry')}
        </button>
      )}
      <button
        type="button"
        className="button button--primary"
        onClick={() => window.location.reload()}
        data-testid="chunk-reload"
      >
        {t('offline.chunk.reload')}
      </button>
    </div>
  );
  if (page) {
    return (
      <StatusScreen
        title={t('offline.chunk.title')}
        body={body}
        tone="warning"
        testId="chunk-failed"
      >
        {buttons}
      </StatusScreen>
    );
  }
  return (
    <div className="chunk-failed" role="alert" data-testid="chunk-failed">
      <h2 className="chunk-failed__title">{t('offline.chunk.title')}</h2>
      <p className="chunk-failed__body">{body}</p>
      {buttons}
    </div>
  );
}
