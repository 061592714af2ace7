/**
 * Real y-websocket clients for the bench: `y-websocket`'s WebsocketProvider with its own Y.Doc
 * and Awareness (the package's own renewal every 15 s, as in a browser), over `ws`. A WebSocket
 * subclass given as WebSocketPolyfill counts incoming messages and, when armed, notes the arrival
 * of the largest message (the full state on a join).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { nowMs } from './lite-client';
import { withTimeout } from './withTimeout';

/** What every provider socket of this process received. */
export const wire = {
  messagesIn: 0,
  /** armed by late join: the largest message seen and when it arrived (nowMs) */
  probe: null as { bytes: number; t: number } | null,
};

class CountingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on('message', (data: WebSocket.RawData) => {
      wire.messagesIn++;
      const probe = wire.probe;
      if (!probe) return;
      const bytes = Array.isArray(data)
        ? data.reduce((n, b) => n + b.byteLength, 0)
        : data.byteLength;
      if (bytes > probe.bytes) {
        probe.bytes = bytes;
        probe.t = nowMs();
      }
    });
  }
}

export interface ProviderOptions {
  /** set a presence state on join (renewed by y-protocols' Awareness every 15 s) */
  awareness: boolean;
  name: string;
  /** the socket closed while the client was meant to be open (close code) */
  onClose?: (code: number) => void;
}

export class ProviderClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  synced = false;
  /** resolves on the first sync (never rejects; callers bound the wait) */
  readonly whenSynced: Promise<void>;
  private closing = false;

  /** url: ws://host:port/prefix/<room>?query, as the orchestrator hands them out */
  constructor(url: string, opts: ProviderOptions) {
    const u = new URL(url);
    const slash = u.pathname.lastIndexOf('/');
    const serverUrl = `${u.protocol}//${u.host}${u.pathname.slice(0, slash)}`;
    const room = u.pathname.slice(slash + 1);
    this.provider = new WebsocketProvider(serverUrl, room, this.doc, {
      WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: Object.fromEntries(u.searchParams),
      maxBackoffTime: 2500,
    });
    if (opts.awareness) {
      this.provider.awareness.setLocalState({ user: { name: opts.name, color: '#ffb300' } });
    } else {
      this.provider.awareness.setLocalState(null);
    }
    this.whenSynced = new Promise((resolve) => {
      const onSync = (isSynced: boolean): void => {
        if (!isSynced) return;
        this.synced = true;
        this.provider.off('sync', onSync);
        resolve();
      };
      this.provider.on('sync', onSync);
    });
    this.provider.on('connection-close', (event: { code?: number } | null) => {
      if (!this.closing) opts.onClose?.(event?.code ?? 0);
    });
  }

  notes(): Y.Array<Y.Map<unknown>> {
    return this.doc.getArray<Y.Map<unknown>>('notes');
  }

  destroy(): void {
    this.closing = true;
    try {
      this.provider.awareness.destroy();
      this.provider.destroy();
      this.doc.destroy();
    } catch {
      // already gone
    }
  }
}

export interface ProviderRoom {
  clients: ProviderClient[];
  connectMs: number;
  notSynced: number;
  closes: Record<string, number>;
  teardown: () => void;
}

/**
 * Connects one provider per entry of `urls` (entry j: client j's room), `batch` at a time, each
 * batch waiting (bounded) for its clients to sync; the whole thing gives up after timeoutMs.
 */
export async function openProviders(
  urls: readonly string[],
  opts: { awareness: boolean; batch: number; timeoutMs: number; namePrefix: string },
): Promise<ProviderRoom> {
  const closes: Record<string, number> = {};
  const onClose = (code: number): void => {
    closes[String(code)] = (closes[String(code)] ?? 0) + 1;
  };
  const clients: ProviderClient[] = [];
  const t0 = performance.now();
  const deadline = t0 + opts.timeoutMs;
  for (let i = 0; i < urls.length && performance.now() < deadline; i += opts.batch) {
    const group: Promise<void>[] = [];
    for (let j = i; j < Math.min(urls.length, i + opts.batch); j++) {
      const c = new ProviderClient(urls[j] as string, {
        awareness: opts.awareness,
        name: `${opts.namePrefix}-${j}`,
        onClose,
      });
      clients.push(c);
      group.push(c.whenSynced);
    }
    await withTimeout(Promise.all(group), Math.max(1, deadline - performance.now()));
  }
  return {
    clients,
    connectMs: performance.now() - t0,
    notSynced: urls.length - clients.filter((c) => c.synced).length,
    closes,
    teardown: () => {
      for (const c of clients) c.destroy();
    },
  };
}

/**
 * Wait minMs, then until this process's event loop is no longer backed up (no timer more than
 * 30 ms late within 500 ms), i.e. the join storm has been processed; bounded by maxMs. Real
 * clients renew their presence every 15 s, so with hundreds of them messages never stop for long:
 * "no message for 500 ms" (the lite criterion) would not come.
 */
export async function settleProviders(minMs: number, maxMs = 20_000): Promise<boolean> {
  await sleep(minMs);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const end = performance.now() + maxMs;
  try {
    while (performance.now() < end) {
      loop.reset();
      await sleep(500);
      if (loop.max / 1e6 < 30) return true;
    }
    return false;
  } finally {
    loop.disable();
  }
}
