// The settings of the api and the CLI, read from the environment and validated at start-up.
export * from './app-config.js';
export * from './data-dir-secret.js';
