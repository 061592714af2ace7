/**
 * One workshop's replica: the Y.Doc, the WebSocket provider that syncs it with the server, the
 * IndexedDB copy that keeps it (and unsent edits) across reloads and offline periods, and the
 * awareness (presence) channel. Everything is torn down by `destroy()`.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import {
  CLOSE_LOCKED,
  CLOSE_TOO_MANY,
  CLOSE_TOO_SLOW,
  CLOSE_WORKSHOP_FULL,
  isRefusalCode,
} from '@shared/sync/closeCodes';
import { DEAD_AFTER_MS, LIVENESS_CHECK_MS, PROBE_AFTER_MS } from '@shared/sync/liveness';

/** `reconnecting`: was connected, lost the server (silence or a closed socket), trying again. */
export type ConnectionStatus = 'connected' | 'connecting' | 'reconnecting' | 'offline';

/** The server refused this link (a close code of shared/sync/closeCodes.ts: CLOSE_UNAUTHORIZED, CLOSE_NOT_FOUND…). */
export type SyncRejection = { code: number; reason: string };

/**
 * The server refused a change of ours — its board is locked, or the workshop is full — so this
 * copy holds an edit the server will never take: it must be discarded.
 */
export type ChangeRefusal = 'locked' | 'full';

/** Passing conditions (too slow, too many connections now): the provider reconnects by itself. */
const RETRY_CODES = new Set([CLOSE_TOO_SLOW, CLOSE_TOO_MANY]);

/** After this many failed attempts in a row the badge says offline instead of connecting. */
const ATTEMPTS_BEFORE_OFFLINE = 2;

/** An awareness message carrying an empty update: the server answers it with its keep-alive. */
const PING = new Uint8Array([1, 1, 0]);

export function syncServerUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/yjs`;
}

export function localDatabaseName(workshopId: string): string {
  return `transforma-${workshopId}`;
}

export class WorkshopSync {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  private readonly persistence: IndexeddbPersistence;
  private readonly listeners = new Set<() => void>();
  private status: ConnectionStatus = 'connecting';
  private rejection: SyncRejection | null = null;
  private refusal: ChangeRefusal | null = null;
  private localLoaded = false;
  private destroyed = false;
  /** Synced at least once: a later loss reads "Reconnecting…", not "Connecting…". */
  private wasConnected = false;
  /** When the unanswered ping went out (null: none pending). */
  private probeSentAt: number | null = null;
  /** The server went silent after a ping: not connected, whatever the socket says. */
  private silent = false;
  private readonly liveness: number;

  constructor(
    readonly workshopId: string,
    token: string,
  ) {
    this.persistence = new IndexeddbPersistence(localDatabaseName(workshopId), this.doc);
    this.provider = new WebsocketProvider(syncServerUrl(), workshopId, this.doc, {
      params: { token },
      // Tabs sync through the server only, so a tab's rights are always checked by the server.
      disableBc: true,
    });
    this.awareness = this.provider.awareness;
    this.provider.on('status', this.refreshStatus);
    this.provider.on('sync', this.refreshStatus);
    this.provider.on('connection-close', this.refreshStatus);
    this.provider.on('closed', this.onClosed);
    void this.persistence.whenSynced.then(() => {
      this.localLoaded = true;
      this.emit();
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('pagehide', this.leave);
    this.liveness = window.setInterval(this.checkLiveness, LIVENESS_CHECK_MS);
  }

  getStatus = (): ConnectionStatus => this.status;

  /** Set when the server refused the link; the provider then stops reconnecting. */
  getRejection = (): SyncRejection | null => this.rejection;

  /** Set when a change of ours was refused (lock, full workshop); the provider stops. */
  getRefusal = (): ChangeRefusal | null => this.refusal;

  /** Deletes this device's stored copy of the workshop (to resync from the server). */
  clearLocalData(): Promise<void> {
    return this.persistence.clearData();
  }

  /** True once the doc holds what this device had stored, or the server's state. */
  isLoaded = (): boolean => this.localLoaded || this.provider.synced;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.clearInterval(this.liveness);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('pagehide', this.leave);
    this.awareness.setLocalState(null);
    this.provider.off('status', this.refreshStatus);
    this.provider.off('sync', this.refreshStatus);
    this.provider.off('connection-close', this.refreshStatus);
    this.provider.off('closed', this.onClosed);
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private readonly onClosed = (event: { code: number; reason: string }) => {
    if (event.code === CLOSE_LOCKED || event.code === CLOSE_WORKSHOP_FULL) {
      // Reconnecting would resend the refused change: stop until the copy is discarded.
      this.refusal = event.code === CLOSE_LOCKED ? 'locked' : 'full';
      this.provider.shouldConnect = false;
      this.provider.disconnect();
    } else if (isRefusalCode(event.code) && !RETRY_CODES.has(event.code)) {
      this.rejection = { code: event.code, reason: event.reason };
      this.provider.shouldConnect = false;
      this.provider.disconnect();
    }
    this.refreshStatus();
  };

  private readonly leave = () => {
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'window unload');
  };

  /** The browser knows the network is gone: say so at once, and drop the socket it strands. */
  private readonly onOffline = () => {
    this.dropConnection();
    this.refreshStatus();
  };

  /** Back online: try now rather than after the provider's back-off. */
  private readonly onOnline = () => {
    if (this.provider.shouldConnect && !this.rejection && !this.refusal) this.provider.connect();
    this.refreshStatus();
  };

  private readonly checkLiveness = () => {
    const provider = this.provider;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) {
      this.probeSentAt = null;
      return;
    }
    const now = Date.now();
    const heard = provider.wsLastMessageReceived;
    if (this.probeSentAt !== null && heard >= this.probeSentAt) {
      this.probeSentAt = null; // answered
      if (this.silent) {
        this.silent = false;
        this.refreshStatus();
      }
    }
    if (this.probeSentAt === null) {
      if (now - heard >= PROBE_AFTER_MS) {
        this.probeSentAt = now;
        ws.send(PING);
      }
    } else if (now - this.probeSentAt >= DEAD_AFTER_MS) {
      this.silent = true;
      this.dropConnection();
      this.refreshStatus();
    }
  };

  /**
   * Closes the socket without waiting for a close handshake the network may never deliver; the
   * provider then reconnects with its back-off.
   */
  private dropConnection(): void {
    this.probeSentAt = null;
    if (!this.provider.ws || !this.provider.shouldConnect) return;
    this.provider.disconnect();
    this.provider.shouldConnect = true;
  }

  private readonly refreshStatus = () => {
    const provider = this.provider;
    if (provider.synced && !this.silent) this.wasConnected = true;
    // A new connection that synced proves the server is there again.
    if (provider.wsconnected && provider.synced && this.probeSentAt === null) this.silent = false;
    let next: ConnectionStatus;
    if (this.rejection || !navigator.onLine) next = 'offline';
    else if (provider.wsconnected && provider.synced && !this.silent) next = 'connected';
    else if (provider.wsUnsuccessfulReconnects >= ATTEMPTS_BEFORE_OFFLINE) next = 'offline';
    else next = this.wasConnected ? 'reconnecting' : 'connecting';
    if (next !== this.status) this.status = next;
    this.emit();
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
