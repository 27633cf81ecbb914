/* global module, require -- CommonJS, like jest.config.js */
/**
 * `npm run test:chaos`: the heavy, opt-in reliability runs (crash, projection crash, fuzz), bounded in time and on
 * loopback only. Same transform setup as jest.config.js; one suite at a time, since each
 * loads the machine on its own.
 * @type {import('jest').Config}
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
  maxWorkers: 1,
  testTimeout: 600_000,
};
