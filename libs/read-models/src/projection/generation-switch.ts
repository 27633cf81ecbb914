import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { type BatchApplier, createBatchApplier } from './batch-applier.js';
import type { Projection } from './projection.js';
import {
  openReadModelForReading,
  openReadModelForWriting,
  ReadModelVersionMismatch,
} from './read-model-database.js';
import type { ReadModelDirectory } from './read-model-directory.js';

/** Old generations are deleted this long after a switch: queries may still be reading them. */
const STALE_GENERATION_GRACE_MS = 60_000;

/** The generation a runner serves and writes: its file, both connections, its batch applier. */
export interface ServingGeneration {
  readonly file: string;
  readonly writer: Database.Database;
  readonly reader: Database.Database;
  readonly applier: BatchApplier;
}

interface Warnings {
  warn(details: object, message: string): void;
}

/**
 * The generations of one read model as a runner sees them: the one the directory's pointer
 * names is opened (a new one when there is none, or when it holds another version of the
 * projection); a rebuild that publishes another is noticed by polling the pointer; generations
 * no longer serving are deleted.
 */
export class GenerationSwitch {
  private staleCleanup?: NodeJS.Timeout;

  constructor(
    private readonly projection: Projection,
    private readonly directory: ReadModelDirectory,
    private readonly logger: Warnings,
    /** The query connection's mapping (`OpenForReadingOptions.mapBytes`). */
    private readonly readerMapBytes = 0,
  ) {}

  /** Opens the serving generation, creating and publishing one when it cannot be used. */
  open(): ServingGeneration {
    const { name } = this.projection;
    let file = this.directory.current(name);
    let writer = file !== undefined && existsSync(file) ? this.openIfCurrent(file) : undefined;
    if (file === undefined || writer === undefined) {
      file = this.directory.newGeneration(name);
      writer = openReadModelForWriting(file, this.projection);
      this.directory.publish(name, file);
    }
    try {
      const reader = openReadModelForReading(file, { mapBytes: this.readerMapBytes });
      return { file, writer, reader, applier: createBatchApplier(writer, this.projection) };
    } catch (error) {
      writer.close();
      throw error;
    }
  }

  /** Calls `onSwitch` once the pointer names another file than `file`; returns the unwatch. */
  watch(file: string, pollMs: number, onSwitch: () => void): () => void {
    const watcher = setInterval(() => {
      if (this.directory.current(this.projection.name) !== file) onSwitch();
    }, pollMs);
    return () => clearInterval(watcher);
  }

  /** After a switch: the generations left behind are deleted once their readers are done. */
  switched(): void {
    clearTimeout(this.staleCleanup);
    this.staleCleanup = setTimeout(() => this.removeStale(), STALE_GENERATION_GRACE_MS);
    this.staleCleanup.unref();
  }

  /** Deletes generations that no longer serve; a failure only costs disk space, so it logs. */
  removeStale(): void {
    try {
      this.directory.removeStale(this.projection.name);
    } catch (error) {
      this.logger.warn(
        { projection: this.projection.name, err: error },
        'Could not delete old read-model generations',
      );
    }
  }

  /** Cancels a pending deletion (shutdown). */
  dispose(): void {
    clearTimeout(this.staleCleanup);
  }

  /** The file's writer, or undefined when it holds another projection or version. */
  private openIfCurrent(file: string): Database.Database | undefined {
    try {
      return openReadModelForWriting(file, this.projection);
    } catch (error) {
      if (!(error instanceof ReadModelVersionMismatch)) throw error;
      this.logger.warn(
        { projection: this.projection.name, err: error },
        'Read model rebuilt from scratch',
      );
      return undefined;
    }
  }
}

/** Closes both connections of a generation. */
export function closeGeneration(generation: ServingGeneration): void {
  generation.reader.close();
  generation.writer.close();
}
