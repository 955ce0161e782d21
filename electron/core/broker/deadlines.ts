/**
 * Deadlines of a session's calls on one timer: a call in flight costs a map entry, not a
 * `setTimeout` and a `clearTimeout` (which showed in the broker's profile). The timer is armed
 * for the earliest deadline; a call that ends leaves it armed, and when it fires it expires what
 * is due and re-arms for the next. Unreferenced: the calls' own connections keep the process up.
 */
export class Deadlines<K> {
  private readonly entries = new Map<K, { at: number; expire: () => void }>();
  private timer: NodeJS.Timeout | null = null;
  private armedAt = Infinity;

  constructor(private readonly now: () => number) {}

  /** Calls `expire` unless `key` is deleted within `ms`. */
  add(key: K, ms: number, expire: () => void): void {
    const at = this.now() + ms;
    this.entries.set(key, { at, expire });
    if (at < this.armedAt) this.arm(at);
  }

  /** Moves `key`'s deadline to `ms` from now (progress keeps a call alive). */
  refresh(key: K, ms: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.at = this.now() + ms;
    // A later deadline needs nothing: the armed timer fires early, finds nothing due, re-arms.
    if (entry.at < this.armedAt) this.arm(entry.at);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(1, at - this.now()));
    this.timer.unref();
  }

  private fire(): void {
    this.timer = null;
    this.armedAt = Infinity;
    const now = this.now();
    let next = Infinity;
    const due: (() => void)[] = [];
    for (const [key, entry] of this.entries) {
      if (entry.at <= now) {
        this.entries.delete(key);
        due.push(entry.expire);
      } else if (entry.at < next) next = entry.at;
    }
    if (next !== Infinity) this.arm(next);
    for (const expire of due) expire();
  }
}
