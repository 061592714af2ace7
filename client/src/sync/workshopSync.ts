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
} from '../../../shared/sync/closeCodes';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

/** Close codes 4400–4499 mean the server refused this link (4401 bad token, 4404 no workshop). */
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
    window.addEventListener('online', this.refreshStatus);
    window.addEventListener('offline', this.refreshStatus);
    window.addEventListener('pagehide', this.leave);
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
    window.removeEventListener('online', this.refreshStatus);
    window.removeEventListener('offline', this.refreshStatus);
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
    } else if (event.code >= 4400 && event.code < 4500 && !RETRY_CODES.has(event.code)) {
      this.rejection = { code: event.code, reason: event.reason };
      this.provider.shouldConnect = false;
      this.provider.disconnect();
    }
    this.refreshStatus();
  };

  private readonly leave = () => {
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'window unload');
  };

  private readonly refreshStatus = () => {
    const provider = this.provider;
    let next: ConnectionStatus;
    if (provider.wsconnected && provider.synced) next = 'connected';
    else if (
      this.rejection ||
      !navigator.onLine ||
      provider.wsUnsuccessfulReconnects >= ATTEMPTS_BEFORE_OFFLINE
    )
      next = 'offline';
    else next = 'connecting';
    if (next !== this.status) this.status = next;
    this.emit();
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
