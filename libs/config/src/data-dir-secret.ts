import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `DATA_DIR` (or a file in it) cannot serve: start-up stops with a message naming it. */
export class DataDirectoryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataDirectoryError';
  }
}

/** The data directory, created when absent; refused when it cannot be written. */
export function writableDataDirectory(dir: string): string {
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new DataDirectoryError(
      `Data directory ${path} cannot be created or written: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return path;
}

/**
 * A deployment secret kept in `DATA_DIR/<fileName>` (mode 0600): made once by `create`, read
 * back ever after, so every process on this data directory (the api, the CLI) shares it.
 * Refused when the file holds fewer than `minLength` characters.
 */
export function dataDirSecret(
  dataDir: string,
  fileName: string,
  create: () => string,
  minLength: number,
): string {
  const file = join(writableDataDirectory(dataDir), fileName);
  if (!existsSync(file)) {
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    try {
      writeFileSync(file, create(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < minLength)
    throw new DataDirectoryError(
      `${resolve(file)} holds no usable secret (expected at least ${minLength} characters)`,
    );
  return secret;
}
