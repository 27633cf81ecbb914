/**
 * The pause before a retry of a subscription follower (projection, process manager): `wait`
 * resolves after `ms`, or at once when `interrupt` is called (shutdown).
 */
export class InterruptiblePause {
  private wakeUp?: () => void;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  interrupt(): void {
    this.wakeUp?.();
  }
}

/** Retry delay after `failures` consecutive failures: 0.5 s, 1 s, 2 s … up to `maxMs`. */
export function retryDelay(failures: number, maxMs = 30_000): number {
  return Math.min(maxMs, 250 * 2 ** failures);
}
