import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@customer-workspace/auth';
import type { Role } from '@customer-workspace/auth';
import {
  customerListProjection,
  ReadModelDirectory,
  rebuildReadModel,
  type Projection,
  WORKSPACE_STREAM_CATEGORIES,
  WORKSPACE_UPCASTERS,
} from '@customer-workspace/read-models';
import { createEventStore } from '@customer-workspace/event-store';
import { PersonalDataEventStore, SqlitePersonalDataKeys } from '@customer-workspace/personal-data';
import { freePort, runApi, type Run, waitFor } from '../fixtures/api-process.js';
import { dumpReadModel } from '../cli/rebuild-dump.js';

export const SECRET = 'chaos-secret-chaos-secret-chaos-secret!';

/** The built api as a child on `dataDir` (with extra settings `env`), started and healthy. */
export async function startApi(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ run: Run; base: string }> {
  const port = await freePort();
  const run = runApi({
    DATA_DIR: dataDir,
    PORT: String(port),
    AUTH_JWT_SECRET: SECRET,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  let healthy = false;
  const poll = setInterval(() => {
    fetch(`${base}/health`)
      .then((response) => (healthy ||= response.status === 200))
      .catch(() => undefined);
  }, 50);
  try {
    await waitFor(() => healthy, `the api on ${base}\n${run.output()}`, 90_000);
  } finally {
    clearInterval(poll);
  }
  return { run, base };
}

export async function tokenFor(partnerId: string, ...roles: Role[]): Promise<string> {
  const token = await issueToken({ partnerId, roles }, new TextEncoder().encode(SECRET));
  return `Bearer ${token}`;
}

/** Waits until every projection of the api has applied the store's head (lag 0). */
export async function projectionsCaughtUp(base: string): Promise<void> {
  let done = false;
  while (!done) {
    const health = (await (await fetch(`${base}/health`)).json()) as {
      checks: { name: string; lag?: string; status: string }[];
    };
    done = health.checks
      .filter((check) => check.name.startsWith('projection:'))
      .every((check) => check.status === 'up' && check.lag === '0');
    if (!done) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The serving read model of `projection` in `dataDir` compared with one rebuilt from scratch
 * (in a directory of its own) from the same events: equal row by row, or the differences.
 */
export async function servingEqualsRebuild(
  dataDir: string,
  projection: Projection = customerListProjection,
): Promise<{ serving: unknown; rebuilt: unknown }> {
  const serving = new ReadModelDirectory(dataDir).current(projection.name);
  if (serving === undefined) throw new Error(`No serving ${projection.name} in ${dataDir}`);
  // The events as the api's projections read them (upcast, billing profiles opened), as
  // `cli rebuild` opens them: the activity log shows the opened profiles.
  const store = new PersonalDataEventStore(
    createEventStore({
      dataDir,
      categories: WORKSPACE_STREAM_CATEGORIES,
      upcasters: WORKSPACE_UPCASTERS,
    }),
    new SqlitePersonalDataKeys(dataDir),
    { ownsKeys: true },
  );
  const elsewhere = new ReadModelDirectory(mkdtempSync(join(tmpdir(), 'cw-rebuild-')));
  try {
    const { file } = await rebuildReadModel(store, projection, elsewhere);
    return { serving: dumpReadModel(serving), rebuilt: dumpReadModel(file) };
  } finally {
    await store.close();
  }
}
