/**
 * Wakes waiting subscribers when new events are stored. Appends in this process call
 * `notify()` directly (no delay); appends by other processes on the same file are noticed by
 * polling a cheap probe (SQLite's `data_version`) for as long as any subscription watches.
 */
export class ChangeNotifier {
  private version = 0;
  private readonly waiters = new Set<() => void>();
  private watchers = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastProbe = 0;

  constructor(
    private readonly externalChangeProbe: () => number,
    private readonly pollMs: number,
  ) {}

  /** A counter that grows with every change seen; read it before reading the store. */
  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Starts watching for other processes' appends; call the returned function to stop. */
  watch(): () => void {
    if (this.watchers++ === 0) {
      this.lastProbe = this.externalChangeProbe();
      this.timer = setInterval(() => this.poll(), this.pollMs);
      this.timer.unref();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.watchers === 0) this.stopTimer();
    };
  }

  /** Resolves once the version differs from `seen`, or when `cancel` is called. */
  waitForChange(seen: number): { promise: Promise<void>; cancel: () => void } {
    if (this.version !== seen) return { promise: Promise.resolve(), cancel: () => undefined };
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    const cancel = (): void => {
      this.waiters.delete(wake);
      wake();
    };
    return { promise, cancel };
  }

  close(): void {
    this.stopTimer();
    this.notify();
  }

  private poll(): void {
    let probe: number;
    try {
      probe = this.externalChangeProbe();
    } catch {
      return; // the database is closing; the next poll or close() settles it
    }
    if (probe !== this.lastProbe) {
      this.lastProbe = probe;
      this.notify();
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
