/**
 * The authoritative facilitation state of every workshop: loads it (or starts it from the template),
 * applies facilitator commands one at a time per workshop, persists each result before anyone hears
 * of it, and tells listeners (the socket.io room, the relay's lock gate).
 */
import {
  applyControlCommand,
  controlCommandSchema,
  type CommandResult,
} from '../../shared/control/commands';
import type { ControlStateEvent } from '../../shared/control/events';
import {
  controlStateSchema,
  initialControlState,
  type ControlState,
} from '../../shared/control/state';
import type { Role } from '../../shared/domain/workshop';
import type { Logger } from '../log';
import type { Storage } from '../storage/storage';

export type ControlListener = (workshopId: string, event: ControlStateEvent) => void;
export type ControlReply = { ok: true; value: ControlStateEvent } | { ok: false; error: string };

export class ControlService {
  private readonly states = new Map<string, ControlState>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<ControlListener>();

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  onChange(listener: ControlListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current state (loaded once; later reads come from memory). */
  get(workshopId: string): Promise<ControlState> {
    const cached = this.states.get(workshopId);
    if (cached) return Promise.resolve(cached);
    return this.serialise(workshopId, () => this.load(workshopId));
  }

  /** The current state if loaded (the relay's lock gate calls this on its hot path). */
  peek(workshopId: string): ControlState | undefined {
    return this.states.get(workshopId);
  }

  event(state: ControlState): ControlStateEvent {
    return { state, serverTime: this.now() };
  }

  /** Validates, authorises and applies one command; the reply carries the new state or the error. */
  apply(workshopId: string, role: Role, raw: unknown): Promise<ControlReply> {
    if (role !== 'facilitator') {
      return Promise.resolve({ ok: false, error: 'only facilitators can run the workshop' });
    }
    const parsed = controlCommandSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return Promise.resolve({
        ok: false,
        error: `invalid command: ${where}${issue?.message ?? ''}`,
      });
    }
    return this.serialise(workshopId, async (): Promise<ControlReply> => {
      const current = this.states.get(workshopId) ?? (await this.load(workshopId));
      const result: CommandResult = applyControlCommand(current, parsed.data, this.now());
      if (!result.ok) return result;
      await this.storage.putControlState(workshopId, JSON.stringify(result.state));
      this.states.set(workshopId, result.state);
      const event = this.event(result.state);
      for (const listener of this.listeners) listener(workshopId, event);
      return { ok: true, value: event };
    });
  }

  /** Forgets a workshop's state (it is reloaded from storage on next use). */
  evict(workshopId: string): void {
    this.states.delete(workshopId);
  }

  private async load(workshopId: string): Promise<ControlState> {
    const cached = this.states.get(workshopId);
    if (cached) return cached;
    const json = await this.storage.getControlState(workshopId);
    let state: ControlState | null = null;
    if (json) {
      const parsed = controlStateSchema.safeParse(safeJson(json));
      if (parsed.success) state = parsed.data;
      else
        this.log.error(
          { workshopId },
          'stored control state is invalid; starting from the template',
        );
    }
    if (!state) {
      const workshop = await this.storage.getWorkshop(workshopId);
      state = initialControlState(workshop?.template ?? 'edw');
    }
    this.states.set(workshopId, state);
    return state;
  }

  /** Runs `task` after every earlier task of the same workshop (commands never interleave). */
  private serialise<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(
      workshopId,
      next.catch(() => undefined),
    );
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
