import { transformFileSync } from '@swc/core';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { ReadModelsService } from '@customer-workspace/api/testing';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@customer-workspace/event-store';
import { testEvents } from '@customer-workspace/event-store/testing';
import {
  PROJECTIONS,
  ProjectionRunner,
  ReadModelDirectory,
  type ServedReadModel,
} from '@customer-workspace/read-models';
import { bearer, startTestApi, testStoreEnv } from '../fixtures/api-app.js';
import { newCustomerBody } from '../fixtures/customers.js';
import { repoRoot, requireBuild } from '../fixtures/dist.js';
import { dumpReadModel } from './rebuild-dump.js';
import { tallyProjection } from './rebuild-test-projection.js';

const PROGRESS_LINE = /^[\w-]+: \d+\/\d+ events \(\d+%\), \d+ events\/s, ETA \S+$/;
const TALLY = tallyProjection.name;
const logger = { error: jest.fn(), warn: jest.fn() };

/**
 * The built CLI with the real projections plus the test one: `runCli` is given the projections,
 * and the test projection is compiled for the child process here (the build leaves test/ out).
 */
function writeLauncher(dir: string): string {
  const projection = transformFileSync(join(__dirname, 'rebuild-test-projection.ts'), {
    swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  writeFileSync(join(dir, 'tally-projection.cjs'), projection.code);
  const launcher = join(dir, 'cli-with-tally.cjs');
  writeFileSync(
    launcher,
    `const { runCli } = require(${JSON.stringify(requireBuild('apps/cli/dist/cli.js'))});
const { PROJECTIONS } = require(${JSON.stringify(requireBuild('libs/read-models/dist/projections.js'))});
const { tallyProjection, slowed } = require('./tally-projection.cjs');
const delay = Number(process.env.TALLY_DELAY_MS ?? 0);
const tally = delay > 0 ? slowed(tallyProjection, delay) : tallyProjection;
runCli(process.argv.slice(2), { projections: [...PROJECTIONS, tally] }).then((code) => {
  process.exitCode = code;
});
`,
  );
  return launcher;
}

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...extra };
}

function runSync(script: string, dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], {
    cwd: repoRoot,
    env: env(dataDir),
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Resolves with the first stderr line matching `pattern`; rejects when the child ends first. */
function firstLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} first; stderr: ${text}`)));
  });
}

async function appendTallyEvents(store: EventStore, streams: number, perStream: number) {
  for (let s = 0; s < streams; s++) {
    // Inside the app's stream categories: the app reads nothing else of the store.
    await store.append(`partner-tally${s % 3}`, testEvents(perStream), {
      expectedRevision: 'any',
    });
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(20);
  }
  return Date.now() - started;
}

/** Everything in DATA_DIR/read-models: names, and the content of pointers and generations. */
function snapshot(dataDir: string): Record<string, string> {
  const dir = join(dataDir, 'read-models');
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

let work: string;
let launcher: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cw-rebuild-cli-'));
  launcher = writeLauncher(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cli rebuild of a read model built live', () => {
  let dataDir: string;
  let live: { file: string; dump: ReturnType<typeof dumpReadModel> };
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cw-rebuild-'));
    const store = new SqliteEventStore({ dataDir });
    const runner = new ProjectionRunner(store, tallyProjection, new ReadModelDirectory(dataDir), {
      logger,
      batchSize: 37,
    });
    runner.start();
    await appendTallyEvents(store, 6, 100);
    expect(await runner.waitFor(await store.headPosition(), 10_000)).toBe(true);
    live = { file: runner.servingFile(), dump: dumpReadModel(runner.servingFile()) };
    await runner.stop();
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves a new generation equal row by row to the live one', () => {
    expect(live.dump.tables['entries']).toHaveLength(600);
    const run = runSync(launcher, dataDir, 'rebuild', TALLY);
    expect(run.status).toBe(0);
    const serving = new ReadModelDirectory(dataDir).current(TALLY)!;
    expect(serving).not.toBe(live.file);
    expect(run.stdout).toMatch(
      new RegExp(
        `^${TALLY}: rebuilt 600 events in \\d+\\.\\ds \\(\\d+ events/s\\), serving ${serving}\\n$`,
      ),
    );
    expect(dumpReadModel(serving)).toEqual(live.dump);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('prints plain progress lines to stderr when it is not a terminal', () => {
    // 30 batches of 20 events, but one line per 10% only.
    const run = runSync(launcher, dataDir, 'rebuild', TALLY, '--batch-size', '20');
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(run.stderr).not.toContain('\u001b');
    for (const line of lines) expect(line).toMatch(PROGRESS_LINE);
    const percents = lines.map((line) => Number(/\((\d+)%\)/.exec(line)![1]));
    expect(percents).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(lines.at(-1)).toMatch(/^test-tally: 600\/600 events \(100%\), \d+ events\/s, ETA 0s$/);
  });
});

describe('cli rebuild interrupted', () => {
  let dataDir: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cw-rebuild-int-'));
    const store = new SqliteEventStore({ dataDir });
    await appendTallyEvents(store, 20, 150);
    await store.close();
    expect(runSync(launcher, dataDir, 'rebuild', TALLY).status).toBe(0);
    before = snapshot(dataDir);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s deletes what it built, exits %d and leaves the serving model untouched',
    async (signal, exitCode) => {
      const child = spawn(process.execPath, [launcher, 'rebuild', TALLY, '--batch-size', '20'], {
        cwd: repoRoot,
        env: env(dataDir, { TALLY_DELAY_MS: '1' }),
      });
      const exited = once(child, 'close');
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await firstLine(child, PROGRESS_LINE);
      expect(Object.keys(snapshot(dataDir)).some((name) => name.includes('.building-'))).toBe(true);
      child.kill(signal);
      const [code] = await exited;
      expect(code).toBe(exitCode);
      expect(stderr).toContain(`${TALLY}: interrupted by ${signal}`);
      expect(stderr).not.toContain('100%');
      expect(snapshot(dataDir)).toEqual(before);
    },
  );
});

describe('cli rebuild of the real projections', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'cw-rebuild-real-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = requireBuild('apps/cli/dist/main.js');

  it('rebuilds every projection without an argument, one summary line each', async () => {
    const store = new SqliteEventStore({ dataDir });
    await appendTallyEvents(store, 2, 10);
    await store.close();
    const run = runSync(cli, dataDir, 'rebuild');
    expect(run.status).toBe(0);
    const directory = new ReadModelDirectory(dataDir);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(PROJECTIONS.length);
    PROJECTIONS.forEach(({ name }, n) => {
      expect(lines[n]).toMatch(new RegExp(`^${name}: rebuilt 20 events in .*, serving `));
      expect(lines[n]!.endsWith(`serving ${directory.current(name)}`)).toBe(true);
    });
  });

  it('refuses an unknown projection, naming the known ones', () => {
    const run = runSync(cli, dataDir, 'rebuild', 'no-such-model');
    expect(run.status).toBe(1);
    const known = PROJECTIONS.map((projection) => projection.name).join(', ');
    expect(run.stderr).toContain(
      `Unknown projection "no-such-model"; known projections: ${known || '(none)'}`,
    );
  });

  it('refuses to start while another process rebuilds the same read model', () => {
    const lock = join(new ReadModelDirectory(dataDir).path, `${TALLY}.rebuild.lock`);
    writeFileSync(lock, `${process.pid}\n`); // this test's process: alive
    const before = snapshot(dataDir);
    try {
      const run = runSync(launcher, dataDir, 'rebuild', TALLY);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${TALLY} is being rebuilt by process ${process.pid}`);
      expect(snapshot(dataDir)).toEqual(before);
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('refuses an unknown option with the usage and exit code 2', () => {
    const run = runSync(cli, dataDir, 'rebuild', '--fast');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--fast'[\s\S]*Usage: cli rebuild \[PROJECTION\]/);
  });
});

describe('cli rebuild next to a running api', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'cw-rebuild-api-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the api answering, then the api serves the new generations, equal row by row', async () => {
    const api = await startTestApi({ DATA_DIR: dataDir });
    const store = api.app.get<EventStore>(EVENT_STORE);
    const directory = new ReadModelDirectory(dataDir);
    const tally = new ProjectionRunner(store, tallyProjection, directory, {
      logger,
      pointerPollMs: 100,
    });
    tally.start();
    try {
      const http = request(api.app.getHttpServer());
      const auth = await bearer(api, 'contoso', 'admin-agent');
      for (let n = 0; n < 10; n++) {
        const body = newCustomerBody({
          companyName: `Firma ${n}`,
          domain: `f${n}.onmicrosoft.com`,
        });
        await http.post('/v1/customers').set('Authorization', auth).send(body).expect(201);
      }
      // A GDAP relationship, so that its read model has rows to compare too.
      await http
        .post('/v1/gdap-relationships')
        .set('Authorization', auth)
        .send({
          displayName: 'Rebuilt',
          duration: 'P30D',
          roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
        })
        .expect(201);
      await appendTallyEvents(store, 3, 100);
      const readModels = api.app.get(ReadModelsService);
      const runners = [...PROJECTIONS.map(({ name }) => readModels.runner(name)), tally];
      const head = await store.headPosition();
      for (const runner of runners) expect(await runner.waitFor(head, 10_000)).toBe(true);
      const live = new Map(
        runners.map((r) => [
          r.projection.name,
          { file: r.servingFile(), dump: dumpReadModel(r.servingFile()) },
        ]),
      );
      for (const { dump } of live.values()) {
        const rows = Object.entries(dump.tables).filter(([table]) => table !== 'projection_meta');
        expect(rows.flatMap(([, tableRows]) => tableRows).length).toBeGreaterThan(0);
      }
      const list = () => http.get('/v1/customers').set('Authorization', auth);
      const { total } = (await list().expect(200)).body as { total: number };
      expect(total).toBe(10);

      const child = spawn(process.execPath, [launcher, 'rebuild', '--batch-size', '20'], {
        cwd: repoRoot,
        env: env(dataDir, { TALLY_DELAY_MS: '1', ...testStoreEnv(dataDir) }),
        stdio: 'ignore',
      });
      let running = true;
      const exited = once(child, 'close').then(([code]) => ((running = false), code));
      const answers: number[] = [];
      while (running) {
        const answer = await list();
        answers.push(answer.status);
        expect(answer.body.total).toBe(total);
        await sleep(20);
      }
      expect(await exited).toBe(0);
      expect(answers.length).toBeGreaterThan(3);
      expect(new Set(answers)).toEqual(new Set([200]));

      const switched = (r: ServedReadModel) =>
        r.servingFile() !== live.get(r.projection.name)!.file &&
        r.servingFile() === directory.current(r.projection.name);
      await until(() => runners.every(switched), 2000);
      for (const runner of runners) {
        expect(dumpReadModel(runner.servingFile())).toEqual(live.get(runner.projection.name)!.dump);
      }
      expect((await list().expect(200)).body.total).toBe(total);
      expect(logger.error).not.toHaveBeenCalled();
    } finally {
      await tally.stop();
      await api.close();
    }
  });
});
