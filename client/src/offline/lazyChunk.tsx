/**
 * `lazy()` for the parts of the app loaded on first use (the boards), made to survive a flaky
 * network: a failed download is retried once, and if it fails again the part shows what happened
 * with "Try again" and "Reload the page" (ChunkErrorBoundary) instead of a blank screen. Offline,
 * the service worker serves every chunk from its cache, so this is the rare case: a chunk missing
 * after a deploy, or a browser without a service worker.
 */
import { lazy, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { ChunkErrorBoundary } from './ChunkErrorBoundary';
import { withRetry } from './chunkErrors';

export function lazyChunk<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> {
  const make = () => lazy(() => withRetry(load));
  // React caches a lazy component's failure: "Try again" needs a fresh one, kept for everyone after.
  let current: LazyExoticComponent<ComponentType<P>> = make();

  function LazyChunk(props: P) {
    const [View, setView] = useState(() => current);
    const retry = () => {
      current = make();
      setView(() => current);
    };
    return (
      <ChunkErrorBoundary onRetry={retry}>
        <View {...props} />
      </ChunkErrorBoundary>
    );
  }
  return LazyChunk;
}
