/**
 * Vote turnout ("k of n have voted") for a workshop's running vote: counted from the stored ballots
 * and who is online, and told to the room at most every TURNOUT_EVERY_MS (a room of 150 voting at
 * once). Only counts leave the server.
 */
import { voteTurnout, type VoteTurnout } from '../../shared/control/votes';
import type { Logger } from '../log';
import type { ControlService } from './controlService';
import type { PeopleService } from './peopleService';

const TURNOUT_EVERY_MS = 300;

export class VoteTurnoutAnnouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly control: ControlService,
    private readonly people: PeopleService,
    private readonly tell: (workshopId: string, turnout: VoteTurnout) => void,
    private readonly log: Logger,
  ) {}

  /** The turnout now; null when no vote is open or waiting for its reveal. */
  async current(workshopId: string): Promise<VoteTurnout | null> {
    const current = await this.control.currentBallots(workshopId);
    if (!current || current.vote.status === 'revealed') return null;
    const people = await this.people.participants(workshopId);
    return voteTurnout(current.vote.id, current.ballots, people);
  }

  /** Tells the room soon (one message for a burst of dots, comings and goings). */
  schedule(workshopId: string): void {
    if (this.timers.has(workshopId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(workshopId);
      this.current(workshopId)
        .then((turnout) => turnout && this.tell(workshopId, turnout))
        .catch((err: unknown) =>
          this.log.error({ err, workshopId }, 'could not count the turnout'),
        );
    }, TURNOUT_EVERY_MS);
    timer.unref();
    this.timers.set(workshopId, timer);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
