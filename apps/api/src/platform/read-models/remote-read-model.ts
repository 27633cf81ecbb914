import type Database from 'better-sqlite3';
import { PositionWaiters } from '@customer-workspace/event-store';
import {
  openReadModelForReading,
  type Projection,
  type ProjectionStatus,
  type ServedReadModel,
} from '@customer-workspace/read-models';

/**
 * A read model whose projection runs in the projection thread, as the main thread serves it:
 * its state and checkpoint as that thread last reported them, a read connection of its own to
 * the generation that thread serves (reopened when a rebuild switches it), and the
 * read-your-writes waits.
 */
export class RemoteReadModel implements ServedReadModel {
  private readonly waiters = new PositionWaiters();
  private current: ProjectionStatus;
  private file?: string;
  private connection?: Database.Database;
  private closed = false;
  private markOpened!: () => void;
  private readonly firstReport = new Promise<void>((resolve) => (this.markOpened = resolve));

  constructor(
    readonly projection: Pick<Projection, 'name'>,
    /** Bytes of the file the read connection maps into memory (`READ_MODEL_MMAP_MB`). */
    private readonly mapBytes = 0,
  ) {
    this.current = { name: projection.name, state: 'starting', position: undefined };
  }

  /** Resolves once the thread has opened the read model, or was lost before it could. */
  opened(): Promise<void> {
    return this.firstReport;
  }

  status(): ProjectionStatus {
    return this.current;
  }

  reader(): Database.Database {
    if (!this.connection) throw new Error(`Projection ${this.projection.name} is not open`);
    return this.connection;
  }

  servingFile(): string {
    if (!this.file) throw new Error(`Projection ${this.projection.name} is not open`);
    return this.file;
  }

  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const applied = this.current.position;
    if (applied !== undefined && applied >= position) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return this.waiters.wait(position, timeoutMs);
  }

  /** The thread opened `file` or changed state. */
  reported(status: ProjectionStatus, file: string): void {
    if (file !== this.file) this.openReader(file);
    this.current = status;
    this.markOpened();
  }

  /** The thread committed a batch up to `position`. */
  checkpointed(position: bigint): void {
    this.current = { ...this.current, position };
    this.waiters.reached(position);
  }

  /** The thread is gone (crashed): nothing is applied until it is back. */
  lost(message: string): void {
    const since = this.current.failure?.since ?? new Date().toISOString();
    this.current = { ...this.current, state: 'failed', failure: { message, since } };
    this.markOpened();
  }

  close(): void {
    this.closed = true;
    this.current = { ...this.current, state: 'stopped' };
    this.waiters.abandonAll();
    this.connection?.close();
    this.connection = undefined;
    this.markOpened();
  }

  private openReader(file: string): void {
    const opened = openReadModelForReading(file, { mapBytes: this.mapBytes });
    this.connection?.close();
    this.connection = opened;
    this.file = file;
  }
}
