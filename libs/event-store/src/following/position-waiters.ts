interface Waiter {
  readonly position: bigint;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Read-your-writes waits (`minPosition`): each caller waits until the read model has applied a
 * position, or gives up after its timeout. A wait costs a timer, nothing while it waits.
 */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  /** Resolves true once `reached` is told `position` or a later one, false after `timeoutMs`. */
  wait(position: bigint, timeoutMs: number): Promise<boolean> {
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** The read model has applied everything up to `position`: its waiters are answered. */
  reached(position: bigint): void {
    for (const waiter of this.waiters) if (position >= waiter.position) this.settle(waiter, true);
  }

  /** Answers every wait false (shutdown). */
  abandonAll(): void {
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  /** How many waits are pending. */
  get size(): number {
    return this.waiters.size;
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(reached);
  }
}
