/**
 * How many control-plane events one connection may send: a token bucket of `perSecond` events,
 * refilled continuously. Past it, events are refused; a connection whose refusals within one
 * second exceed FLOOD_FACTOR times its allowance is flooding and should be closed.
 */
export const FLOOD_FACTOR = 10;

export type EventVerdict = 'run' | 'refuse' | 'flood';

export class EventBudget {
  private tokens: number;
  private refilledAt: number;
  private refusals = 0;
  private refusalsSince: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.refilledAt = this.refusalsSince = now();
  }

  /** Spends one event's worth, or says why not. */
  take(): EventVerdict {
    const now = this.now();
    const refill = ((now - this.refilledAt) / 1000) * this.perSecond;
    this.tokens = Math.min(this.perSecond, this.tokens + refill);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'run';
    }
    if (now - this.refusalsSince >= 1000) {
      this.refusalsSince = now;
      this.refusals = 0;
    }
    this.refusals += 1;
    return this.refusals > FLOOD_FACTOR * this.perSecond ? 'flood' : 'refuse';
  }
}
