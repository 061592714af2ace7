/**
 * Which of a workshop's logged updates a room's doc holds, by seq. The database numbers the log
 * (server/storage/storage.ts DocumentLog); another process may take seqs in between this room's
 * own, so what the room holds can have gaps. A snapshot may only claim the seqs below the first
 * gap (`through`): compacting further would drop updates the snapshot does not contain.
 */
export class SeqFrontier {
  /** Every seq ≤ through is in the doc. */
  private contiguous: number;
  /** Held ranges past a gap, sorted by first seq, never touching `contiguous`. */
  private ahead: [number, number][] = [];

  constructor(through: number) {
    this.contiguous = through;
  }

  get through(): number {
    return this.contiguous;
  }

  /** The highest seq held (the end of the last range, or `through`). */
  get last(): number {
    return this.ahead.length > 0 ? this.ahead[this.ahead.length - 1]![1] : this.contiguous;
  }

  /** Records that the doc now holds seqs first … last. */
  add(first: number, last: number): void {
    if (last <= this.contiguous) return;
    const at = this.ahead.findIndex(([f]) => f > first);
    this.ahead.splice(at === -1 ? this.ahead.length : at, 0, [first, last]);
    const merged: [number, number][] = [];
    for (const range of this.ahead) {
      if (range[0] <= this.contiguous + 1) {
        this.contiguous = Math.max(this.contiguous, range[1]);
        continue;
      }
      const previous = merged[merged.length - 1];
      if (previous && range[0] <= previous[1] + 1) previous[1] = Math.max(previous[1], range[1]);
      else merged.push([range[0], range[1]]);
    }
    this.ahead = merged;
  }
}
