import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * The read-model files in `DATA_DIR/read-models`. Each projection has generations
 * (`customer-list.<id>.db`) and a pointer file (`customer-list.current`) naming the one that
 * serves. A rebuild writes a new generation (`….building-<pid>.db` until it is complete), then
 * swaps the pointer atomically (write + fsync + rename); the api follows the pointer. A
 * generation is never renamed while open: its WAL file keeps its own name.
 */
export class ReadModelDirectory {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(resolve(dataDir), 'read-models');
    mkdirSync(this.path, { recursive: true });
  }

  /** The serving generation's file, or undefined when there is none yet. */
  current(name: string): string | undefined {
    const pointer = join(this.path, `${name}.current`);
    if (!existsSync(pointer)) return undefined;
    const file = readFileSync(pointer, 'utf8').trim();
    return file === '' ? undefined : join(this.path, file);
  }

  /** A new generation's file name; `building` marks one under construction by this process. */
  newGeneration(name: string, building = false): string {
    const id = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
    const suffix = building ? `.building-${process.pid}` : '';
    return join(this.path, `${name}.${id}${suffix}.db`);
  }

  /** Gives a complete, closed building file its final name (safe: nothing has it open). */
  finishBuilding(file: string): string {
    const finished = file.replace(/\.building-\d+\.db$/, '.db');
    renameSync(file, finished);
    return finished;
  }

  /** Makes `file` the serving generation (atomic and durable). */
  publish(name: string, file: string): void {
    const pointer = join(this.path, `${name}.current`);
    const temporary = `${pointer}.${process.pid}.tmp`;
    writeFileSync(temporary, `${file.slice(this.path.length + 1)}\n`);
    fsyncFile(temporary);
    renameSync(temporary, pointer);
    fsyncFile(this.path);
  }

  /**
   * Takes `name`'s rebuild lock (`<name>.rebuild.lock`, created exclusively, holding the pid)
   * and returns its release. One rebuild per read model at a time: a second one would only
   * redo the work and publish over the first. A lock left by a process that is gone is taken
   * over.
   */
  lockRebuild(name: string): () => void {
    const lock = join(this.path, `${name}.rebuild.lock`);
    for (let attempt = 0; ; attempt++) {
      try {
        writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
        return () => rmSync(lock, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
        const holder = Number(readFileSync(lock, 'utf8').trim());
        if (Number.isInteger(holder) && holder > 0 && isAlive(holder))
          throw new RebuildInProgress(name, holder);
        rmSync(lock, { force: true });
      }
    }
  }

  /**
   * Deletes generations that no longer serve, and building files whose process is gone.
   * Called by the api at start and a while after a swap (open readers keep their file).
   */
  removeStale(name: string): void {
    const current = this.current(name);
    for (const entry of readdirSync(this.path)) {
      if (!entry.startsWith(`${name}.`) || !entry.endsWith('.db')) continue;
      const file = join(this.path, entry);
      if (file === current) continue;
      const builder = /\.building-(\d+)\.db$/.exec(entry)?.[1];
      if (builder !== undefined && isAlive(Number(builder))) continue;
      removeDatabaseFile(file);
    }
  }
}

/** Another process is rebuilding the same read model. */
export class RebuildInProgress extends Error {
  constructor(
    readonly projection: string,
    readonly pid: number,
  ) {
    super(`${projection} is being rebuilt by process ${pid}: wait for it to finish, or stop it`);
    this.name = 'RebuildInProgress';
  }
}

/** Removes a SQLite file with its WAL, shared-memory and journal files. */
export function removeDatabaseFile(file: string): void {
  for (const side of SQLITE_SIDE_FILES) rmSync(`${file}${side}`, { force: true });
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
