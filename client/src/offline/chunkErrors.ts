/**
 * A lazily loaded part of the app (a board, a dialog, a page) whose code could not be downloaded:
 * the network dropped, or a new deploy removed the old hashed file. Each browser words it its own
 * way; Vite adds its own for a CSS file the chunk needs.
 */
const CHUNK_ERROR =
  /dynamically imported module|importing a module script failed|error loading dynamically imported module|unable to preload css|failed to load module script/i;

export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ChunkLoadError' || CHUNK_ERROR.test(error.message);
}

/** How long to wait before the one retry: a flaky network often answers a second later. */
export const RETRY_DELAY_MS = 1_000;

/** Loads a chunk; on a chunk error, once more after a short pause, then gives up (rejects). */
export function withRetry<T>(load: () => Promise<T>, delayMs = RETRY_DELAY_MS): Promise<T> {
  return load().catch((error: unknown) => {
    if (!isChunkLoadError(error)) throw error;
    return new Promise<T>((resolve, reject) => {
      setTimeout(() => load().then(resolve, reject), delayMs);
    });
  });
}
