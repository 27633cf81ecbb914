/**
 * The api's clock, for what depends on time (GDAP relationships: their commands' instants,
 * their expiries and auto-extensions). It reads real time; the end-to-end tests move it
 * (`travelTo`, `advanceBy`) instead of waiting, and whoever sleeps until an instant listens
 * for moves (`onMove`). Nothing in the api moves it.
 */
export class Clock {
  private offsetMs = 0;
  private readonly listeners = new Set<() => void>();

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock to `instant` (tests). */
  travelTo(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
    this.moved();
  }

  /** Moves the clock forward by `ms` (tests). */
  advanceBy(ms: number): void {
    this.offsetMs += ms;
    this.moved();
  }

  /** Calls `listener` after every move; returns what stops it. */
  onMove(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private moved(): void {
    for (const listener of this.listeners) listener();
  }
}
