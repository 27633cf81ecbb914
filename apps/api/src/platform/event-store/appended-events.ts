import { Injectable } from '@nestjs/common';

/**
 * Tells who listens that this process appended events: a projection thread following the
 * store over its own connection reads them at once instead of at its next poll.
 */
@Injectable()
export class AppendedEvents {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` after every append; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(): void {
    for (const listener of this.listeners) listener();
  }
}
