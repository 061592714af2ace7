import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Component, Suspense, type ReactNode } from 'react';
import '@client/i18n';
import { isChunkLoadError } from './chunkErrors';
import { lazyChunk } from './lazyChunk';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** What Chromium says when a lazy chunk cannot be downloaded. */
const chunkError = () =>
  new TypeError('Failed to fetch dynamically imported module: http://x/assets/Board-abc.js');

/** A boundary above the chunk's own: records what reaches it. */
class ErrorCatcher extends Component<{ children: ReactNode; onError: (e: unknown) => void }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function Board({ name }: { name: string }) {
  return <p>Board {name}</p>;
}

/** A loader that fails `failures` times, then gives the board. */
function flakyLoader(failures: number) {
  let calls = 0;
  const load = vi.fn(() => {
    calls++;
    return calls <= failures ? Promise.reject(chunkError()) : Promise.resolve({ default: Board });
  });
  return load;
}

function show(View: ReturnType<typeof lazyChunk<{ name: string }>>) {
  render(
    <Suspense fallback={<p>Loading…</p>}>
      <View name="notes" />
    </Suspense>,
  );
}

describe('lazyChunk', () => {
  it('tells a chunk that failed to download from other errors', () => {
    expect(isChunkLoadError(chunkError())).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('x is undefined'))).toBe(false);
  });

  it('retries a failed download once, and then shows the board', async () => {
    const load = flakyLoader(1);
    show(lazyChunk(load));
    expect(await screen.findByText('Board notes', undefined, { timeout: 3000 })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says so with Try again and Reload after two failures, and Try again loads it anew', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = flakyLoader(2);
    show(lazyChunk(load));
    await screen.findByTestId('chunk-failed', undefined, { timeout: 3000 });
    expect(screen.getByRole('heading').textContent).toBe(
      'This part of Transforma could not be loaded',
    );
    expect(screen.getByTestId('chunk-reload').textContent).toBe('Reload the page');
    expect(load).toHaveBeenCalledTimes(2);

    fireEvent.click(screen.getByTestId('chunk-retry'));
    expect(await screen.findByText('Board notes')).toBeTruthy();
    expect(screen.queryByTestId('chunk-failed')).toBeNull();
  });

  it('lets other errors through to the boundaries above', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const View = lazyChunk<{ name: string }>(() => Promise.reject(new Error('a bug')));
    const caught = vi.fn();
    render(
      <ErrorCatcher onError={caught}>
        <Suspense fallback={null}>
          <View name="notes" />
        </Suspense>
      </ErrorCatcher>,
    );
    await vi.waitFor(() => expect(caught).toHaveBeenCalled());
    expect((caught.mock.calls[0]![0] as Error).message).toBe('a bug');
    expect(screen.queryByTestId('chunk-failed')).toBeNull();
  });
});
