// What every package shares: the shapes of commands, events and deciders, and the error base
// with a code and a kind, the registry of event schema versions and upcasters. Nothing here
// does I/O or imports a framework.
export * from './app-error.js';
export * from './command.js';
export * from './decider.js';
export * from './upcasters.js';
