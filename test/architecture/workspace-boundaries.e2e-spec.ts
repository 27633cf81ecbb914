import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../fixtures/dist.js';

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
  readonly line: number;
}

/** Lints `code` as if it were the file `filePath` of the repository, with the real config. */
function lint(filePath: string, code: string): Promise<LintMessage[]> {
  const eslint = join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [eslint, '--stdin', '--stdin-filename', filePath, '--format', 'json'],
      { cwd: repoRoot },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      try {
        const [result] = JSON.parse(out) as { messages: LintMessage[] }[];
        done(result?.messages ?? []);
      } catch (error) {
        fail(new Error(`eslint printed no report: ${out}`, { cause: error }));
      }
    });
    child.stdin.end(code);
  });
}

const boundaryErrors = (messages: LintMessage[]) =>
  messages.filter((m) => m.ruleId === 'workspace/boundaries').map((m) => m.message);

describe('the workspace boundaries lint rule (planted imports)', () => {
  it('refuses a domain file importing the event store, a relative path into it, or a framework', async () => {
    const errors = boundaryErrors(
      await lint(
        'libs/customers/src/customer/planted.ts',
        [
          "import { SqliteEventStore } from '@customer-workspace/event-store';",
          "import { x } from '../../../event-store/src/index.js';",
          "import { Injectable } from '@nestjs/common';",
          'export const planted = [SqliteEventStore, x, Injectable];',
          '',
        ].join('\n'),
      ),
    );
    expect(errors).toEqual([
      expect.stringContaining(
        '@customer-workspace/customers may not import @customer-workspace/event-store',
      ),
      expect.stringContaining('reaches outside @customer-workspace/customers'),
      expect.stringContaining("it may not import '@nestjs/common'"),
    ]);
  });

  it('refuses the CLI importing the api', async () => {
    const errors = boundaryErrors(
      await lint(
        'apps/cli/src/planted.ts',
        "import { createApp } from '@customer-workspace/api';\nexport const planted = createApp;\n",
      ),
    );
    expect(errors).toEqual([
      expect.stringContaining('@customer-workspace/cli may not import @customer-workspace/api'),
    ]);
  });

  it("refuses a deep import into an adapter's internals, and a testing entry outside tests", async () => {
    const errors = boundaryErrors(
      await lint(
        'apps/api/src/planted.ts',
        [
          "import { toStorageError } from '@customer-workspace/event-store/src/embedded/sqlite-errors.js';",
          "import { testEvent } from '@customer-workspace/event-store/testing';",
          'export const planted = [toStorageError, testEvent];',
          '',
        ].join('\n'),
      ),
    );
    expect(errors).toEqual([
      expect.stringContaining('is internal to @customer-workspace/event-store'),
      expect.stringContaining("'@customer-workspace/event-store/testing' is for tests only"),
    ]);
  });

  it('refuses a lib importing an app, and a test reaching into a package by a relative path', async () => {
    const lib = boundaryErrors(
      await lint(
        'libs/read-models/src/planted.ts',
        "import { createApp } from '@customer-workspace/api';\nexport const planted = createApp;\n",
      ),
    );
    expect(lib).toEqual([expect.stringContaining('may not import @customer-workspace/api')]);
    const test = boundaryErrors(
      await lint(
        'test/api/planted.e2e-spec.ts',
        "import { createApp } from '../../apps/api/src/app.factory.js';\nexport const planted = createApp;\n",
      ),
    );
    expect(test).toEqual([expect.stringContaining('import @customer-workspace/api by its name')]);
  });

  it("refuses the api's platform importing a business module", async () => {
    const messages = await lint(
      'apps/api/src/platform/health/planted.ts',
      "import { OrdersModule } from '../../business/orders/orders.module.js';\nexport const planted = OrdersModule;\n",
    );
    expect(messages.map((m) => [m.ruleId, m.message])).toEqual([
      [
        'no-restricted-imports',
        expect.stringContaining('The platform serves the business modules and never imports one'),
      ],
    ]);
  });

  it('refuses the other ways to import: import = require, a template in import(), a test helper', async () => {
    const errors = boundaryErrors(
      await lint(
        'libs/customers/src/customer/planted.ts',
        [
          "import store = require('@customer-workspace/event-store');",
          'export const later = () => import(`@customer-workspace/read-models`);',
          "export { CUSTOMER } from '../testing/customers.fixtures.js';",
          'export const planted = store;',
          '',
        ].join('\n'),
      ),
    );
    expect(errors).toEqual([
      expect.stringContaining('may not import @customer-workspace/event-store'),
      expect.stringContaining('may not import @customer-workspace/read-models'),
      expect.stringContaining('is a test helper: production code may not import it'),
    ]);
  });

  it('accepts the imports the dependencies allow', async () => {
    const errors = boundaryErrors(
      await lint(
        'libs/read-models/src/planted.spec.ts',
        [
          "import { AppError } from '@customer-workspace/kernel';",
          "import { customerDecider } from '@customer-workspace/customers';",
          "import { testEvent } from '@customer-workspace/event-store/testing';",
          "import { helper } from './projection/projection.js';",
          'export const planted = [AppError, customerDecider, testEvent, helper];',
          '',
        ].join('\n'),
      ),
    );
    expect(errors).toEqual([]);
  });
});
