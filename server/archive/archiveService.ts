/**
 * Archiving: a workshop's record is extracted from its live doc, its control state and the people
 * who joined, validated, and stored as the next version (archive or snapshot; one sequence per
 * workshop). Archiving also closes the workshop: from that moment the relay refuses every edit,
 * from anyone, until a facilitator reopens it. Commands on one workshop run one at a time.
 */
import { recordSchema, type RecordKind } from '../../shared/record/schema';
import { extractRecord } from '../../shared/record/extract';
import type { RecordSummary } from '../../shared/record/api';
import type { WorkshopStatus } from '../../shared/domain/workshop';
import type { ControlService } from '../control/controlService';
import { KeyedQueue } from '../lib/keyedQueue';
import type { Logger } from '../log';
import type { Identities, Records, Workshops } from '../storage/storage';
import type { UpdateGate } from '../sync/room';
import type { RoomRegistry } from '../sync/rooms';
import { summarise, toRecordRow } from './recordRow';

/** A refusal the API reports with its status (404 no such thing, 409 wrong state, 500 broken). */
export class ArchiveError extends Error {
  constructor(
    readonly status: 404 | 409 | 422 | 500,
    message: string,
  ) {
    super(message);
  }
}

export type StatusListener = (workshopId: string, status: WorkshopStatus) => void;

/** The close reason a client gets when it edits an archived workshop. */
export const ARCHIVED_REASON = 'the workshop is archived (read-only)';

export interface ArchiveServiceDeps {
  storage: Workshops & Identities & Records;
  rooms: RoomRegistry;
  control: ControlService;
  log: Logger;
  now?: () => number;
}

export class ArchiveService {
  private readonly statuses = new Map<string, WorkshopStatus>();
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<StatusListener>();
  private readonly now: () => number;

  constructor(private readonly deps: ArchiveServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A workshop's status (loaded once, then from memory); 'open' for an unknown workshop. */
  async status(workshopId: string): Promise<WorkshopStatus> {
    const cached = this.statuses.get(workshopId);
    if (cached) return cached;
    const stored = await this.deps.storage.getWorkshopStatus(workshopId);
    if (!stored) return 'open';
    // A command may have changed it while storage answered: memory wins.
    const status = this.statuses.get(workshopId) ?? stored;
    this.statuses.set(workshopId, status);
    return status;
  }

  /** Another process archived or reopened the workshop: the status here is read again. */
  refresh(workshopId: string): Promise<void> {
    if (!this.statuses.has(workshopId)) return Promise.resolve();
    return this.queue.run(workshopId, async () => {
      const stored = await this.deps.storage.getWorkshopStatus(workshopId);
      if (stored) this.statuses.set(workshopId, stored);
    });
  }

  /**
   * The update gate of a workshop's room: refuses everything while it is archived, else asks
   * `inner` (the lock gate). Its status must be loaded before the room (rooms' beforeLoad).
   */
  gate(workshopId: string, inner?: UpdateGate): UpdateGate {
    return (role, update, doc) => {
      if (this.statuses.get(workshopId) === 'archived') return ARCHIVED_REASON;
      return inner ? inner(role, update, doc) : true;
    };
  }

  /** Stores the next version as an archive and makes the workshop read-only. */
  archive(workshopId: string): Promise<RecordSummary> {
    return this.queue.run(workshopId, async () => {
      if ((await this.status(workshopId)) === 'archived') {
        throw new ArchiveError(409, 'the workshop is already archived');
      }
      // The room's clock stops with the workshop: the running phase ends now (so the record has its
      // end time) and the timer is reset (no end cue on a closed workshop). Neither may be running.
      await this.deps.control.apply(workshopId, 'facilitator', { type: 'phase:end' });
      await this.deps.control.apply(workshopId, 'facilitator', { type: 'timer:reset' });
      // Closed first, so no edit slips in between the record and the status.
      this.statuses.set(workshopId, 'archived');
      try {
        const summary = await this.capture(workshopId, 'archive');
        this.emit(workshopId, 'archived');
        return summary;
      } catch (err) {
        this.statuses.set(workshopId, 'open');
        throw err;
      }
    });
  }

  /** Stores the next version as a snapshot; the workshop stays open. */
  snapshot(workshopId: string): Promise<RecordSummary> {
    return this.queue.run(workshopId, async () => {
      if ((await this.status(workshopId)) === 'archived') {
        throw new ArchiveError(409, 'the workshop is archived: its latest record is the archive');
      }
      return this.capture(workshopId, 'snapshot');
    });
  }

  /** Makes an archived workshop editable again; its next archive is a new version. */
  reopen(workshopId: string): Promise<void> {
    return this.queue.run(workshopId, async () => {
      if ((await this.status(workshopId)) !== 'archived') {
        throw new ArchiveError(409, 'the workshop is not archived');
      }
      await this.deps.storage.setWorkshopStatus(workshopId, 'open');
      this.statuses.set(workshopId, 'open');
      this.emit(workshopId, 'open');
    });
  }

  private async capture(workshopId: string, kind: RecordKind): Promise<RecordSummary> {
    const { storage, rooms, control, log } = this.deps;
    const version = (await storage.latestRecordVersion(workshopId)) + 1;
    const [workshop, controlState, people] = await Promise.all([
      storage.getWorkshop(workshopId),
      control.get(workshopId),
      storage.listIdentities(workshopId),
    ]);
    if (!workshop) throw new ArchiveError(404, 'no such workshop');
    const archivedAt = this.now();
    const extracted = await rooms.withDocument(workshopId, (doc) =>
      extractRecord(doc, controlState, people, { version, kind, archivedAt, workshop }),
    );
    const parsed = recordSchema.safeParse(extracted);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      log.error({ workshopId, issues: parsed.error.issues.slice(0, 5) }, 'invalid record');
      throw new ArchiveError(500, `the record is invalid at ${where}: ${issue?.message ?? ''}`);
    }
    await storage.insertRecord(toRecordRow(parsed.data));
    log.info({ workshopId, version, kind }, 'record stored');
    return summarise(parsed.data);
  }

  private emit(workshopId: string, status: WorkshopStatus): void {
    for (const listener of this.listeners) {
      try {
        listener(workshopId, status);
      } catch (err) {
        this.deps.log.error({ err, workshopId }, 'a workshop status listener failed');
      }
    }
  }
}
