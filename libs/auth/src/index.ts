// Who may call: roles, bearer tokens (issued by the CLI and tests, verified by the api) and the
// HS256 secret they are signed with. Free of any framework.
export * from './auth.errors.js';
export * from './jwt-secret.js';
export * from './roles.js';
export * from './tokens.js';
export * from './verified-tokens.js';
