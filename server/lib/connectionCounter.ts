/**
 * Open connections per key (a client IP), with a ceiling: one address must not hold every socket
 * the process can serve. Used by the control plane; the sync server can share the idea.
 */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();
  /** Keys refused since they last had room: their next refusals are not worth another log line. */
  private readonly refused = new Set<string>();

  constructor(readonly max: number) {}

  /**
   * Takes a place for `key`, or null when it already holds `max`. Call the returned release when
   * the connection closes; calling it twice releases once.
   */
  tryOpen(key: string): (() => void) | null {
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) return null;
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
      this.refused.delete(key);
    };
  }

  /** True the first time `key` is refused since it last had room (log once per episode). */
  firstRefusal(key: string): boolean {
    if (this.refused.has(key)) return false;
    this.refused.add(key);
    return true;
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
