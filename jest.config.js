/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  // bench/ holds benchmarks (never run here) and the specs of their verdict logic.
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/bench'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // NestJS 12 ships ESM only; swc turns it into CommonJS for Jest on Node 20.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|cookie|jose|canonicalize|file-type|strtok3|token-types|@tokenizer|uint8array-extras|content-disposition|glob|minimatch|path-scurry|lru-cache|minipass|@isaacs)/)(?!.*/node_modules/)',
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Workspace packages resolve through node_modules like any package; this export condition
  // picks their TypeScript sources (swc compiles them) instead of their built dist/.
  testEnvironmentOptions: {
    customExportConditions: ['customer-workspace-source', 'node', 'node-addons'],
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  testTimeout: 30000,
};
