export * from './event-envelope.js';
export * from './event-store.errors.js';
export * from './event-store.port.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './embedded/sqlite-event-store.js';
export type { SynchronousLevel } from './embedded/sqlite-database.js';
export * from './command-handling/decider.js';
export * from './command-handling/command-handler.js';
export * from './create-event-store.js';
